import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { featureStrings } from './features';
import { id } from './id';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'id', name: 'Bahasa Indonesia' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'rvm.language';

/** The saved choice, else the OS/browser locale (Indonesian for `id`/`in`), else English. */
export function initialLanguage(saved: string | null, locales: readonly string[]): Language {
  if (saved === 'en' || saved === 'id') return saved;
  const first = (locales[0] ?? 'en').toLowerCase();
  return first.startsWith('id') || first.startsWith('in') ? 'id' : 'en';
}

export function setupI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, ...featureStrings.en } },
      id: { translation: { ...id, ...featureStrings.id } },
    },
    lng: initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages),
    fallbackLng: 'en',
    // React escapes everything it renders; i18next must not escape it a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.on('languageChanged', (language) => {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
