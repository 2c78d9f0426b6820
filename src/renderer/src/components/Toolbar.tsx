import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { useAppStore } from '../store/app-store';

/** Theme and language: the two settings every view shares. */
export function Toolbar() {
  const { t, i18n } = useTranslation();
  const theme = useAppStore((state) => state.theme);
  const setTheme = useAppStore((state) => state.setTheme);
  const other = theme === 'dark' ? 'light' : 'dark';
  return (
    <div className="toolbar">
      <label className="language-select">
        <span className="visually-hidden">{t('language.label')}</span>
        <select
          aria-label={t('language.label')}
          value={i18n.language}
          onChange={(event) => void i18n.changeLanguage(event.target.value)}
        >
          {LANGUAGES.map((language) => (
            <option key={language.code} value={language.code}>
              {language.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={() => setTheme(other)} data-testid="theme-toggle">
        {t('theme.toggle', { theme: t(`theme.${other}`) })}
      </button>
    </div>
  );
}
