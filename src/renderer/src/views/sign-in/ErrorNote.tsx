import { useTranslation } from 'react-i18next';
import type { FailureText } from './failure-text';

/**
 * A failure in the operator's language and, below it, the core's own words. `role="alert"` is
 * announced when it appears; the caller clears the failure before each try, so a repeated failure
 * appears (and is announced) again.
 */
export function ErrorNote({ failure, testId }: { failure: FailureText | null; testId?: string }) {
  const { t } = useTranslation();
  if (!failure) return null;
  return (
    <div role="alert" className="signin-alert" data-testid={testId}>
      <p className="signin-alert-text">{failure.text}</p>
      {failure.detail && <p className="signin-alert-detail">{t('signIn.errors.details', { message: failure.detail })}</p>}
    </div>
  );
}
