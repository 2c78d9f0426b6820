import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerProfile } from '../../../shared/profiles';
import type { ProfileDraft } from './profile-draft';
import { ProfileStore, type ProfileInput } from './profile-store';

const NOW = Date.parse('2025-06-01T08:00:00.000Z');

function draft(overrides: Partial<ProfileDraft> = {}): ProfileDraft {
  return {
    name: 'RVM Pusat Jakarta',
    apiBaseUrl: 'https://rvm.example.id/api/v2',
    reverb: { key: 'kx9a1uqgq2y7hwzscl0m', host: 'ws.example.id', port: 443, scheme: 'https' },
    authEndpoint: 'https://rvm.example.id/api/broadcasting/auth',
    timezone: 'Asia/Jakarta',
    email: 'operator@example.id',
    ...overrides,
  };
}

function stored(id: string, overrides: Partial<ServerProfile> = {}): ServerProfile {
  return { ...draft(), id, demo: false, ...overrides };
}

let dataDir: string;
let file: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'rvm-profiles-'));
  file = join(dataDir, 'profiles.json');
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(): Promise<{ store: ProfileStore; notes: string[] }> {
  return ProfileStore.open(dataDir, { now: () => NOW });
}

async function saved(store: ProfileStore, input: ProfileInput): Promise<ServerProfile> {
  const result = await store.save(input);
  if (!result.ok) throw new Error(`expected a saved profile, got: ${result.message}`);
  return result.profile;
}

describe('ProfileStore', () => {
  it('starts empty without a file, and says nothing', async () => {
    const { store, notes } = await open();
    expect(store.list()).toEqual([]);
    expect(store.activeId).toBeNull();
    expect(notes).toEqual([]);
  });

  it('saves, reloads, chooses and removes profiles', async () => {
    const { store } = await open();
    const profile = await saved(store, draft());
    expect(profile.id).toMatch(/^rvm-pusat-jakarta-[0-9a-f]{6}$/);
    expect(profile.demo).toBe(false);
    expect(await store.setActive(profile.id)).toEqual({ ok: true });

    const reopened = await open();
    expect(reopened.notes).toEqual([]);
    expect(reopened.store.list()).toEqual([profile]);
    expect(reopened.store.get(profile.id)).toEqual(profile);
    expect(reopened.store.activeId).toBe(profile.id);

    expect(await reopened.store.remove(profile.id)).toEqual({ ok: true });
    expect(reopened.store.activeId).toBeNull();
    const emptied = await open();
    expect(emptied.store.list()).toEqual([]);
    expect(emptied.store.activeId).toBeNull();
  });

  it('updates the profile with the given id, keeping its id', async () => {
    const { store } = await open();
    const first = await saved(store, draft());
    const renamed = await saved(store, { ...draft({ name: 'Pusat (baru)' }), id: first.id });
    expect(renamed.id).toBe(first.id);
    expect((await open()).store.list().map((profile) => profile.name)).toEqual(['Pusat (baru)']);
  });

  it('never writes the password, or any field that is not part of a profile', async () => {
    const { store } = await open();
    const input = { ...draft({ password: 'hunter22-sign-in-once' }), token: '5|plain-token-value' } as ProfileInput;
    const profile = await saved(store, input);
    expect(profile).not.toHaveProperty('password');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('hunter22-sign-in-once');
    expect(text).not.toContain('plain-token-value');
  });

  it('keeps markup in a name as plain text and makes a plain id from it', async () => {
    const { store } = await open();
    const profile = await saved(store, draft({ name: '<img src=x onerror=alert(1)>' }));
    expect(profile.name).toBe('<img src=x onerror=alert(1)>');
    expect(profile.id).toMatch(/^img-src-x-onerror-alert-1-[0-9a-f]{6}$/);
    expect((await saved(store, draft({ name: 'Depok – Çimanggis' }))).id).toMatch(/^depok-cimanggis-/);
    expect((await saved(store, draft({ name: '東京' }))).id).toMatch(/^server-[0-9a-f]{6}$/);
  });

  it('refuses invalid profiles with messages a person can act on, writing nothing', async () => {
    const { store } = await open();
    const badPort = await store.save(draft({ reverb: { ...draft().reverb, port: 70000 } }));
    expect(badPort).toEqual({ ok: false, message: "The Reverb port must be a number from 1 to 65535, not '70000'." });
    const noName = await store.save({ ...draft(), name: undefined } as unknown as ProfileInput);
    expect(noName).toEqual({ ok: false, message: 'The name is missing.' });
    const badId = await store.save({ ...draft(), id: 'Not An Id!' });
    expect(badId.ok).toBe(false);
    expect((badId as { message: string }).message).toMatch(/^The profile id must be 1 to 64 lower-case letters/);
    expect(await store.save('profile' as unknown as ProfileInput)).toMatchObject({ ok: false });
    expect(store.list()).toEqual([]);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('refuses to remove or choose a profile that does not exist', async () => {
    const { store } = await open();
    expect(await store.remove('nope')).toMatchObject({ ok: false, message: expect.stringMatching(/no server profile/) });
    expect(await store.setActive('nope')).toMatchObject({ ok: false });
    expect(await store.setActive(null)).toEqual({ ok: true });
  });

  it('hands out copies, so callers cannot change what is stored', async () => {
    const { store } = await open();
    const profile = await saved(store, draft());
    store.list()[0].name = 'changed';
    (store.get(profile.id) as ServerProfile).reverb.port = 1;
    expect(store.get(profile.id)).toEqual(profile);
  });

  it('keeps every change when saves overlap', async () => {
    const { store } = await open();
    const names = ['A', 'B', 'C', 'D', 'E'];
    await Promise.all(names.map((name) => store.save(draft({ name: `RVM ${name}` }))));
    expect((await open()).store.list().map((profile) => profile.name).sort()).toEqual(names.map((name) => `RVM ${name}`));
  });
});

describe('ProfileStore: atomic writes', () => {
  it('leaves no temporary files behind', async () => {
    const { store } = await open();
    await saved(store, draft());
    await saved(store, draft({ name: 'Kedua' }));
    expect(readdirSync(dataDir)).toEqual(['profiles.json']);
  });

  it('keeps the old file whole, and the store unchanged, when the final rename fails', async () => {
    const { store } = await open();
    const first = await saved(store, draft());
    const before = readFileSync(file, 'utf8');
    vi.spyOn(fsp, 'rename').mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));

    const result = await store.save(draft({ name: 'Tidak tersimpan' }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/could not be saved.*no space left/) });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(dataDir)).toEqual(['profiles.json']);
    expect(store.list()).toEqual([first]);
  });
});

