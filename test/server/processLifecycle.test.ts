import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { waitForReady } from '../support/waitForReady';

const ROOT = path.resolve(__dirname, '../..');

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lifecycle-'));
  dataDirs.push(dataDir);
  // Node itself with tsx as a loader, as `npm start` runs node: the tsx command would stand between the test and
  // the server, and it kills the server outright when a signal it relays is not acknowledged within 60 ms (a busy
  // machine), which is not what the tests are about.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
  });
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  return { child, output: () => output };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the server process', () => {
  test('a bad configuration stops start-up with a message naming the variable', async () => {
    const { child, output } = startServer({ PORT: 'not-a-port', CONTACT_CENTRE_HOURS: 'sometimes' });
    expect(await exitOf(child)).toBe(1);
    expect(output()).toMatch(/PORT:/);
    expect(output()).toMatch(/CONTACT_CENTRE_HOURS:/);
  });

  test('serves, logs turns without the resident’s words, and stops cleanly on SIGTERM', async () => {
    const port = 39_500 + Math.floor(Math.random() * 400);
    const { child, output } = startServer({ PORT: String(port) });
    const exited = exitOf(child);
    // A first start compiles the sources (tsx): on a busy machine, as in CI with browsers running, that takes a while.
    await waitForReady(port, 30_000);
    const secret = 'my email is jane.resident@example.com and my phone is 07700 900123';
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: `${secret}, when is my bin day`,
        from: { id: 'resident', name: 'Jane Resident' },
        recipient: { id: 'bot' },
        conversation: { id: 'c-lifecycle' },
        channelId: 'directline',
        serviceUrl: 'https://example.org',
        deliveryMode: 'expectReplies',
      }),
    });
    expect(response.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const log = output();
    expect(log).toMatch(/"msg":"turn"/);
    expect(log).toMatch(/"msg":"stopped"/);
    expect(log).not.toMatch(/jane\.resident|07700|Jane Resident|bin day/);
  }, 60_000);

  test('SIGTERM lets a turn in flight finish (its answer is delivered), then stops', async () => {
    const model = await FakeOpenAiServer.start();
    const answer = model.onAnswer;
    // The model takes 1.5 s to answer: SIGTERM arrives while the turn waits for it.
    model.onAnswer = (request) => ({ delayMs: 1_500, then: answer(request) });
    const port = 39_500 + Math.floor(Math.random() * 400);
    const { child, output } = startServer({
      PORT: String(port),
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_TIMEOUT_MS: '10000',
    });
    const exited = exitOf(child);
    try {
      await waitForReady(port, 30_000);
      const turn = fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'how do I pay my council tax',
          from: { id: 'resident' },
          recipient: { id: 'bot' },
          conversation: { id: 'c-drain' },
          channelId: 'directline',
          serviceUrl: 'https://example.org',
          deliveryMode: 'expectReplies',
        }),
      });
      const started = Date.now();
      while (!model.requests.some((request) => request.path.endsWith('/chat/completions'))) {
        if (Date.now() - started > 15_000) throw new Error('the turn never asked the model');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGTERM');
      const response = await turn;
      expect(response.status).toBe(200);
      const body = (await response.json()) as { activities: { channelData?: { councilBot?: { action?: string } } }[] };
      const actions = body.activities.map((activity) => activity.channelData?.councilBot?.action);
      expect(actions).toContain('answer');
      expect(await exited).toBe(0);
      expect(output()).toMatch(/"msg":"stopped"/);
      // Stopped: nothing listens any more.
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
      await model.close();
    }
  }, 60_000);
});
