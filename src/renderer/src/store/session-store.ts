import { create } from 'zustand';
import type { ServerProfile } from '../../../shared/profiles';
import type { SessionInfo } from '../../../shared/session';

interface SessionStoreState {
  session: SessionInfo | null;
  /** False until the first answer from the core: the page shows neither sign-in nor desk before. */
  known: boolean;
  profiles: ServerProfile[];
  activeProfileId: string | null;
}

export const useSessionStore = create<SessionStoreState>(() => ({
  session: null,
  known: false,
  profiles: [],
  activeProfileId: null,
}));
