import { buildIfStale } from '../../scripts/build-state.mjs';

/** The browser tests run the built app (the same bundle users get): build it once, if stale. */
export default function setup(): void {
  // RVM_OUT_DIR points the browser tests at another build, made by whoever set it.
  if (!process.env.RVM_OUT_DIR) buildIfStale();
}
