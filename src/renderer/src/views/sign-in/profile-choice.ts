import { bridge } from '../../bridge';
import { useSessionStore } from '../../store/session-store';

const CHOSEN_KEY = 'rvm.signIn.profile';

/** Reads the profiles afresh after this view changed them (save, remove). */
export async function reloadProfiles(): Promise<void> {
  const listed = await bridge().profilesList();
  if (listed.ok) useSessionStore.setState({ profiles: listed.value.profiles, activeProfileId: listed.value.activeId });
}

/** The server chosen last time, so signing in again after a sign-out is one step. */
export function rememberedProfileId(): string | null {
  return localStorage.getItem(CHOSEN_KEY);
}

export function rememberProfileId(id: string): void {
  localStorage.setItem(CHOSEN_KEY, id);
}
