import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * Runs the writer, kills it with SIGKILL once it reports enough acknowledged writes, and returns every id it recorded
 * as acknowledged. The ids come from the writer's acknowledgement file, not its stdout: lines printed to a pipe can
 * die queued inside the killed process, which under load made acknowledged writes look unacknowledged.
 */
function writeUntilKilled(dataDir: string): Promise<string[]> {
  const ackFile = path.join(dataDir, 'acknowledged.txt');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, ackFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let progress = 0;
  let errors = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    progress += chunk.split('\n').length - 1;
    if (progress >= ACKS_BEFORE_KILL) child.kill('SIGKILL');
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`the writer stopped by itself (${signal ?? 'no signal'}): ${errors}`));
        return;
      }
      // A line cut short by the kill was never a whole acknowledgement.
      const lines = readFileSync(ackFile, 'utf8').split('\n');
      lines.pop();
      resolve(lines);
    });
  });
}
