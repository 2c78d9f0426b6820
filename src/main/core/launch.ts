import { readFile } from 'node:fs/promises';
import type { ControlRoom } from './control-room';
import type { LaunchOptions } from './launch-options';
import { importLaravelEnv } from './profiles/env-import';

/**
 * What `--demo` and `--env-file` ask for at start, the same for the desktop app and the hub. The
 * result is a message for the log when something is wrong; the app keeps running either way.
 */
export async function applyLaunchOptions(controlRoom: ControlRoom, options: LaunchOptions): Promise<string | null> {
  if (options.demo) {
    const started = await controlRoom.startDemo();
    return started.ok ? null : `the demo fleet could not start: ${started.message}`;
  }
  if (!options.envFile) return null;
  let text: string;
  try {
    text = await readFile(options.envFile, 'utf8');
  } catch (error) {
    return `could not read ${options.envFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  const imported = importLaravelEnv(text);
  if (!imported.ok) return `${options.envFile}: ${imported.message}`;
  const { password, ...draft } = imported.draft;
  const saved = await controlRoom.handlers['profiles.save']({ profile: { ...draft } }, { access: 'operate', via: 'ipc' });
  if (!saved.ok) return `${options.envFile}: ${saved.message}`;
  if (!draft.email || !password) return `${options.envFile} has no RVM_EMAIL and RVM_PASSWORD: sign in from the app.`;
  const signedIn = await controlRoom.signIn(saved.value.id, draft.email, password);
  return signedIn.ok ? null : `signing in to ${saved.value.name} failed: ${signedIn.message}`;
}
