import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const WindowStateSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(400).max(20000),
    height: z.number().int().min(300).max(20000),
  }),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_SIZE = { width: 1440, height: 900 };

/** The file that remembers where the operator left the window. */
export function windowStateFile(dataDir: string): string {
  return join(dataDir, 'window-state.json');
}

/** A saved state that is unreadable, malformed or off every current display is ignored, not trusted. */
export function loadWindowState(file: string, displays: readonly Rectangle[]): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = WindowStateSchema.safeParse(raw);
  if (!parsed.success) return null;
  return displays.some((area) => overlapsEnough(parsed.data.bounds, area)) ? parsed.data : null;
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(state));
  } catch (error) {
    console.error('could not remember the window position:', error);
  }
}

/** At least a 100 × 50 corner of the title bar must be on the display, or the window could not be grabbed. */
function overlapsEnough(bounds: Rectangle, area: Rectangle): boolean {
  const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  const height = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
  return width >= 100 && height >= 50;
}
