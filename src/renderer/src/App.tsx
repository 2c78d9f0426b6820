import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBanner } from './components/ConnectionBanner';
import { SessionMenu } from './components/SessionMenu';
import { Toasts } from './components/Toasts';
import { ReplayBar } from './components/ReplayBar';
import { Toolbar } from './components/Toolbar';
import { useAppStore } from './store/app-store';
import { useSessionStore } from './store/session-store';
import type { ViewName } from './store/ui-store';
import { useUiStore } from './store/ui-store';
import { AboutView } from './views/AboutView';
import { DeskView } from './views/desk/DeskView';
import { SignInView } from './views/sign-in/SignInView';
import { useWallDisplayIndex } from './views/wall/wall-hash';

// The charts (ApexCharts), the history and the wall load when first opened: the desk paints first.
const DashboardView = lazy(() => import('./views/dashboard/DashboardView').then((module) => ({ default: module.DashboardView })));
const HistoryView = lazy(() => import('./views/history/HistoryView').then((module) => ({ default: module.HistoryView })));
const WallView = lazy(() => import('./views/wall/WallView').then((module) => ({ default: module.WallView })));

const VIEWS: ViewName[] = ['desk', 'dashboard', 'history', 'about'];

export function App() {
  const { t } = useTranslation();
  const theme = useAppStore((state) => state.theme);
  const session = useSessionStore((state) => state.session);
  const known = useSessionStore((state) => state.known);
  const view = useUiStore((state) => state.view);
  const setView = useUiStore((state) => state.setView);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const wallDisplay = useWallDisplayIndex();

  // A wall display (`#wall`, `#wall=N`) is the wall alone, full screen: no header, navigation or sign-in.
  if (wallDisplay !== null) {
    return (
      <Suspense fallback={null}>
        <WallView displayIndex={wallDisplay} />
      </Suspense>
    );
  }

  return (
    <div className="app-shell">
      <header className="app-header">
        <div className="brand">
          <img src="/icon.png" alt="" width={28} height={28} />
          <h1>{t('app.name')}</h1>
        </div>
        <ConnectionBanner />
        <Toolbar />
        {session && <SessionMenu />}
      </header>
      <ReplayBar />
      <nav className="app-nav" aria-label={t('nav.label')}>
        {VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            className="nav-item"
            aria-current={view === name ? 'page' : undefined}
            disabled={!session && name !== 'about'}
            onClick={() => setView(name)}
          >
            {t(`nav.${name}`)}
          </button>
        ))}
      </nav>
      <main className="app-main" id="main">
        <Suspense fallback={null}>
          {!known ? null : view === 'about' ? <AboutView /> : !session ? <SignInView /> : view === 'dashboard' ? <DashboardView /> : view === 'history' ? <HistoryView /> : <DeskView />}
        </Suspense>
      </main>
      <Toasts />
    </div>
  );
}
