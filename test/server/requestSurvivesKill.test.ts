import { parse as parseYaml } from 'yaml';
import { londonTime } from '../../src/calendar/londonTime';
import { collectionScheduleSchema } from '../../src/places/collectionScheduleSchema';
import { collectionsBetween } from '../../src/places/collectionsBetween';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForReady } from '../support/waitForReady';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const STAFF_API_KEY = 'staff-api-key-for-the-kill-test-0123456789abcdef';

/** The real server as one node process (so SIGKILL reaches it, not a wrapper). */
function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: 'ignore',
  });
}

/** One turn through the HTTP channel (`expectReplies`): the bot's replies come back in the response. */
async function say(
  port: number,
  text: string,
): Promise<{ text?: string; channelData?: { councilBot?: Record<string, unknown> } }[]> {
  const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      text,
      from: { id: 'resident' },
      recipient: { id: 'bot' },
      conversation: { id: 'kill-test' },
      channelId: 'directline',
      serviceUrl: 'https://example.org',
      deliveryMode: 'expectReplies',
    }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { activities?: [] };
  return body.activities ?? [];
}

test('a request confirmed to the resident survives kill -9 right after the confirmation', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kill-test-'));
  const port = 39_100 + Math.floor(Math.random() * 400);
  const env = { PORT: String(port), DATA_DIR: dataDir, STAFF_API_KEY };
  let child = startServer(env);
  try {
    await waitForReady(port);
    // An address whose round does not collect today (on its collection day the crew is still due, and nothing is taken).
    const [postcode, address] = addressNotCollectedToday();
    for (const answer of ['report a missed bin', postcode, address, 'Black (general waste)', 'skip', 'skip']) {
      await say(port, answer);
    }
    const replies = await say(port, 'Yes, send it');
    const meta = replies.at(-1)?.channelData?.councilBot;
    expect(meta).toMatchObject({ action: 'requestSubmitted' });
    const reference = String(meta?.reference);

    const killed = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    expect(await killed).toBeNull();

    child = startServer(env);
    await waitForReady(port);
    const found = await fetch(`http://127.0.0.1:${port}/api/requests/${reference}`, {
      headers: { authorization: `Bearer ${STAFF_API_KEY}` },
    });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ reference, requestType: 'missed-bin', status: 'submitted' });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A sample address (postcode, first line) whose round has no collection today, in London. */
function addressNotCollectedToday(): [string, string] {
  const schedule = collectionScheduleSchema.parse(
    parseYaml(readFileSync(path.resolve(__dirname, '../../knowledge/places/collections.yaml'), 'utf8')),
  );
  const today = londonTime(new Date()).date;
  const candidates: [string, string, string][] = [
    ['EM1 1AA', '1 Market Square', 'monday'],
    ['EM2 4DB', 'Rose Cottage', 'wednesday'],
  ];
  const free = candidates.find(([, , round]) => collectionsBetween(schedule, round, today, today).length === 0);
  if (!free) throw new Error('both sample rounds collect today');
  return [free[0], free[1]];
}
