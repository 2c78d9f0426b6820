import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBanner } from './components/ConnectionBanner';
import { Toolbar } from './components/Toolbar';
import { useAppStore } from './store/app-store';
import { OverviewView } from './views/OverviewView';

export function App() {
  const { t } = useTranslation();
  const theme = useAppStore((state) => state.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app-shell">
      <header className="app-header">
        <div className="brand">
          <img src="/icon.png" alt="" width={28} height={28} />
          <h1>{t('app.name')}</h1>
        </div>
        <ConnectionBanner />
        <Toolbar />
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <a href="#overview" className="nav-item" aria-current="page">
          {t('nav.overview')}
        </a>
      </nav>
      <main className="app-main" id="overview">
        <OverviewView />
      </main>
    </div>
  );
}
