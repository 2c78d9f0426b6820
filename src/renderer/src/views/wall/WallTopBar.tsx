import { useTranslation } from 'react-i18next';
import { ReplayMark } from './ReplayMark';
import { WallClock } from './WallClock';
import { WallConnection } from './WallConnection';

/**
 * The slim bar across the top of a wall: which display this is, the connection, a replay warning,
 * the display's own controls (`children`) and the clock. Always there, whatever the view below.
 */
export function WallTopBar({ title, children }: { title: string | null; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="wall-bar">
      <div className="wall-brand">
        <img src="/icon.png" alt="" width={36} height={36} />
        <span className="wall-brand-name">{t('app.name')}</span>
        {title && <span className="wall-brand-display">{title}</span>}
      </div>
      <WallConnection />
      <ReplayMark />
      <div className="wall-bar-controls">{children}</div>
      <WallClock />
    </header>
  );
}
