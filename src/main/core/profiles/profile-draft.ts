import type { z } from 'zod';
import { ServerProfileSchema } from '../../../shared/profiles';

/** A server profile before it has an id: what the import produces and what the store saves. */
export const ProfileDraftSchema = ServerProfileSchema.omit({ id: true, demo: true });

/**
 * `password` is only for a one-time sign-in; it is never part of a stored profile (the schemas
 * strip it) and never written anywhere by the profile store.
 */
export type ProfileDraft = z.infer<typeof ProfileDraftSchema> & { password?: string };

/** What each profile field must be, worded to follow the field's name: "<name> must be …". */
const RULES: Readonly<Record<string, string>> = {
  id: 'must be 1 to 64 lower-case letters, digits or dashes',
  name: 'must be 1 to 100 characters',
  apiBaseUrl: 'must be a full http:// or https:// address',
  reverb: 'must hold the Reverb key, host, port and scheme',
  'reverb.key': 'must be 1 to 200 characters',
  'reverb.host': 'must be a host name or address such as ws.example.id or 192.168.1.10 (no scheme or path)',
  'reverb.port': 'must be a number from 1 to 65535',
  'reverb.scheme': 'must be http or https',
  authEndpoint: 'must be a full http:// or https:// address',
  timezone: 'must be an IANA time zone such as Asia/Jakarta',
  email: 'must be at most 254 characters',
};

/** A value as it may appear in a message: plain text, one line, short. */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/\p{Cc}/gu, ' ');
  const short = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  return `'${short}'`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * One sentence per field that failed, named the way the person reading it knows the field (an
 * .env key, or a form label), e.g. "REVERB_PORT must be a number from 1 to 65535, not '0'."
 */
export function describeProfileIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  nameOf: (field: string) => string,
): string {
  const sentences = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (sentences.has(field)) continue;
    const value = valueAt(input, issue.path);
    const rule = RULES[field] ?? issue.message;
    sentences.set(
      field,
      value === undefined || value === null
        ? `${nameOf(field)} is missing.`
        : `${nameOf(field)} ${rule}, not ${quoted(value)}.`,
    );
  }
  return [...sentences.values()].join(' ');
}

/** The rule for one field, for checks made before the schema sees the value. */
export function ruleFor(field: string): string {
  return RULES[field] ?? 'is not valid';
}
