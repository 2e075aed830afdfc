import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { counterSchema, crashRecordOf, crashRecordSchema } from './fixtures/crashRecords';
import { silentLogger } from './support/storeHarness';

const FIXTURE = path.join(__dirname, 'fixtures', 'writeUntilKilled.ts');
const ACKS_BEFORE_KILL = 300;

describe('embedded store: crash recovery', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-crash-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('every write acknowledged before kill -9 is intact after reopening, even with a torn tail on the log and the database', async () => {
    const acknowledged = await writeUntilKilled(dataDir);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    // The killed writer left its write-ahead log behind; a frame cut off mid-write is half a frame of junk at its end.
    const wal = path.join(dataDir, 'store.sqlite-wal');
    expect(existsSync(wal)).toBe(true);
    appendFileSync(wal, Buffer.alloc(2000, 0xa5));
    let store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
    await expectAcknowledgedIntact(store, acknowledged);
    await store.close();

    appendFileSync(path.join(dataDir, 'store.sqlite'), Buffer.alloc(3000, 0x5a));
    store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
    await expectAcknowledgedIntact(store, acknowledged);
    await store.close();
  }, 30_000);
});

async function expectAcknowledgedIntact(store: EmbeddedDocumentStore, acknowledged: string[]): Promise<void> {
  const records = store.collection('records', crashRecordSchema);
  const stored = new Map((await records.findMany({})).map((record) => [record._id, record]));
  const missingOrDamaged = acknowledged.filter((id, index) => {
    const expected = crashRecordOf(index);
    return expected._id !== id || JSON.stringify(stored.get(id)) !== JSON.stringify(expected);
  });
  expect(missingOrDamaged).toEqual([]);
  // At most the one write in flight when the process died may also have landed.
  expect(stored.size - acknowledged.length).toBeLessThanOrEqual(1);
  const writes = await store.collection('counters', counterSchema).findOne({ _id: 'writes' });
  expect(writes?.count).toBeGreaterThanOrEqual(acknowledged.length);
  expect(writes?.count).toBeLessThanOrEqual(acknowledged.length + 1);
}

/** Runs the writer, kills it with SIGKILL once enough writes are acknowledged, and returns every id it printed. */
function writeUntilKilled(dataDir: string): Promise<string[]> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  let partial = '';
  let errors = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    acknowledged.push(...lines);
    if (acknowledged.length >= ACKS_BEFORE_KILL) child.kill('SIGKILL');
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`the writer stopped by itself (${signal ?? 'no signal'}): ${errors}`));
    });
  });
}
