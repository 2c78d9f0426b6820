import type { ProfileDraft } from '../../../../shared/contract';
import { DEFAULT_TIMEZONE, ServerProfileSchema } from '../../../../shared/profiles';

/** The profile form as typed: every field a string, so a half-typed port is not lost. */
export interface ProfileValues {
  name: string;
  apiBaseUrl: string;
  reverbKey: string;
  reverbHost: string;
  reverbPort: string;
  reverbScheme: 'http' | 'https';
  authEndpoint: string;
  timezone: string;
}

export type ProfileField = Exclude<keyof ProfileValues, 'reverbScheme'>;

/** The fields in the order they appear, so the first invalid one can take the focus. */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  'name',
  'apiBaseUrl',
  'reverbKey',
  'reverbHost',
  'reverbPort',
  'authEndpoint',
  'timezone',
];

/** The settings a profile has apart from who signs in: what the form edits. */
export type ProfileSettings = Omit<ProfileDraft, 'id' | 'email'>;

export const EMPTY_VALUES: ProfileValues = {
  name: '',
  apiBaseUrl: '',
  reverbKey: '',
  reverbHost: '',
  // Reverb behind a TLS proxy is the common production set-up.
  reverbPort: '443',
  reverbScheme: 'https',
  authEndpoint: '',
  timezone: DEFAULT_TIMEZONE,
};

export function valuesFrom(settings: ProfileSettings): ProfileValues {
  return {
    name: settings.name,
    apiBaseUrl: settings.apiBaseUrl,
    reverbKey: settings.reverb.key,
    reverbHost: settings.reverb.host,
    reverbPort: String(settings.reverb.port),
    reverbScheme: settings.reverb.scheme,
    authEndpoint: settings.authEndpoint,
    timezone: settings.timezone,
  };
}

const shape = ServerProfileSchema.shape;
const reverb = shape.reverb.shape;

/** The same rules the core applies on save, checked here first so each field can say what is wrong. */
const CHECKS: Record<ProfileField, (value: string) => boolean> = {
  name: (value) => shape.name.safeParse(value).success,
  apiBaseUrl: (value) => shape.apiBaseUrl.safeParse(value).success,
  reverbKey: (value) => reverb.key.safeParse(value).success,
  reverbHost: (value) => reverb.host.safeParse(value).success,
  reverbPort: (value) => /^\d{1,5}$/.test(value) && reverb.port.safeParse(Number(value)).success,
  authEndpoint: (value) => shape.authEndpoint.safeParse(value).success,
  timezone: (value) => shape.timezone.safeParse(value).success,
};

export function invalidFields(values: ProfileValues): ProfileField[] {
  return PROFILE_FIELDS.filter((field) => !CHECKS[field](values[field].trim()));
}

export function settingsFrom(values: ProfileValues): ProfileSettings {
  return {
    name: values.name.trim(),
    apiBaseUrl: values.apiBaseUrl.trim(),
    reverb: {
      key: values.reverbKey.trim(),
      host: values.reverbHost.trim().toLowerCase(),
      port: Number(values.reverbPort.trim()),
      scheme: values.reverbScheme,
    },
    authEndpoint: values.authEndpoint.trim(),
    timezone: values.timezone.trim(),
  };
}

/**
 * Once the API address is known, the usual guesses for the fields still empty: Reverb on the same
 * host, and channels authorised at the Sanctum-protected `/api/broadcasting/auth` of that server.
 */
export function suggestionsFor(values: ProfileValues): Partial<ProfileValues> {
  let api: URL;
  try {
    api = new URL(values.apiBaseUrl.trim());
  } catch {
    return {};
  }
  if (api.protocol !== 'http:' && api.protocol !== 'https:') return {};
  const suggestions: Partial<ProfileValues> = {};
  if (values.reverbHost.trim() === '') suggestions.reverbHost = api.hostname;
  if (values.authEndpoint.trim() === '') {
    const base = api.pathname.replace(/\/+$/, '').replace(/\/api\/v\d+$/i, '');
    suggestions.authEndpoint = `${api.origin}${base}/api/broadcasting/auth`;
  }
  return suggestions;
}

/** Every IANA zone this runtime knows, for the time zone field's suggestions. */
export function knownTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [DEFAULT_TIMEZONE];
  }
}
