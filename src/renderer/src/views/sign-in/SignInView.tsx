import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerProfile } from '../../../../shared/profiles';
import { useSessionStore } from '../../store/session-store';
import { DemoPanel } from './DemoPanel';
import { ProfileForm } from './ProfileForm';
import { reloadProfiles, rememberedProfileId, rememberProfileId } from './profile-choice';
import { RemoveDialog } from './RemoveDialog';
import { ServerList } from './ServerList';
import { SignInForm } from './SignInForm';
import './sign-in.css';

/** What the right-hand side shows: the sign-in form for the chosen server, or a profile being edited. */
type Panel = { kind: 'sign-in' } | { kind: 'profile'; profile: ServerProfile | null; startWithImport: boolean };

/** The way in when nobody is signed in: the demo fleet, the servers set up here, and signing in to one. */
export function SignInView() {
  const { t } = useTranslation();
  const profiles = useSessionStore((state) => state.profiles);
  const activeId = useSessionStore((state) => state.activeProfileId);
  const [chosenId, setChosenId] = useState<string | null>(rememberedProfileId);
  const [panel, setPanel] = useState<Panel>({ kind: 'sign-in' });
  // Focus moves into the sign-in form when it (re)opens, but not while arrowing through the list.
  const [focusSignIn, setFocusSignIn] = useState(true);
  const [oneTimePassword, setOneTimePassword] = useState<{ profileId: string; password: string } | null>(null);
  const [removing, setRemoving] = useState<{ profile: ServerProfile; trigger: HTMLElement } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const chosen = profiles.find((p) => p.id === chosenId) ?? profiles.find((p) => p.id === activeId) ?? profiles[0] ?? null;

  const choose = (id: string) => {
    setChosenId(id);
    rememberProfileId(id);
    setFocusSignIn(false);
  };
  const openProfile = (profile: ServerProfile | null, startWithImport = false) => setPanel({ kind: 'profile', profile, startWithImport });
  const closeProfile = () => {
    setFocusSignIn(true);
    setPanel({ kind: 'sign-in' });
  };

  return (
    <div className="signin">
      <header className="signin-header">
        <h2 className="signin-title">{t('signIn.title')}</h2>
        <p className="signin-intro">{t('signIn.intro')}</p>
      </header>
      <DemoPanel />
      <div className="signin-columns">
        <section className="signin-panel signin-list" aria-labelledby="signin-servers-title">
          <h2 id="signin-servers-title">{t('signIn.servers.title')}</h2>
          {profiles.length === 0 ? (
            <p className="signin-hint">{t('signIn.servers.empty')}</p>
          ) : (
            <ServerList
              profiles={profiles}
              chosenId={chosen?.id ?? null}
              onChoose={choose}
              onEdit={(profile) => openProfile(profile)}
              onRemove={(profile, trigger) => setRemoving({ profile, trigger })}
            />
          )}
          <div className="signin-actions">
            <button ref={addButton} type="button" className="button" onClick={() => openProfile(null)}>
              {t('signIn.servers.add')}
            </button>
            <button type="button" className="button" onClick={() => openProfile(null, true)}>
              {t('signIn.servers.import')}
            </button>
          </div>
        </section>
        {panel.kind === 'profile' ? (
          <ProfileForm
            key={panel.profile?.id ?? 'new'}
            profile={panel.profile}
            startWithImport={panel.startWithImport}
            onCancel={closeProfile}
            onSaved={(saved, password) => {
              setChosenId(saved.id);
              rememberProfileId(saved.id);
              setOneTimePassword(password ? { profileId: saved.id, password } : null);
              closeProfile();
            }}
          />
        ) : chosen ? (
          <SignInForm
            // A fresh form per server (and per saved edit), so its fields start from that profile.
            key={`${chosen.id}:${chosen.email ?? ''}:${oneTimePassword?.profileId === chosen.id ? 'imported' : ''}`}
            profile={chosen}
            initialPassword={oneTimePassword?.profileId === chosen.id ? oneTimePassword.password : null}
            focusOnOpen={focusSignIn}
          />
        ) : (
          <section className="signin-panel signin-none">
            <p>{t('signIn.signIn.none')}</p>
          </section>
        )}
      </div>
      {removing && (
        <RemoveDialog
          profile={removing.profile}
          returnFocus={removing.trigger}
          onDone={(removed) => {
            setRemoving(null);
            // The removed row and its button are gone: focus goes to the list's own action.
            if (removed) void reloadProfiles().then(() => addButton.current?.focus());
          }}
        />
      )}
    </div>
  );
}
