import type { NotificationConstructorOptions } from 'electron';
import type { NotificationRequest } from '../../shared/notifications';

interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
  close(): void;
}

export interface NotificationApi {
  isSupported(): boolean;
  create(options: NotificationConstructorOptions): NotificationLike;
}

export type ShowResult = { status: 'shown' } | { status: 'skipped'; reason: string };

/**
 * Shows the alerts policy's requests as native notifications. A newer notification of the same
 * kind replaces the older one (a storm stays one notice), live ones are kept referenced so the
 * click still arrives, and a click brings the window forward on the first machine named.
 */
export class NotificationService {
  private readonly live = new Map<string, NotificationLike>();

  constructor(
    private readonly api: NotificationApi,
    private readonly iconPath: string,
    private readonly onClick: (request: NotificationRequest) => void,
  ) {}

  show(request: NotificationRequest): ShowResult {
    if (!this.api.isSupported()) return { status: 'skipped', reason: 'This system does not support notifications.' };
    this.live.get(request.kind)?.close();
    const notification = this.api.create({
      title: request.title,
      body: request.body,
      icon: this.iconPath,
      urgency: request.severity === 'critical' ? 'critical' : 'normal',
      timeoutType: request.severity === 'critical' ? 'never' : 'default',
    });
    notification.on('click', () => this.onClick(request));
    notification.on('close', () => {
      if (this.live.get(request.kind) === notification) this.live.delete(request.kind);
    });
    this.live.set(request.kind, notification);
    notification.show();
    return { status: 'shown' };
  }

  /** How many are on screen, by kind. */
  get showing(): number {
    return this.live.size;
  }
}
