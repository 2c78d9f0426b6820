import { useTranslation } from 'react-i18next';
import type { PlaylistEntry, PlaylistState } from './playlist';

interface PlaylistProgressProps {
  entries: readonly PlaylistEntry[];
  state: PlaylistState | null;
  onShow(index: number): void;
}

/**
 * Which view is up and when the next comes: the views by name (the current one marked, each a button
 * that puts it up at once), and a thin bar that fills until the next. It stops while paused.
 */
export function PlaylistProgress({ entries, state, onShow }: PlaylistProgressProps) {
  const { t } = useTranslation();
  if (!state || entries.length < 2) return null;
  // A bar drawn late (a re-render mid-way) starts where the time actually is.
  const elapsed = Math.min(state.durationMs, Math.max(0, Date.now() - state.startedAt));
  return (
    <nav className="wall-progress" aria-label={t('wall.progress.label')} data-paused={state.paused}>
      <ol className="wall-progress-views">
        {entries.map((entry, index) => (
          <li key={index}>
            <button
              type="button"
              className="wall-progress-view"
              aria-current={index === state.index ? 'true' : undefined}
              title={t('wall.progress.show', { view: t(`wall.views.${entry.view}`) })}
              onClick={() => onShow(index)}
            >
              <span className="wall-progress-dot" aria-hidden="true">
                {index === state.index ? '●' : '○'}
              </span>
              {t(`wall.views.${entry.view}`)}
            </button>
          </li>
        ))}
      </ol>
      <div className="wall-progress-track" aria-hidden="true">
        <div
          key={`${state.index}-${state.startedAt}`}
          className="wall-progress-bar"
          style={{ animationDuration: `${state.durationMs}ms`, animationDelay: `-${elapsed}ms`, animationPlayState: state.paused ? 'paused' : 'running' }}
        />
      </div>
    </nav>
  );
}