describe('ProfileStore: damaged files', () => {
  const badName = 'profiles.json.bad-2025-06-01T08-00-00-000Z';

  it('sets a file that is not JSON aside and starts empty', async () => {
    writeFileSync(file, '{"version":1,"profiles":[{"id":');
    const { store, notes } = await open();
    expect(store.list()).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/is not valid JSON; the original was kept as .*profiles\.json\.bad-/)]);
    expect(readdirSync(dataDir).sort()).toEqual(['profiles.json', badName]);
    expect(readFileSync(join(dataDir, badName), 'utf8')).toBe('{"version":1,"profiles":[{"id":');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, activeId: null, profiles: [] });
  });

  it('keeps the valid profiles of a partly invalid file', async () => {
    const good = [stored('pusat-aaaaaa'), stored('depok-bbbbbb', { name: 'Depok' })];
    const content = {
      version: 1,
      activeId: 'depok-bbbbbb',
      profiles: [good[0], { ...good[1], reverb: { port: 'many' } }, good[1], 'junk', { ...good[0], name: 'Duplicate' }],
    };
    writeFileSync(file, JSON.stringify(content));
    const { store, notes } = await open();
    expect(store.list()).toEqual(good);
    expect(store.activeId).toBe('depok-bbbbbb');
    expect(notes).toEqual([expect.stringMatching(/had 3 of 5 profiles invalid or repeated; the 2 valid ones were kept/)]);
    expect(JSON.parse(readFileSync(join(dataDir, badName), 'utf8'))).toEqual(content);
    expect((await open()).store.list()).toEqual(good);
  });

  it.each([
    ['a newer format', { version: 2, profiles: [] }],
    ['a bare list', [stored('pusat-aaaaaa')]],
    ['null', null],
  ])('sets aside %s', async (_, content) => {
    writeFileSync(file, JSON.stringify(content));
    const { store, notes } = await open();
    expect(store.list()).toEqual([]);
    expect(notes[0]).toMatch(/is not a version 1 profiles file/);
    expect(readdirSync(dataDir)).toContain(badName);
  });

  it('forgets a chosen profile that no longer exists, without setting the file aside', async () => {
    writeFileSync(file, JSON.stringify({ version: 1, activeId: 'gone-cccccc', profiles: [stored('pusat-aaaaaa')] }));
    const { store, notes } = await open();
    expect(store.activeId).toBeNull();
    expect(store.list()).toHaveLength(1);
    expect(notes).toEqual([expect.stringMatching(/chosen last time no longer exists/)]);
    expect(readdirSync(dataDir)).toEqual(['profiles.json']);
  });

  it('never overwrites a file it could not read', async () => {
    mkdirSync(file);
    const { store, notes } = await open();
    expect(notes).toEqual([expect.stringMatching(/could not be read/)]);
    const result = await store.save(draft());
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not overwritten/) });
    expect(readdirSync(file)).toEqual([]);
  });
});
