import type { TFunction } from 'i18next';
import type { CommandFailure } from '../../../../shared/contract';

/** What the operator reads when something failed: a sentence in their language, and the core's own words. */
export interface FailureText {
  text: string;
  /** The core's message (it names the field, the URL or the cause), when it adds to `text`. */
  detail: string | null;
}

/** The core words TLS failures with the certificate error's code; those codes are stable. */
const TLS_PROBLEM = /secure connection|CERT_|SELF_SIGNED|TLS|SSL|EPROTO/i;

/** A sign-in failure, specific to its cause: wrong password, unreachable API (with its URL), TLS, refusal. */
export function signInFailure(t: TFunction, failure: CommandFailure, apiUrl: string): FailureText {
  switch (failure.code) {
    case 'unauthenticated':
      return { text: t('signIn.errors.unauthenticated'), detail: /wrong email or password/i.test(failure.message) ? null : failure.message };
    case 'network':
      return {
        text: t(TLS_PROBLEM.test(failure.message) ? 'signIn.errors.tls' : 'signIn.errors.network', { url: apiUrl }),
        detail: failure.message,
      };
    case 'forbidden':
      return { text: t('signIn.errors.forbidden'), detail: failure.message };
    case 'validation':
    case 'invalid-arguments':
      return { text: t('signIn.errors.validation'), detail: failure.message };
    case 'not-found':
      return { text: t('signIn.errors.notFound'), detail: null };
    default:
      return actionFailure(t, failure, t('signIn.errors.other'));
  }
}

/** Any other failed action: its own headline, or the read-only hub's explanation. */
export function actionFailure(t: TFunction, failure: CommandFailure, headline: string): FailureText {
  if (failure.code === 'read-only') return { text: t('signIn.errors.readOnly'), detail: null };
  return { text: headline, detail: failure.message === headline ? null : failure.message };
}
