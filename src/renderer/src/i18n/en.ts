/** English strings. Bahasa Indonesia mirrors every key (id.ts); the types make a missing key an error. */
export const en = {
  app: { name: 'RVM Control Room', tagline: 'Live control of your reverse vending machines' },
  nav: { label: 'Views', desk: 'Fleet', dashboard: 'Dashboard', history: 'History', about: 'About', signOut: 'Sign out', signedInAs: '{{name}} ({{role}})' },
  status: {
    active: 'Active',
    full: 'Full',
    maintenance: 'Maintenance',
    inactive: 'Inactive',
    error: 'Error',
    unknown: 'Unknown',
  },
  toasts: {
    oneChanged: '{{name}} is now {{status}}',
    manyChanged: '{{count}} machines changed status',
    dismiss: 'Dismiss',
    region: 'Notifications',
  },
  theme: { dark: 'Dark', light: 'Light', toggle: 'Switch to {{theme}} theme' },
  language: { label: 'Language' },
  connection: {
    connecting: 'Connecting…',
    live: 'Live',
    reconnecting: 'Reconnecting',
    reconnectingIn: 'Reconnecting in {{seconds}} s',
    offline: 'Offline since {{time}}',
    'public-only': 'Live on public channels only',
    'signed-out': 'Signed out',
    hubLost: 'Lost contact with the hub; trying again…',
    hubUnauthorised: 'The hub refused this page: open the address the hub printed, with its token.',
    fix: 'Server-side fix',
    dataAge: 'Data as of {{time}}',
    reconnectNow: 'Reconnect now',
    source: { polling: 'refreshed by polling', cache: 'cached data', live: 'live', none: 'no data yet' },
  },
  about: {
    title: 'This installation',
    name: 'Application',
    version: 'Version',
    platform: 'Platform',
    runtime: 'Runs as',
    runtimeElectron: 'Desktop app',
    runtimeHub: 'Hub (in a browser)',
    dataDir: 'Data folder',
    token: 'Sign-in token',
    loading: 'Loading…',
    failed: 'Could not read the installation details: {{message}}',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Strings = Widen<typeof en>;
