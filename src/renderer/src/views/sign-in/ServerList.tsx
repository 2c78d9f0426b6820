import { useTranslation } from 'react-i18next';
import type { ServerProfile } from '../../../../shared/profiles';

interface ServerListProps {
  profiles: readonly ServerProfile[];
  chosenId: string | null;
  onChoose(id: string): void;
  onEdit(profile: ServerProfile): void;
  onRemove(profile: ServerProfile, trigger: HTMLElement): void;
}

/**
 * The servers set up on this computer, as one radio group (arrow keys move the choice). The demo
 * fleet's profile is rewritten by the app on every start, so it is neither edited nor removed here.
 */
export function ServerList({ profiles, chosenId, onChoose, onEdit, onRemove }: ServerListProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="signin-servers">
      <legend className="visually-hidden">{t('signIn.servers.legend')}</legend>
      <ul>
        {profiles.map((profile) => (
          <li key={profile.id} className={`signin-server${profile.id === chosenId ? ' signin-server-chosen' : ''}`} data-profile-id={profile.id}>
            <label className="signin-server-choice">
              <input type="radio" name="signin-server" value={profile.id} checked={profile.id === chosenId} onChange={() => onChoose(profile.id)} />
              <span className="signin-server-name">{profile.name}</span>
              {profile.demo && <span className="signin-tag">{t('signIn.servers.demoTag')}</span>}
              <span className="signin-server-url">{profile.apiBaseUrl}</span>
            </label>
            {!profile.demo && (
              <span className="signin-server-actions">
                <button type="button" className="button button-small" aria-label={t('signIn.servers.editLabel', { name: profile.name })} onClick={() => onEdit(profile)}>
                  {t('signIn.servers.edit')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('signIn.servers.removeLabel', { name: profile.name })}
                  onClick={(event) => onRemove(profile, event.currentTarget)}
                >
                  {t('signIn.servers.remove')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
