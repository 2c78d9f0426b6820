import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../store/ui-store';

const TOAST_MS = 6_000;

/** Grouped in-app toasts, announced politely to screen readers, each dismissable by keyboard. */
export function Toasts() {
  const { t } = useTranslation();
  const toasts = useUiStore((state) => state.toasts);
  const dismiss = useUiStore((state) => state.dismissToast);
  useEffect(() => {
    if (toasts.length === 0) return undefined;
    const oldest = Math.min(...toasts.map((toast) => toast.at));
    const timer = setTimeout(() => {
      const now = Date.now();
      toasts.filter((toast) => now - toast.at >= TOAST_MS).forEach((toast) => dismiss(toast.id));
    }, Math.max(0, oldest + TOAST_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [toasts, dismiss]);
  return (
    <section className="toasts" aria-label={t('toasts.region')} aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
          <span className="toast-text">{toast.text}</span>
          {toast.count > 1 && <span className="toast-count">×{toast.count}</span>}
          <button type="button" className="toast-close" aria-label={t('toasts.dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
