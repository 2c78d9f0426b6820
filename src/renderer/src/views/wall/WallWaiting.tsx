import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';
import { useSessionStore } from '../../store/session-store';

/**
 * What a wall shows with no fleet to show: plainly, in large type, whom it is waiting for. Nobody
 * stands at a wall to fix it, so it says what will happen, not what to click.
 */
export function WallWaiting() {
  const { t } = useTranslation();
  const link = useAppStore((state) => state.link);
  const known = useSessionStore((state) => state.known);
  const session = useSessionStore((state) => state.session);
  const reason = link === 'unauthorised' ? 'refused' : link !== 'open' || !known || session ? 'connect' : 'signIn';

  return (
    <main className="wall-waiting" data-wall-waiting={reason}>
      <div className="wall-waiting-mark" aria-hidden="true">
        {reason === 'refused' ? '✖' : '◌'}
      </div>
      <h1 className="wall-waiting-title">{t(`wall.waiting.${reason}`)}</h1>
      <p className="wall-waiting-detail">{t(`wall.waiting.${reason}Detail`)}</p>
    </main>
  );
}
