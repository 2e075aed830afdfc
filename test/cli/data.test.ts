import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { openRepositories } from '../../src/storage/repositories/openRepositories';
import { silentLogger } from '../support/testBot';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function data(args: string[], dataDir: string) {
  const result = spawnSync(TSX, ['src/cli/data.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the data command line: residents’ rights', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'data-cli-'));
    const store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
    const repositories = await openRepositories(store, { retentionDays: 90 });
    const now = new Date();
    await repositories.conversations.open({ _id: 'conv-cli', userId: 'user-cli', createdAt: now, lastActivityAt: now });
    await repositories.conversations.append('conv-cli', (id) => ({ id, type: 'message', text: 'my bin was missed' }));
    await repositories.requests.create({
      idempotencyKey: 'conv-cli/1',
      requestType: 'missed-bin',
      conversationId: 'conv-cli',
      details: { bin: 'black' },
      contact: { email: 'pat@example.org' },
    });
    await store.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('export prints everything held as JSON; erase removes it and says so; a second export finds nothing', () => {
    const exported = data(['export', 'pat@example.org'], dataDir);
    expect(exported.code).toBe(0);
    const held = JSON.parse(exported.stdout) as { conversationIds: string[]; serviceRequests: unknown[] };
    expect(held.conversationIds).toEqual(['conv-cli']);
    expect(held.serviceRequests).toHaveLength(1);
    expect(exported.stdout).toContain('my bin was missed');

    const erased = data(['erase', 'conv-cli'], dataDir);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(/erased: .*serviceRequests 1/);
    expect(erased.stdout).toMatch(/erasure reference/);

    const again = data(['export', 'conv-cli'], dataDir);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/nothing is held/);
  });

  test('a missing identifier is a usage error', () => {
    const result = data(['export'], dataDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/give a conversation id or an email address/);
  });

  test('unlock forgets a console account’s failed sign-ins; an unknown email is an error', async () => {
    const open = async () => {
      const store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
      return { store, repositories: await openRepositories(store, { retentionDays: 90 }) };
    };
    const before = await open();
    const created = await before.repositories.consoleUsers.create({
      email: 'lead.cli@eastmere.example',
      displayName: 'Lead',
      role: 'supervisor',
      passwordHash: 'not-a-real-hash',
      mustChangePassword: false,
    });
    if (!created.ok) throw new Error('account not created');
    for (let attempt = 0; attempt < 6; attempt++)
      await before.repositories.consoleUsers.recordFailedSignIn(created.user._id);
    await before.repositories.consoleUsers.lockUntil(created.user._id, new Date(Date.now() + 3_600_000));
    await before.store.close();

    const unlocked = data(['unlock', 'Lead.CLI@eastmere.example'], dataDir);
    expect(unlocked.code).toBe(0);
    expect(data(['unlock', 'nobody@eastmere.example'], dataDir).code).toBe(1);

    const after = await open();
    const user = await after.repositories.consoleUsers.findById(created.user._id);
    const audit = await after.repositories.auditLog.list({ subjectId: created.user._id });
    await after.store.close();
    expect(user).toMatchObject({ failedSignIns: 0 });
    expect(user?.lockedUntil).toBeUndefined();
    expect(audit.map((entry) => entry.action)).toContain('consoleUser.unlocked');
  });
});
