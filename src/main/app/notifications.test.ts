import { describe, expect, it } from 'vitest';
import type { NotificationRequest } from '../../shared/notifications';
import { NotificationService } from './notifications';

class FakeNotification {
  static all: FakeNotification[] = [];
  shown = false;
  closed = false;
  private listeners = new Map<string, () => void>();
  constructor(readonly options: Record<string, unknown>) {
    FakeNotification.all.push(this);
  }
  on(event: string, listener: () => void) {
    this.listeners.set(event, listener);
  }
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
    this.listeners.get('close')?.();
  }
  click() {
    this.listeners.get('click')?.();
  }
}

const request = (kind: NotificationRequest['kind'], body: string): NotificationRequest => ({
  id: `${kind}-1`,
  kind,
  severity: kind === 'full' ? 'critical' : 'warning',
  title: '7 machines full',
  body,
  machineIds: ['3', '9'],
  at: 0,
});

describe('native notifications', () => {
  function service(supported = true) {
    FakeNotification.all = [];
    const clicks: NotificationRequest[] = [];
    const notifications = new NotificationService(
      { isSupported: () => supported, create: (options) => new FakeNotification(options as Record<string, unknown>) },
      '/icon.png',
      (clicked) => clicks.push(clicked),
    );
    return { notifications, clicks };
  }

  it('shows the request with its words, critical ones urgent', () => {
    const { notifications } = service();
    expect(notifications.show(request('full', 'RVM A, RVM B'))).toEqual({ status: 'shown' });
    expect(FakeNotification.all[0].options).toMatchObject({ title: '7 machines full', body: 'RVM A, RVM B', urgency: 'critical', icon: '/icon.png' });
    expect(FakeNotification.all[0].shown).toBe(true);
  });

  it('replaces an earlier notification of the same kind instead of stacking them', () => {
    const { notifications } = service();
    notifications.show(request('full', 'first'));
    notifications.show(request('full', 'second'));
    notifications.show(request('offline', 'third'));
    expect(FakeNotification.all.map((n) => n.closed)).toEqual([true, false, false]);
    expect(notifications.showing).toBe(2);
  });

  it('passes a click on to open the machine', () => {
    const { notifications, clicks } = service();
    notifications.show(request('full', 'x'));
    FakeNotification.all[0].click();
    expect(clicks.map((c) => c.machineIds[0])).toEqual(['3']);
  });

  it('says why when the system cannot show notifications', () => {
    const { notifications } = service(false);
    expect(notifications.show(request('full', 'x'))).toMatchObject({ status: 'skipped' });
    expect(FakeNotification.all).toHaveLength(0);
  });
});
