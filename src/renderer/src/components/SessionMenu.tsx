import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge';
import { useSessionStore } from '../store/session-store';

/** Who is signed in to which server, and the way out. */
export function SessionMenu() {
  const { t } = useTranslation();
  const session = useSessionStore((state) => state.session);
  const [busy, setBusy] = useState(false);
  if (!session) return null;
  return (
    <div className="session-menu">
      <span className="session-user" title={session.profileName}>
        {t('nav.signedInAs', { name: session.user.name, role: session.user.roleName ?? '?' })}
      </span>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void bridge()
            .sessionSignOut()
            .finally(() => setBusy(false));
        }}
      >
        {t('nav.signOut')}
      </button>
    </div>
  );
}
