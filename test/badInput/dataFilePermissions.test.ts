import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';
import { silentLogger } from '../support/testBot';

/**
 * The attack: the data folder's files were 0644, readable by every account on the machine, and one of them holds the
 * Direct Line secret (anyone reading it can open conversations as the council's website).
 */
describe('other accounts on the server reading the data folder', () => {
  let harness: ChannelHarness;
  const modes = (dir: string): Array<[string, number]> =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry): Array<[string, number]> => {
      const full = path.join(dir, entry.name);
      const own: [string, number] = [full, statSync(full).mode & 0o777];
      return entry.isDirectory() ? [own, ...modes(full)] : [own];
    });

  beforeAll(async () => {
    harness = await startChannelHarness({ env: { DIRECTLINE_SECRET: '' } });
    expect(harness.app.directLineSecretSource).toBe('generated');
  });
  afterAll(() => harness.close());

  test('finds the folder 0700 and every file 0600, the Direct Line secret’s included, after writes and compaction', async () => {
    const { token } = await harness.webchatToken();
    const resident = await harness.connect({ token, webSocket: false });
    await resident.say('when is my bin collected');
    await resident.botReplies(1);
    const store = harness.app.store;
    if ('maintain' in store && typeof store.maintain === 'function') await store.maintain({ compactAll: true });
    expect(statSync(harness.dataDir).mode & 0o777).toBe(0o700);
    const files = modes(harness.dataDir);
    expect(files.map(([file]) => path.basename(file))).toContain('store.sqlite');
    expect(files.filter(([, mode]) => (mode & 0o077) !== 0)).toEqual([]);
  });

  test('a folder left open by an older version is closed when the store opens it', async () => {
    const old = mkdtempSync(path.join(os.tmpdir(), 'perm-'));
    chmodSync(old, 0o755);
    writeFileSync(path.join(old, 'directLineSecret.db'), '{}\n', { mode: 0o644 });
    const store = new EmbeddedDocumentStore({ dataDir: old, logger: silentLogger });
    await store.close();
    expect(statSync(old).mode & 0o777).toBe(0o700);
    expect(modes(old).filter(([, mode]) => (mode & 0o077) !== 0)).toEqual([]);
  });
});
