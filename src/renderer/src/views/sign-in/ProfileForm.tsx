import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerProfile } from '../../../../shared/profiles';
import { bridge } from '../../bridge';
import { EnvImport } from './EnvImport';
import type { ImportedEnv } from './EnvImport';
import { ErrorNote } from './ErrorNote';
import { Field } from './Field';
import type { FailureText } from './failure-text';
import { actionFailure } from './failure-text';
import { reloadProfiles } from './profile-choice';
import type { ProfileField, ProfileValues } from './profile-values';
import { EMPTY_VALUES, invalidFields, knownTimeZones, settingsFrom, suggestionsFor, valuesFrom } from './profile-values';

interface ProfileFormProps {
  /** The profile to edit, or null to add one. */
  profile: ServerProfile | null;
  /** Opened to import a .env: the import is shown and focused first. */
  startWithImport: boolean;
  /** `password` is the .env's RVM_PASSWORD, for one sign-in; it is never saved. */
  onSaved(profile: ServerProfile, password: string | null): void;
  onCancel(): void;
}

const INVALID_KEYS: Record<ProfileField, string> = {
  name: 'signIn.invalid.name',
  apiBaseUrl: 'signIn.invalid.apiBaseUrl',
  reverbKey: 'signIn.invalid.reverbKey',
  reverbHost: 'signIn.invalid.reverbHost',
  reverbPort: 'signIn.invalid.reverbPort',
  authEndpoint: 'signIn.invalid.authEndpoint',
  timezone: 'signIn.invalid.timezone',
};

/** Adds or edits a server profile, by hand or from a Laravel .env. */
export function ProfileForm({ profile, startWithImport, onSaved, onCancel }: ProfileFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ProfileValues>(() => (profile ? valuesFrom(profile) : EMPTY_VALUES));
  const [imported, setImported] = useState<{ email: string | null; password: string | null } | null>(null);
  const [importOpen, setImportOpen] = useState(startWithImport);
  // Fields are marked only after a save was tried, not while the operator is still typing them.
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<FailureText | null>(null);
  const inputs = useRef<Partial<Record<ProfileField, HTMLInputElement | null>>>({});
  const envText = useRef<HTMLTextAreaElement>(null);
  const timeZones = useMemo(knownTimeZones, []);
  const invalid = checked ? invalidFields(values) : [];

  useEffect(() => {
    if (startWithImport) envText.current?.focus();
    else inputs.current.name?.focus();
  }, [startWithImport]);

  const set = (change: Partial<ProfileValues>) => setValues((current) => ({ ...current, ...change }));
  const field = (name: ProfileField) => ({
    id: `signin-profile-${name}`,
    value: values[name],
    onChange: (value: string) => set({ [name]: value }),
    error: invalid.includes(name) ? t(INVALID_KEYS[name]) : null,
    inputRef: (element: HTMLInputElement | null) => {
      inputs.current[name] = element;
    },
  });

  const applyImport = (result: ImportedEnv) => {
    const { password, email, ...settings } = result.draft;
    setValues(valuesFrom(settings));
    setImported({ email, password: password ?? null });
    setChecked(false);
    setFailure(null);
    // The pasted text is gone (it held the secret): continue where the settings now are.
    inputs.current.name?.focus();
  };

  const save = async () => {
    const wrong = invalidFields(values);
    if (wrong.length > 0) {
      setChecked(true);
      setFailure({ text: t('signIn.invalid.summary'), detail: null });
      inputs.current[wrong[0]]?.focus();
      return;
    }
    setSaving(true);
    setFailure(null);
    const email = imported?.email ?? profile?.email ?? null;
    const saved = await bridge().profilesSave({ profile: { ...settingsFrom(values), email, ...(profile ? { id: profile.id } : {}) } });
    setSaving(false);
    if (!saved.ok) {
      setFailure(actionFailure(t, saved, t('signIn.form.saveFailed')));
      return;
    }
    await reloadProfiles();
    onSaved(saved.value, imported?.password ?? null);
  };

  return (
    <section className="signin-panel signin-profile" aria-labelledby="signin-profile-title">
      <h2 id="signin-profile-title">{profile ? t('signIn.form.titleEdit', { name: profile.name }) : t('signIn.form.titleNew')}</h2>
      <button
        id="signin-env-toggle"
        type="button"
        className="button signin-env-toggle"
        aria-expanded={importOpen}
        aria-controls="signin-env"
        onClick={() => setImportOpen((open) => !open)}
      >
        <span aria-hidden="true">{importOpen ? '▾ ' : '▸ '}</span>
        {t('signIn.form.importToggle')}
      </button>
      <div id="signin-env" hidden={!importOpen}>
        <EnvImport onImported={applyImport} textRef={envText} labelledBy="signin-env-toggle" />
      </div>
      <form
        className="signin-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field {...field('name')} label={t('signIn.form.name')} hint={t('signIn.form.nameHint')} autoComplete="off" />
        <Field
          {...field('apiBaseUrl')}
          label={t('signIn.form.apiBaseUrl')}
          hint={t('signIn.form.apiBaseUrlHint')}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          onBlur={() => set(suggestionsFor(values))}
        />
        <fieldset className="signin-reverb">
          <legend>{t('signIn.form.reverb')}</legend>
          <p className="signin-hint">{t('signIn.form.reverbHint')}</p>
          <Field {...field('reverbKey')} label={t('signIn.form.reverbKey')} autoComplete="off" spellCheck={false} />
          <Field {...field('reverbHost')} label={t('signIn.form.reverbHost')} autoComplete="off" spellCheck={false} />
          <Field {...field('reverbPort')} label={t('signIn.form.reverbPort')} inputMode="numeric" autoComplete="off" className="signin-field-short" />
          <div className="signin-field signin-field-short">
            <label htmlFor="signin-profile-reverbScheme">{t('signIn.form.reverbScheme')}</label>
            <select
              id="signin-profile-reverbScheme"
              value={values.reverbScheme}
              onChange={(event) => set({ reverbScheme: event.target.value === 'http' ? 'http' : 'https' })}
            >
              <option value="https">https</option>
              <option value="http">http</option>
            </select>
          </div>
        </fieldset>
        <Field
          {...field('authEndpoint')}
          label={t('signIn.form.authEndpoint')}
          hint={t('signIn.form.authEndpointHint')}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
        />
        <Field {...field('timezone')} label={t('signIn.form.timezone')} hint={t('signIn.form.timezoneHint')} list="signin-timezones" autoComplete="off" />
        <datalist id="signin-timezones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <ErrorNote failure={failure} testId="profile-error" />
        <div className="signin-actions">
          <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving}>
            {saving ? t('signIn.form.saving') : t('signIn.form.save')}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            {t('signIn.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
