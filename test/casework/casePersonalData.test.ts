import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseworkDesk, type NewCase } from '../../src/casework/caseworkDesk';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import type { ConsoleUser } from '../../src/storage/repositories/consoleUserRepository';
import { openRepositories, type Repositories } from '../../src/storage/repositories/openRepositories';
import { purgeExpiredData } from '../../src/storage/repositories/purgeExpiredData';
import { DAY, TestClock } from '../storage/support/testClock';
import { SHIPPED_KNOWLEDGE, silentLogger } from '../support/testBot';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const RETENTION_DAYS = 90;

function data(args: string[], dataDir: string) {
  const result = spawnSync(TSX, ['src/cli/data.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function newCase(key: string, email: string): NewCase {
  return {
    idempotencyKey: key,
    constituent: { name: 'Ada Constituent', email, phone: '07700 900123', address: '4 Market Square, EM1 2AB' },
    serviceArea: 'type:fly-tipping',
    problem: 'Mattresses dumped behind the shops.',
    consent: true,
  };
}

let knowledge: KnowledgeBase;
let dataDir: string;
const clock = new TestClock();

async function open(): Promise<{ store: EmbeddedDocumentStore; repositories: Repositories; desk: CaseworkDesk }> {
  const store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
  const repositories = await openRepositories(store, { retentionDays: RETENTION_DAYS, clock: clock.now });
  const desk = new CaseworkDesk({
    ...repositories,
    knowledge: () => knowledge,
    caseUrl: (reference) => `http://localhost/console/casework/cases/${reference}`,
    clock: clock.now,
  });
  return { store, repositories, desk };
}

async function councillor(repositories: Repositories): Promise<ConsoleUser> {
  const found = await repositories.consoleUsers.findByEmail('priya.lawson@eastmere.example');
  if (found) return found;
  const created = await repositories.consoleUsers.create({
    email: 'priya.lawson@eastmere.example',
    displayName: 'Councillor Priya Lawson',
    role: 'councillor',
    wardId: 'market',
    passwordHash: 'not used here',
  });
  if (!created.ok) throw new Error('no councillor');
  return created.user;
}

beforeAll(async () => {
  const loaded = await loadKnowledgeBase(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error('the shipped knowledge base does not load');
  knowledge = loaded.knowledge;
});

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'casework-data-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

test('npm run data exports and erases a case’s constituent details like a resident’s', async () => {
  let opened = await open();
  const priya = await councillor(opened.repositories);
  const raised = await opened.desk.raise(priya, newCase('form-1', 'ada@example.com'));
  if (!raised.ok) throw new Error(raised.message);
  await opened.desk.addUpdate(priya, raised.case.reference, 'Ada rang again about it.');
  await opened.store.close();

  const exported = data(['export', 'ada@example.com'], dataDir);
  expect(exported.code).toBe(0);
  const held = JSON.parse(exported.stdout) as {
    serviceRequests: Array<{ reference: string; contact: Record<string, string> }>;
  };
  expect(held.serviceRequests.map((request) => request.reference)).toEqual([raised.case.reference]);
  expect(held.serviceRequests[0]?.contact).toMatchObject({ name: 'Ada Constituent', phone: '07700 900123' });
  expect(exported.stdout).toContain('Ada rang again about it.');

  const erased = data(['erase', 'ada@example.com'], dataDir);
  expect(erased.code).toBe(0);
  expect(erased.stdout).toMatch(/serviceRequests 1/);

  opened = await open();
  expect(await opened.desk.casesOf(priya)).toEqual([]);
  const outbox = await opened.repositories.outbox.listForRequest(raised.case.reference);
  expect(outbox).toEqual([]);
  await opened.store.close();
  expect(data(['export', 'ada@example.com'], dataDir).stderr).toMatch(/nothing is held/);
});

test('retention: a finished case goes after the retention period; an open one stays', async () => {
  const { store, repositories, desk } = await open();
  const priya = await councillor(repositories);
  const finished = await desk.raise(priya, newCase('form-2', 'bo@example.com'));
  const open_ = await desk.raise(priya, newCase('form-3', 'cy@example.com'));
  if (!finished.ok || !open_.ok) throw new Error('not raised');
  await repositories.requests.updateStatus(finished.case.reference, 'resolved', { by: 'staff-1' });

  clock.advance((RETENTION_DAYS - 1) * DAY);
  await purgeExpiredData(repositories, clock.now());
  expect((await desk.casesOf(priya)).map((item) => item.reference).sort()).toEqual(
    [finished.case.reference, open_.case.reference].sort(),
  );

  clock.advance(2 * DAY);
  await purgeExpiredData(repositories, clock.now());
  expect((await desk.casesOf(priya)).map((item) => item.reference)).toEqual([open_.case.reference]);
  await store.close();
});
