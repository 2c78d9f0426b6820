import { buildIfStale } from '../../scripts/build-state.mjs';

/** The browser tests run the built app (the same bundle users get): build it once, if stale. */
export default function setup(): void {
  buildIfStale();
}
