import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';
import { useSessionStore } from '../store/session-store';
import { LayoutPanel } from './wall/LayoutPanel';

/** What this installation is and where it keeps its data. */
export function AboutView() {
  const { t } = useTranslation();
  const info = useAppStore((state) => state.appInfo);
  const error = useAppStore((state) => state.appInfoError);
  const session = useSessionStore((state) => state.session);
  return (
    <div className="about-view">
      <section className="panel" aria-labelledby="about-title">
        <h2 id="about-title">{t('about.title')}</h2>
        {error && <p role="alert">{t('about.failed', { message: error })}</p>}
        {!info && !error && <p>{t('about.loading')}</p>}
        {info && (
          <dl className="facts" data-testid="app-info">
            <dt>{t('about.name')}</dt>
            <dd data-field="name">{info.name}</dd>
            <dt>{t('about.version')}</dt>
            <dd data-field="version">{info.version}</dd>
            <dt>{t('about.platform')}</dt>
            <dd data-field="platform">{info.platform}</dd>
            <dt>{t('about.runtime')}</dt>
            <dd data-field="runtime">{info.runtime === 'electron' ? t('about.runtimeElectron') : t('about.runtimeHub')}</dd>
            <dt>{t('about.dataDir')}</dt>
            <dd data-field="dataDir">
              <code>{info.dataDir}</code>
            </dd>
            {session && (
              <>
                <dt>{t('about.token')}</dt>
                <dd data-field="token">{session.tokenStorage.description}</dd>
              </>
            )}
          </dl>
        )}
      </section>
      <LayoutPanel />
    </div>
  );
}
