import { z } from 'zod';

/**
 * A server the control room can connect to: the MyRVM API and its Reverb WebSocket server. The
 * Reverb secret is never part of it (a client does not need it); the token lives in the SecretStore.
 */
export const ServerProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  name: z.string().trim().min(1).max(100),
  /** The REST API base, e.g. https://rvm.example.id/api/v2 */
  apiBaseUrl: z.url({ protocol: /^https?$/ }),
  reverb: z.object({
    key: z.string().trim().min(1).max(200),
    host: z.string().trim().min(1).max(253).regex(/^[\w.-]+$|^\[[0-9a-fA-F:]+\]$/, 'a host name or address'),
    port: z.number().int().min(1).max(65535),
    scheme: z.enum(['http', 'https']),
  }),
  /** Where private channels are authorised; absolute URL (pusher-js in Node needs one). */
  authEndpoint: z.url({ protocol: /^https?$/ }),
  /** The operators' timezone, for showing times (IANA name). */
  timezone: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Jakarta'),
  /** The email last used to sign in, to prefill the form. */
  email: z.string().max(254).nullable(),
  /** Set for the embedded demo fleet. */
  demo: z.boolean(),
});
export type ServerProfile = z.infer<typeof ServerProfileSchema>;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const DEFAULT_TIMEZONE = 'Asia/Jakarta';
