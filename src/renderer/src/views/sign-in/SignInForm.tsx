import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerProfile } from '../../../../shared/profiles';
import { bridge } from '../../bridge';
import { useUiStore } from '../../store/ui-store';
import { ErrorNote } from './ErrorNote';
import { Field } from './Field';
import type { FailureText } from './failure-text';
import { signInFailure } from './failure-text';
import { rememberProfileId } from './profile-choice';

interface SignInFormProps {
  profile: ServerProfile;
  /** A password imported from a .env, for this one sign-in. */
  initialPassword: string | null;
  /** False when the form changed because another server was chosen: focus stays in the list. */
  focusOnOpen: boolean;
}

/** Email and password for one server; the session store switches the app to the desk on success. */
export function SignInForm({ profile, initialPassword, focusOnOpen }: SignInFormProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(profile.email ?? '');
  const [password, setPassword] = useState(initialPassword ?? '');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FailureText | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  /** The first thing still to do: an empty field, else the button. */
  const focusNext = (emailValue: string, passwordValue: string) => {
    if (emailValue.trim() === '') emailRef.current?.focus();
    else if (passwordValue === '') passwordRef.current?.focus();
    else submitRef.current?.focus();
  };

  useEffect(() => {
    if (focusOnOpen) focusNext(profile.email ?? '', initialPassword ?? '');
    // Only when the form opens: later changes of the fields must not move the focus.
  }, []);

  const submit = async () => {
    if (email.trim() === '' || password === '') {
      setFailure({ text: t('signIn.signIn.missing'), detail: null });
      focusNext(email, password);
      return;
    }
    setPending(true);
    setFailure(null);
    const signedIn = await bridge().sessionSignIn({ profileId: profile.id, email: email.trim(), password });
    setPending(false);
    if (!signedIn.ok) {
      setFailure(signInFailure(t, signedIn, profile.apiBaseUrl));
      if (signedIn.code === 'unauthenticated') passwordRef.current?.select();
      return;
    }
    rememberProfileId(profile.id);
    useUiStore
      .getState()
      .toast({ tone: 'success', text: t('signIn.signIn.welcome', { server: profile.name, name: signedIn.value.user.name }), group: null });
  };

  return (
    <section className="signin-panel signin-credentials" aria-labelledby="signin-credentials-title">
      <h2 id="signin-credentials-title">{t('signIn.signIn.title', { name: profile.name })}</h2>
      <p className="signin-server-line">{t('signIn.signIn.server', { url: profile.apiBaseUrl })}</p>
      <form
        className="signin-form"
        noValidate
        aria-busy={pending}
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending) void submit();
        }}
      >
        <Field
          id="signin-email"
          label={t('signIn.signIn.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          inputRef={emailRef}
        />
        <Field
          id="signin-password"
          label={t('signIn.signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          inputRef={passwordRef}
          hint={profile.demo ? t('signIn.signIn.demoAccounts') : undefined}
        />
        <ErrorNote failure={failure} testId="sign-in-error" />
        <div className="signin-actions">
          <button ref={submitRef} type="submit" className="button button-primary" aria-disabled={pending}>
            {pending ? t('signIn.signIn.pending') : t('signIn.signIn.submit')}
          </button>
        </div>
        <p className="signin-hint">{t('signIn.signIn.bannerNote')}</p>
      </form>
    </section>
  );
}
