import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WallLayout } from '../../../shared/wall-layout';
import { DEFAULT_WALL_LAYOUT, parseWallLayout } from '../../../shared/wall-layout';

export interface LoadedLayout {
  layout: WallLayout;
  /** Where it came from: a file path, or "default". */
  source: string;
  /** Why a file was not used, when it was not: the app then runs the default layout. */
  problem: string | null;
}

export function layoutsFolder(dataDir: string): string {
  return join(dataDir, 'layouts');
}

/**
 * The wall layout at start: the `--layout` file when given, else `wall.json` (or the first .json)
 * in the data folder's layouts/. A bad file is reported, naming the problem, and the default
 * layout is used instead: a wall display never stays dark because of a typo.
 */
export function loadWallLayout(dataDir: string, file: string | null): LoadedLayout {
  const candidate = file ?? findLayoutFile(layoutsFolder(dataDir));
  if (!candidate) return { layout: DEFAULT_WALL_LAYOUT, source: 'default', problem: null };
  let text: string;
  try {
    text = readFileSync(candidate, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { layout: DEFAULT_WALL_LAYOUT, source: 'default', problem: `${candidate} could not be read (${code}); using the default layout.` };
  }
  const parsed = parseWallLayout(text, candidate);
  if (!parsed.ok) return { layout: DEFAULT_WALL_LAYOUT, source: 'default', problem: `${parsed.message}. Using the default layout.` };
  return { layout: parsed.layout, source: candidate, problem: null };
}

function findLayoutFile(folder: string): string | null {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return null;
  }
  const chosen = names.includes('wall.json') ? 'wall.json' : names[0];
  return chosen ? join(folder, chosen) : null;
}

/** Saves an imported layout as the data folder's wall.json, after checking it. */
export function saveWallLayout(dataDir: string, text: string): { ok: true; layout: WallLayout; path: string } | { ok: false; message: string } {
  const parsed = parseWallLayout(text, 'The imported layout');
  if (!parsed.ok) return parsed;
  const folder = layoutsFolder(dataDir);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'wall.json');
  writeFileSync(path, `${JSON.stringify(parsed.layout, null, 2)}\n`);
  return { ok: true, layout: parsed.layout, path };
}
