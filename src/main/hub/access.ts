import { randomBytes, timingSafeEqual } from 'node:crypto';

export type Access = 'operate' | 'read';

/**
 * The hub's keys: the access token lets a browser operate the desk; display keys (wall displays)
 * only read. Compared in constant time.
 */
export class HubAccess {
  constructor(
    readonly token: string,
    private readonly displayKeys: readonly string[] = [],
  ) {}

  static generateToken(): string {
    return randomBytes(24).toString('base64url');
  }

  check(presented: string | null): Access | null {
    if (!presented) return null;
    if (safeEqual(presented, this.token)) return 'operate';
    return this.displayKeys.some((key) => safeEqual(presented, key)) ? 'read' : null;
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
