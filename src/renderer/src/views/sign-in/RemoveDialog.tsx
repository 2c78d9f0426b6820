import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../bridge';
import type { ServerProfile } from '../../../../shared/profiles';
import { ErrorNote } from './ErrorNote';
import type { FailureText } from './failure-text';
import { actionFailure } from './failure-text';

interface RemoveDialogProps {
  profile: ServerProfile;
  /** Where focus goes back when the dialog closes without removing. */
  returnFocus: HTMLElement | null;
  onDone(removed: boolean): void;
}

/**
 * Asks before a server profile is removed. The platform's modal `<dialog>` keeps focus inside and
 * makes the page behind it inert; Cancel is focused first, so Enter never removes by accident.
 */
export function RemoveDialog({ profile, returnFocus, onDone }: RemoveDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FailureText | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog.close();
  }, []);

  const cancel = () => {
    onDone(false);
    if (returnFocus?.isConnected) returnFocus.focus();
  };

  const remove = async () => {
    setPending(true);
    const removed = await bridge().profilesRemove({ id: profile.id });
    setPending(false);
    if (removed.ok) onDone(true);
    else setFailure(actionFailure(t, removed, removed.message));
  };

  return (
    <dialog
      ref={ref}
      className="signin-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="signin-remove-title"
      aria-describedby="signin-remove-body"
      onCancel={(event) => {
        // React decides when the dialog goes away; Escape only asks for it.
        event.preventDefault();
        if (!pending) cancel();
      }}
    >
      <h2 id="signin-remove-title">{t('signIn.remove.title', { name: profile.name })}</h2>
      <p id="signin-remove-body">{t('signIn.remove.body')}</p>
      <ErrorNote failure={failure} />
      <div className="signin-actions">
        <button ref={cancelRef} type="button" className="button" onClick={cancel} disabled={pending}>
          {t('signIn.remove.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={() => void remove()} disabled={pending} aria-busy={pending}>
          {pending ? t('signIn.remove.pending') : t('signIn.remove.confirm')}
        </button>
      </div>
    </dialog>
  );
}
