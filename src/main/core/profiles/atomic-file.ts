import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Replaces a file's content all at once: the text goes to a temporary file beside it, is flushed to
 * disk, and only then renamed over the target. A crash leaves either the old file or the new one,
 * never half of each. The temporary file is created with `mode` (before any byte is written), so a
 * private file is never readable by others, not even for a moment.
 */
export async function writeFileAtomic(path: string, text: string, mode = 0o644): Promise<void> {
  await fsp.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const handle = await fsp.open(temporary, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temporary, path);
  } catch (error) {
    await fsp.rm(temporary, { force: true });
    throw error;
  }
}

/** An I/O error's own words, for a message a person reads. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
