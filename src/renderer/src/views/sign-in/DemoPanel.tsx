import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../bridge';
import { useUiStore } from '../../store/ui-store';
import { ErrorNote } from './ErrorNote';
import type { FailureText } from './failure-text';
import { actionFailure } from './failure-text';
import { rememberProfileId } from './profile-choice';

/** The zero set-up way in: the embedded demo server, signed in as its operator. */
export function DemoPanel() {
  const { t } = useTranslation();
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<FailureText | null>(null);

  const start = async () => {
    setStarting(true);
    setFailure(null);
    const started = await bridge().demoStart();
    setStarting(false);
    if (!started.ok) {
      setFailure(actionFailure(t, started, t('signIn.demo.failed')));
      return;
    }
    rememberProfileId(started.value.profileId);
    useUiStore
      .getState()
      .toast({ tone: 'success', text: t('signIn.signIn.welcome', { server: started.value.profileName, name: started.value.user.name }), group: null });
  };

  return (
    <section className="signin-demo" aria-labelledby="signin-demo-title">
      <div className="signin-demo-text">
        <h2 id="signin-demo-title">{t('signIn.demo.title')}</h2>
        <p id="signin-demo-explanation">{t('signIn.demo.explanation')}</p>
      </div>
      <button
        type="button"
        className="button signin-demo-button"
        aria-describedby="signin-demo-explanation"
        aria-busy={starting}
        disabled={starting}
        onClick={() => void start()}
      >
        {starting ? t('signIn.demo.starting') : t('signIn.demo.button')}
      </button>
      <ErrorNote failure={failure} testId="demo-error" />
    </section>
  );
}
