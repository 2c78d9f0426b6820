import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { failure } from '../../../../shared/contract';
import { actionFailure, signInFailure } from './failure-text';

/** Shows which string was chosen and with what, instead of translating it. */
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;
const API = 'https://rvm.example.id/api/v2';

describe('what a failed sign-in says', () => {
  it('says the password is wrong, without repeating the core', () => {
    expect(signInFailure(t, failure('unauthenticated', 'Wrong email or password.'), API)).toEqual({ text: 'signIn.errors.unauthenticated', detail: null });
  });

  it('names the API address when it cannot be reached, with the cause below', () => {
    const message = `Nothing is listening at ${API}: is the API running, and is the URL right?`;
    expect(signInFailure(t, failure('network', message), API)).toEqual({ text: `signIn.errors.network {"url":"${API}"}`, detail: message });
  });

  it('tells a TLS problem apart from an unreachable server', () => {
    const message = `The secure connection to ${API} failed (CERT_HAS_EXPIRED): check the server's certificate, or the URL's scheme.`;
    expect(signInFailure(t, failure('network', message), API).text).toBe(`signIn.errors.tls {"url":"${API}"}`);
    expect(signInFailure(t, failure('network', `${API} did not answer in time.`), API).text).toMatch(/^signIn\.errors\.network/);
  });

  it('passes on which field the server refused, and why an account was refused', () => {
    const refused = 'Validation failed (password: The password field must be at least 6 characters.)';
    expect(signInFailure(t, failure('validation', refused), API)).toEqual({ text: 'signIn.errors.validation', detail: refused });
    expect(signInFailure(t, failure('forbidden', 'Insufficient permissions.'), API)).toEqual({ text: 'signIn.errors.forbidden', detail: 'Insufficient permissions.' });
  });

  it('explains a read-only display instead of showing the code', () => {
    expect(actionFailure(t, failure('read-only', 'read-only access'), 'headline')).toEqual({ text: 'signIn.errors.readOnly', detail: null });
  });
});
