import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(__dirname, '..');
export const BENCH_SECRET = 'benchmark-directline-secret-of-32-characters-or-more';

/** What the bench server reports about itself (`bench/benchServer.ts`, over the IPC channel). */
const serverStatsSchema = z.object({
  memory: z.object({
    rss: z.number(),
    heapUsed: z.number(),
    heapTotal: z.number(),
    external: z.number(),
    arrayBuffers: z.number(),
  }),
  /** Live documents per collection of the embedded store. */
  documents: z.record(z.string(), z.number()),
  /** Bytes per collection file on disk (live documents plus lines superseded since the last compaction). */
  fileBytes: z.record(z.string(), z.number()),
  gcExposed: z.boolean(),
});
export type ServerStats = z.infer<typeof serverStatsSchema>;

const replySchema = z.object({ id: z.number(), stats: serverStatsSchema.optional(), file: z.string().optional() });

export interface BenchServer {
  url: string;
  child: ChildProcess;
  /** The server's `process.memoryUsage()` and store sizes, asked over IPC; `gc: true` runs a full GC first. */
  stats(options?: { gc?: boolean }): Promise<ServerStats>;
  /** Writes a V8 heap snapshot in the server process; resolves with its file name. */
  heapSnapshot(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The server as `npm start` runs it, in its own process (`bench/benchServer.ts`), so the load generator does not
 * share its CPU time. `BENCH_SERVER_NODE_ARGS` adds Node options (e.g. `--expose-gc`, `--heap-prof`).
 */
export async function startBenchServer(): Promise<BenchServer> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
      '--no-regexp-tier-up',
      '--disable-warning=DEP0111',
      '--import',
      'tsx',
      'bench/benchServer.ts',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DIRECTLINE_SECRET: BENCH_SECRET },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const ready = /ready (\S+)/.exec(output);
      if (ready?.[1]) resolve(ready[1]);
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });

  let nextId = 0;
  const ask = (message: Record<string, unknown>) =>
    new Promise<z.infer<typeof replySchema>>((resolve, reject) => {
      const id = ++nextId;
      const onMessage = (raw: unknown) => {
        const reply = replySchema.safeParse(raw);
        if (!reply.success || reply.data.id !== id) return;
        child.off('message', onMessage);
        resolve(reply.data);
      };
      child.on('message', onMessage);
      child.send({ ...message, id }, (error) => {
        if (error) reject(error);
      });
    });

  return {
    url,
    child,
    stats: async (options = {}) => {
      const reply = await ask({ kind: 'stats', gc: options.gc ?? false });
      if (!reply.stats) throw new Error('the bench server sent no stats');
      return reply.stats;
    },
    heapSnapshot: async () => (await ask({ kind: 'heapSnapshot' })).file ?? '',
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** The process's resident set size in bytes, from /proc (Linux). */
export function residentMemory(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

/** CPU time (user + system) a process has used, in milliseconds, from /proc (Linux; 100 ticks a second). */
export function processCpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
