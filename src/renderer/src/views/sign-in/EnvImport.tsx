import type { Ref } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResponse } from '../../../../shared/contract';
import { bridge } from '../../bridge';
import { ErrorNote } from './ErrorNote';
import type { FailureText } from './failure-text';
import { actionFailure } from './failure-text';

export type ImportedEnv = CommandResponse<'profiles.import-env'>;

/** The core refuses more; a Laravel .env is a few kilobytes. */
const MAX_ENV_BYTES = 1024 * 1024;

function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

interface EnvImportProps {
  onImported(imported: ImportedEnv): void;
  textRef?: Ref<HTMLTextAreaElement>;
  /** The id of the element that names this section (the button that shows it). */
  labelledBy: string;
}

/**
 * Reads a Laravel `.env`, pasted or chosen as a file, through the core (which ignores the Reverb
 * secret). The text holds that secret, so it leaves the page as soon as it has been read: the
 * textarea is emptied, and a chosen file is never shown at all.
 */
export function EnvImport({ onImported, textRef, labelledBy }: EnvImportProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [reading, setReading] = useState(false);
  const [failure, setFailure] = useState<FailureText | null>(null);
  const [notes, setNotes] = useState<string[] | null>(null);
  const [hadPassword, setHadPassword] = useState(false);

  const importText = async (content: string, fromTextarea: boolean) => {
    setReading(true);
    setFailure(null);
    const imported = await bridge().profilesImportEnv({ text: content });
    setReading(false);
    if (!imported.ok) {
      setNotes(null);
      setFailure(actionFailure(t, imported, t('signIn.env.failed')));
      return;
    }
    if (fromTextarea) setText('');
    setNotes(imported.value.notes);
    setHadPassword(Boolean(imported.value.draft.password));
    onImported(imported.value);
  };

  const importFile = async (file: File) => {
    if (file.size > MAX_ENV_BYTES) {
      setFailure({ text: t('signIn.env.tooLarge'), detail: null });
      return;
    }
    let content: string;
    try {
      content = await readAsText(file);
    } catch (error) {
      setFailure({ text: t('signIn.env.fileFailed'), detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    await importText(content, false);
  };

  return (
    <section className="signin-env" aria-labelledby={labelledBy}>
      <p className="signin-hint">{t('signIn.env.intro')}</p>
      <form
        className="signin-env-paste"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() !== '') void importText(text, true);
        }}
      >
        <label htmlFor="signin-env-text">{t('signIn.env.paste')}</label>
        <textarea
          id="signin-env-text"
          ref={textRef}
          rows={5}
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds a line in a textarea; Ctrl/Cmd+Enter reads it, as in chat and code editors.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <button type="submit" className="button" disabled={reading || text.trim() === ''} aria-busy={reading}>
          {reading ? t('signIn.env.reading') : t('signIn.env.read')}
        </button>
      </form>
      <div className="signin-field">
        <label htmlFor="signin-env-file">{t('signIn.env.file')}</label>
        <input
          id="signin-env-file"
          type="file"
          disabled={reading}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that choosing the same file again reads it again.
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <ErrorNote failure={failure} testId="env-error" />
      <div className="signin-env-result" role="status">
        {notes && (
          <>
            <p>{t('signIn.env.done')}</p>
            {hadPassword && <p>{t('signIn.env.passwordFound')}</p>}
            {notes.length > 0 && (
              <>
                <h4>{t('signIn.env.notes')}</h4>
                <ul className="signin-env-notes" data-testid="env-notes">
                  {notes.map((note, index) => (
                    <li key={index}>{note}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
