import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Time from `npm start` (`node --no-regexp-tier-up dist/src/index.js`) to `/readyz` answering 200, after a build (median of 3 starts). */
export async function runStartupBench(): Promise<string[]> {
  const entry = path.join(ROOT, 'dist/src/index.js');
  if (!existsSync(entry)) return ['start-up: skipped, run "npm run build" first'];
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push(await timeOneStart(entry, 39_000 + i));
  times.sort((a, b) => a - b);
  return [
    `start-up to ready (after build): ${times[1]?.toFixed(0)} ms median of 3 (${times.map((t) => t.toFixed(0)).join(', ')} ms; target < 3,000 ms)`,
  ];
}

async function timeOneStart(entry: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--no-regexp-tier-up', '--disable-warning=DEP0111', entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: path.join(ROOT, 'data/bench'),
    },
    stdio: 'ignore',
  });
  try {
    while (performance.now() - started < 20_000) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('server did not become ready within 20 s');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
