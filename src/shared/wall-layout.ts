import { z } from 'zod';

/**
 * A control room's wall, as a file: which displays show what, and how the views rotate. Kept in
 * version control by the people who run the room, so a wall can be set up again exactly.
 */
export const WALL_VIEWS = ['grid', 'critical', 'stats'] as const;
export type WallViewName = (typeof WALL_VIEWS)[number];

const PlaylistEntrySchema = z
  .object({
    view: z.enum(WALL_VIEWS),
    /** How long this view stays up; the playlist's interval when absent. */
    seconds: z.number().int().min(5).max(3600).optional(),
  })
  .strict();

export const WallDisplaySchema = z
  .object({
    /** A name for this display, shown nowhere but in error messages and logs. */
    name: z.string().trim().min(1).max(60),
    /** Which screen: by its position in the system's list (0 = first), or the primary one. */
    screen: z.union([z.number().int().min(0).max(31), z.literal('primary')]),
    playlist: z.array(PlaylistEntrySchema).min(1).max(20),
    /** Seconds each view stays up unless its entry says otherwise. */
    intervalSeconds: z.number().int().min(5).max(3600).default(20),
    /** Only machines whose location contains one of these (case-insensitive); all when absent. */
    locations: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  })
  .strict();
export type WallDisplay = z.infer<typeof WallDisplaySchema>;

export const WallLayoutSchema = z
  .object({
    version: z.literal(1),
    name: z.string().trim().min(1).max(100),
    displays: z.array(WallDisplaySchema).min(1).max(16),
    /** Sound on critical events. */
    sound: z.boolean().default(true),
    /** The only way out of kiosk mode, as an Electron accelerator. */
    exitKeys: z
      .string()
      .regex(/^((CommandOrControl|Control|Ctrl|Alt|Shift|Super|Meta)\+)+[A-Z0-9]$/, 'an accelerator such as Control+Shift+Q')
      .default('Control+Shift+Q'),
    /** Seconds of no interaction before the playlist resumes. */
    resumeAfterSeconds: z.number().int().min(5).max(600).default(60),
  })
  .strict()
  .superRefine((layout, context) => {
    const screens = new Set<string>();
    layout.displays.forEach((display, index) => {
      const key = String(display.screen);
      if (screens.has(key)) {
        context.addIssue({ code: 'custom', path: ['displays', index, 'screen'], message: `screen ${key} is used by two displays` });
      }
      screens.add(key);
    });
  });
export type WallLayout = z.infer<typeof WallLayoutSchema>;

export const DEFAULT_WALL_LAYOUT: WallLayout = {
  version: 1,
  name: 'Default wall',
  displays: [
    {
      name: 'Main',
      screen: 'primary',
      playlist: [{ view: 'grid' }, { view: 'critical' }, { view: 'stats' }],
      intervalSeconds: 20,
    },
  ],
  sound: true,
  exitKeys: 'Control+Shift+Q',
  resumeAfterSeconds: 60,
};

export type LayoutResult = { ok: true; layout: WallLayout } | { ok: false; message: string };

/** Reads a layout file's text; a bad one is refused with a message that names the problem and where. */
export function parseWallLayout(text: string, source = 'the layout'): LayoutResult {
  if (text.length > 256 * 1024) return { ok: false, message: `${source} is larger than 256 KB; a wall layout is a short file.` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${source} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = WallLayoutSchema.safeParse(raw);
  if (parsed.success) return { ok: true, layout: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') : 'the top level';
  return { ok: false, message: `${source}: ${where}: ${issue.message}` };
}
