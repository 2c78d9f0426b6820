import type { CommandResponse, CommandResult } from '../../../../shared/contract';
import type { FleetEvent } from '../../../../shared/fleet';

type Page = CommandResponse<'history.query'>;
export type PageCursor = NonNullable<Page['nextCursor']>;
export type QueryPage = (cursor: PageCursor | undefined) => Promise<CommandResult<Page>>;

/**
 * The events of one filter, read a page at a time as the list scrolls (keyset pagination: each
 * page continues after the last row of the one before). The rows are kept in one array that only
 * grows, so a million of them cost no copying; `version` tells the view there is more to show.
 */
export class EventPager {
  readonly events: FleetEvent[] = [];
  loading = false;
  done = false;
  error: string | null = null;
  version = 0;
  private cursor: PageCursor | undefined;
  private closed = false;

  constructor(
    private readonly query: QueryPage,
    private readonly changed: () => void,
  ) {}

  async loadMore(): Promise<void> {
    if (this.loading || this.done || this.closed) return;
    this.loading = true;
    this.error = null;
    this.bump();
    let reply: CommandResult<Page>;
    try {
      reply = await this.query(this.cursor);
    } catch (error) {
      reply = { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
    }
    // A pager whose filter has been replaced drops its late answer.
    if (this.closed) return;
    this.loading = false;
    if (!reply.ok) this.error = reply.message;
    else {
      for (const event of reply.value.events) this.events.push(event);
      this.cursor = reply.value.nextCursor ?? undefined;
      this.done = reply.value.nextCursor === null;
    }
    this.bump();
  }

  /** Another try after a failure: clears the error and reads the page that failed. */
  retry(): Promise<void> {
    this.error = null;
    return this.loadMore();
  }

  close(): void {
    this.closed = true;
  }

  private bump(): void {
    this.version++;
    this.changed();
  }
}
