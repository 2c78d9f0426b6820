import { useTranslation } from 'react-i18next';
import type { WallDisplay, WallLayout } from '../../../../shared/wall-layout';
import { CriticalList } from './CriticalList';
import { PlaylistProgress } from './PlaylistProgress';
import { SoundToggle } from './SoundToggle';
import { StatusGrid } from './StatusGrid';
import { useCriticalSound } from './use-critical-sound';
import { usePlaylist } from './use-playlist';
import { useWallMachines } from './use-wall-machines';
import { WallStats } from './WallStats';
import { WallTopBar } from './WallTopBar';

interface WallScreenProps {
  layout: WallLayout;
  display: WallDisplay;
  displayIndex: number;
  /** The address asked for a display the layout does not have: this is the first one instead. */
  missing: boolean;
}

/** One display of the wall with a fleet to show: its playlist of views, its sound, its controls. */
export function WallScreen({ layout, display, displayIndex, missing }: WallScreenProps) {
  const { t } = useTranslation();
  const machines = useWallMachines(display.locations);
  const { state, show } = usePlaylist(display, layout.resumeAfterSeconds);
  const sound = useCriticalSound(layout.sound, machines);
  const view = state?.entry.view;

  return (
    <>
      <WallTopBar title={display.name}>
        {state?.paused && (
          <strong className="wall-paused" role="status" title={t('wall.pausedLabel')} data-testid="wall-paused">
            <span aria-hidden="true">❚❚ </span>
            {t('wall.paused')}
          </strong>
        )}
        <SoundToggle sound={sound} />
      </WallTopBar>
      {missing && (
        <p className="wall-notice" role="alert">
          {t('wall.noSuchDisplay', { number: displayIndex + 1 })}
        </p>
      )}
      <main className="wall-content" data-wall-view={view}>
        {view === 'grid' && <StatusGrid machines={machines} locations={display.locations} />}
        {view === 'critical' && <CriticalList machines={machines} />}
        {view === 'stats' && <WallStats machines={machines} locations={display.locations} />}
      </main>
      <PlaylistProgress entries={display.playlist} state={state} onShow={show} />
    </>
  );
}
