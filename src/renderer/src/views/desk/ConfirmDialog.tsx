import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** "Are you sure?" for changes that take machines out of service. Cancel has the focus: the safe choice. */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  return (
    <ModalDialog title={title} onDismiss={onCancel} describedBy={bodyId}>
      <p id={bodyId}>{body}</p>
      <div className="desk-dialog-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {t('desk.commands.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={onConfirm} data-testid="confirm">
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
