import type { SortKey } from '../../store/ui-store';

/** The sortable columns, in display order; the selection checkbox comes before them. */
export const COLUMNS: readonly SortKey[] = ['name', 'location', 'status', 'capacity', 'lastChange', 'activeSessions'];

/** Fixed row height: the virtualiser places rows by arithmetic, never by measuring them. */
export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 40;
/** How long a row glows after its status changed live (matches the CSS animation). */
export const FLASH_MS = 1_500;
