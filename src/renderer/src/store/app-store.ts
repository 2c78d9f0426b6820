import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract';
import type { ConnectionState } from '../../../shared/connection';
import type { LinkState } from '../bridge/hub-transport';

export type Theme = 'dark' | 'light';

interface AppState {
  appInfo: AppInfo | null;
  appInfoError: string | null;
  connection: ConnectionState | null;
  link: LinkState;
  theme: Theme;
  setTheme(theme: Theme): void;
}

const THEME_KEY = 'rvm.theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'dark' || saved === 'light') return saved;
  // Control rooms are dim: dark unless the system asks for light.
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export const useAppStore = create<AppState>((set) => ({
  appInfo: null,
  appInfoError: null,
  connection: null,
  link: 'connecting',
  theme: initialTheme(),
  setTheme: (theme) => {
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
}));
