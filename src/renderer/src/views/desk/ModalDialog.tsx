import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';

interface ModalDialogProps {
  title: ReactNode;
  children: ReactNode;
  /** Escape (or the dialog's own cancel) asks for this; leave it out while the dialog must stay. */
  onDismiss?: () => void;
  className?: string;
  /** Set when the body text should be read with the title. */
  describedBy?: string;
}

/**
 * A modal dialog on the platform's own `<dialog>`: `showModal()` makes the page behind it inert and
 * keeps focus inside; Escape goes through `onDismiss`; focus returns where it was on close.
 */
export function ModalDialog({ title, children, onDismiss, className, describedBy }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  /** Closes this component asked for itself; their `close` events arrive later and are not dismissals. */
  const ownCloses = useRef(0);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // `data-autofocus` marks the control to start on (React's autoFocus fires before the dialog is shown).
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      ownCloses.current++;
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`desk-dialog${className ? ` ${className}` : ''}`}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        // React owns whether the dialog is shown: the browser must not close it behind React's back.
        event.preventDefault();
        dismiss.current?.();
      }}
      onClose={() => {
        if (ownCloses.current > 0) {
          ownCloses.current--;
          return;
        }
        // The browser may close a dialog itself (a repeated Escape overrides a prevented cancel):
        // treat that as a dismissal, or show it again when it must stay.
        if (dismiss.current) dismiss.current();
        else ref.current?.showModal();
      }}
    >
      <h2 id={titleId} className="desk-dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
