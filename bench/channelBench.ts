import { WebSocket } from 'ws';
import { z } from 'zod';
import { mb, percentile } from './figures';
import { postJson } from './postJson';
import { BENCH_SECRET, processCpuMs, residentMemory, startBenchServer } from './serverProcess';

/** What residents say, in order, round and round: questions, a clarification and its button, small talk. */
const SCRIPT = [
  'what day are the bins collected',
  'parking',
  'Parking permits',
  'thanks',
  'how do I pay my council tax',
  'where is the nearest tip',
  'I want to make a complaint',
  'hello',
];

export interface ChannelBenchOptions {
  conversations: number;
  seconds: number;
  /**
   * Turns per second over all conversations. Each conversation speaks at its share of this rate (a resident waits
   * for the reply before the next message); without it, every conversation speaks again as soon as it is answered,
   * which measures the most the server can do rather than the latency residents see at that load.
   */
  turnsPerSecond?: number;
  /** A turn whose reply has not arrived after this long counts as an error. */
  replyTimeoutMs?: number;
}

const grantSchema = z.object({ conversationId: z.string(), token: z.string(), streamUrl: z.string().optional() });
const frameSchema = z.object({
  activities: z.array(z.looseObject({ type: z.string(), replyToId: z.string().optional() })),
});

/**
 * Drives `conversations` concurrent conversations through the Direct Line channel (REST posts, WebSocket streams)
 * for `seconds`, against the server in its own process, and reports turn latency (post to the bot's first reply),
 * turns per second, errors and the server's memory.
 */
export async function runChannelBench(options: ChannelBenchOptions): Promise<string[]> {
  const server = await startBenchServer();
  try {
    const clients = await Promise.all(
      Array.from({ length: options.conversations }, () => BenchConversation.open(server.url)),
    );
    const pacing = options.turnsPerSecond ? (options.conversations / options.turnsPerSecond) * 1000 : 0;
    await runFor(clients, 2, pacing, options.replyTimeoutMs);
    const rssBefore = residentMemory(server.child);
    const cpuBefore = processCpuMs(server.child);
    const started = performance.now();
    const results = await runFor(clients, options.seconds, pacing, options.replyTimeoutMs);
    const elapsed = (performance.now() - started) / 1000;
    const rssAfter = residentMemory(server.child);
    const serverCpu = processCpuMs(server.child) - cpuBefore;
    for (const client of clients) client.close();

    const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
    const errors = results.reduce((sum, result) => sum + result.errors, 0);
    const turns = latencies.length;
    return [
      `${options.conversations} concurrent conversations for ${options.seconds} s, ${pacing ? `each speaking every ${pacing.toFixed(0)} ms` : 'each speaking again as soon as answered'} (WebSocket streams, server in its own process)`,
      `turns: ${turns}, errors: ${errors} (${((errors / Math.max(1, turns + errors)) * 100).toFixed(2)}%)`,
      `turns per second: ${(turns / elapsed).toFixed(0)}`,
      `turn latency p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)?.toFixed(0)} ms${pacing ? '' : ' (every conversation waiting its turn: latency here is queueing, see the paced figures)'}`,
      `server CPU per turn ${(serverCpu / Math.max(1, turns)).toFixed(2)} ms (${((serverCpu / (elapsed * 1000)) * 100).toFixed(0)}% of one core)`,
      `server memory (RSS) after warm-up ${mb(rssBefore)}, at the end ${mb(rssAfter)} (${(((rssAfter - rssBefore) / rssBefore) * 100).toFixed(1)}%)`,
    ];
  } finally {
    await server.stop();
  }
}

function runFor(clients: BenchConversation[], seconds: number, pacingMs: number, replyTimeoutMs = 5000) {
  const deadline = performance.now() + seconds * 1000;
  return Promise.all(clients.map((client) => client.talkUntil(deadline, pacingMs, replyTimeoutMs)));
}

/** One resident: a token from the secret, a conversation, its WebSocket stream, and turns one after another. */
class BenchConversation {
  private readonly waiting = new Map<string, (at: number) => void>();
  /** Replies that arrived on the stream before the post's own response did. */
  private readonly early = new Map<string, number>();
  private next = 0;

  private constructor(
    private readonly url: string,
    private readonly grant: z.infer<typeof grantSchema>,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data) => this.onFrame(String(data)));
  }

  static async open(url: string): Promise<BenchConversation> {
    const generated = grantSchema.parse(await postJson(`${url}/v3/directline/tokens/generate`, BENCH_SECRET, {}));
    const grant = grantSchema.parse(await postJson(`${url}/v3/directline/conversations`, generated.token, {}));
    const socket = new WebSocket(grant.streamUrl ?? '');
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return new BenchConversation(url, grant, socket);
  }

  async talkUntil(
    deadline: number,
    pacingMs: number,
    replyTimeoutMs: number,
  ): Promise<{ latencies: number[]; errors: number }> {
    const latencies: number[] = [];
    let errors = 0;
    let due = performance.now() + Math.random() * pacingMs;
    while (due < deadline) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      due = Math.max(due + pacingMs, performance.now());
      const text = SCRIPT[this.next++ % SCRIPT.length] ?? 'hello';
      try {
        latencies.push(await this.turn(text, replyTimeoutMs));
      } catch (error) {
        errors++;
        if (process.env.BENCH_VERBOSE) process.stderr.write(`turn "${text}" failed: ${String(error)}\n`);
      }
    }
    return { latencies, errors };
  }

  close(): void {
    this.socket.close();
  }

  private async turn(text: string, replyTimeoutMs: number): Promise<number> {
    this.early.clear();
    const started = performance.now();
    const route = `${this.url}/v3/directline/conversations/${this.grant.conversationId}/activities`;
    const posted = z
      .object({ id: z.string() })
      .parse(await postJson(route, this.grant.token, { type: 'message', text }));
    const repliedAt = await new Promise<number>((resolve, reject) => {
      const arrived = this.early.get(posted.id);
      if (arrived !== undefined) {
        this.early.delete(posted.id);
        resolve(arrived);
        return;
      }
      const timer = setTimeout(() => {
        this.waiting.delete(posted.id);
        reject(new Error('no reply'));
      }, replyTimeoutMs);
      this.waiting.set(posted.id, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
    return repliedAt - started;
  }

  private onFrame(data: string): void {
    if (data.trim() === '') return;
    const frame = frameSchema.safeParse(JSON.parse(data));
    if (!frame.success) return;
    for (const activity of frame.data.activities) {
      if (activity.type !== 'message' || !activity.replyToId) continue;
      const waiter = this.waiting.get(activity.replyToId);
      if (!waiter) {
        if (this.early.size < 100) this.early.set(activity.replyToId, performance.now());
        continue;
      }
      this.waiting.delete(activity.replyToId);
      waiter(performance.now());
    }
  }
}
