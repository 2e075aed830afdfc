import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { SHIPPED_KNOWLEDGE, silentLogger } from '../support/testBot';

/** The attack: `/metrics` was public unless `METRICS_TOKEN` was set, so anyone could watch the service's load. */
describe('reading /metrics on a server started with the defaults', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    const loaded = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'metrics-default-')),
    });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const created = await createApp(loaded.config, silentLogger);
    if (!created.ok) throw new Error(JSON.stringify(created.problems));
    app = created.app;
    url = await app.listen();
  });
  afterAll(() => app.close(100));

  test('is refused, with or without a bearer token', async () => {
    const plain = await fetch(`${url}/metrics`);
    expect(plain.status).toBe(503);
    expect(await plain.text()).not.toMatch(/process_cpu|# HELP/);
    const guessed = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer anything-at-all-1234' } });
    expect(guessed.status).toBe(503);
  });
});
