// Demo accounts for every role, hashed passwords, and revocable Sanctum-style bearer tokens.
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';

export const ROLES = [
  { id: 1, name: 'Super Admin', slug: 'super-admin' },
  { id: 2, name: 'Admin', slug: 'admin' },
  { id: 3, name: 'Operator', slug: 'operator' },
  { id: 4, name: 'Technician', slug: 'technician' },
  { id: 5, name: 'Tenant', slug: 'tenant' },
  { id: 6, name: 'User', slug: 'user' },
] as const;

export type RoleSlug = (typeof ROLES)[number]['slug'];

/** The roles allowed on the admin RVM endpoints and the private admin-dashboard channel. */
export const STAFF_ROLES: readonly RoleSlug[] = ['super-admin', 'admin', 'operator', 'technician'];

export interface DemoAccount {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: RoleSlug;
}

/** One password for every demo account. */
export const DEMO_PASSWORD = 'demo12345';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { id: 1, name: 'Demo Super Admin', email: 'superadmin@demo.rvm', role: 'super-admin' },
  { id: 2, name: 'Demo Admin', email: 'admin@demo.rvm', role: 'admin' },
  { id: 3, name: 'Demo Operator', email: 'operator@demo.rvm', role: 'operator' },
  { id: 4, name: 'Demo Technician', email: 'technician@demo.rvm', role: 'technician' },
  { id: 5, name: 'Demo Tenant', email: 'tenant@demo.rvm', role: 'tenant' },
  { id: 6, name: 'Demo User', email: 'user@demo.rvm', role: 'user' },
];

export function roleName(slug: RoleSlug): string {
  return ROLES.find((role) => role.slug === slug)?.name ?? slug;
}

export function isStaff(account: DemoAccount): boolean {
  return STAFF_ROLES.includes(account.role);
}

/** The user as the platform's auth endpoints show it: `role` is the display name, not the slug. */
export function publicUser(account: DemoAccount): { id: number; name: string; email: string; role: string } {
  return { id: account.id, name: account.name, email: account.email, role: roleName(account.role) };
}

const KEY_LENGTH = 64;

function scryptKey(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

interface Credential {
  readonly account: DemoAccount;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

interface IssuedToken {
  readonly account: DemoAccount;
  readonly hash: string;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function hashCredential(account: DemoAccount, password: string): Promise<Credential> {
  const salt = randomBytes(16);
  return { account, salt, hash: await scryptKey(password, salt) };
}

interface HashedAccounts {
  /** By lower-cased email. */
  readonly credentials: ReadonlyMap<string, Credential>;
  /** Checked when the email is unknown, so that a miss costs as long as a wrong password. */
  readonly decoy: Credential;
}

let demoCredentials: Promise<HashedAccounts> | undefined;

/** Hashing is slow on purpose; the demo accounts never change, so a process hashes them once. */
function hashedDemoCredentials(): Promise<HashedAccounts> {
  demoCredentials ??= (async () => {
    const hashed = await Promise.all(DEMO_ACCOUNTS.map((account) => hashCredential(account, DEMO_PASSWORD)));
    const decoy = await hashCredential(DEMO_ACCOUNTS[0] as DemoAccount, randomBytes(16).toString('hex'));
    return { credentials: new Map(hashed.map((credential) => [credential.account.email.toLowerCase(), credential])), decoy };
  })();
  return demoCredentials;
}

export class AccountBook {
  private readonly tokens = new Map<number, IssuedToken>();
  private nextTokenId = 1;

  private constructor(private readonly hashed: HashedAccounts) {}

  static async create(): Promise<AccountBook> {
    return new AccountBook(await hashedDemoCredentials());
  }

  async verify(email: string, password: string): Promise<DemoAccount | undefined> {
    const known = this.hashed.credentials.get(email.toLowerCase());
    const credential = known ?? this.hashed.decoy;
    const key = await scryptKey(password, credential.salt);
    return known && timingSafeEqual(key, credential.hash) ? known.account : undefined;
  }

  findByEmail(email: string): DemoAccount | undefined {
    return this.hashed.credentials.get(email.toLowerCase())?.account;
  }

  /** A Sanctum 4 token: "<id>|<40 random characters><crc32b of them>"; only its SHA-256 is kept. */
  issueToken(account: DemoAccount): string {
    let entropy = '';
    for (let i = 0; i < 40; i++) entropy += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
    const plain = `${entropy}${crc32(entropy).toString(16).padStart(8, '0')}`;
    const id = this.nextTokenId++;
    this.tokens.set(id, { account, hash: sha256(plain) });
    return `${id}|${plain}`;
  }

  /** The account behind an `Authorization: Bearer …` header, with the token's id, or undefined. */
  authenticate(authorization: string | undefined): { account: DemoAccount; tokenId: number } | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const token = match?.[1];
    if (!token) return undefined;
    const bar = token.indexOf('|');
    const id = bar > 0 ? Number(token.slice(0, bar)) : NaN;
    const plain = bar > 0 ? token.slice(bar + 1) : token;
    const hash = sha256(plain);
    const tokenId = Number.isInteger(id) ? id : this.findTokenIdByHash(hash);
    const issued = tokenId === undefined ? undefined : this.tokens.get(tokenId);
    if (tokenId === undefined || !issued || !sameText(issued.hash, hash)) return undefined;
    return { account: issued.account, tokenId };
  }

  revokeToken(tokenId: number): void {
    this.tokens.delete(tokenId);
  }

  /** Revokes every token of the account with this email; returns how many there were. */
  revokeAllFor(email: string): number {
    const account = this.findByEmail(email);
    if (!account) return 0;
    let revoked = 0;
    for (const [id, token] of this.tokens) {
      if (token.account.id === account.id) {
        this.tokens.delete(id);
        revoked++;
      }
    }
    return revoked;
  }

  /** Sanctum also accepts a token without its "<id>|" prefix, looked up by its hash. */
  private findTokenIdByHash(hash: string): number | undefined {
    for (const [id, token] of this.tokens) {
      if (sameText(token.hash, hash)) return id;
    }
    return undefined;
  }
}
