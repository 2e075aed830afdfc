import { growth, mb, percentile } from './figures';
import { ResidentConnection } from './residentConnection';
import { processCpuMs, type ServerStats, startBenchServer } from './serverProcess';
import { chooseVisit, type Random, seededRandom, UnexpectedReply, type VisitKind } from './soakVisits';

export interface SoakOptions {
  /** Conversations open at once: a resident whose visit ends is followed by a new one in a new conversation. */
  conversations: number;
  /** The measured soak, after the warm-up. */
  seconds: number;
  /** Residents start (staggered) and the server warms up before the first memory reading. */
  warmupSeconds: number;
  /** Think time between the bot's reply and the resident's next message, uniform in this range (seconds). */
  thinkSeconds: readonly [number, number];
  /** A turn whose reply has not arrived after this long is an error. */
  replyTimeoutMs: number;
  seed: number;
  /** Run a full GC in the server before both memory readings (needs `BENCH_SERVER_NODE_ARGS=--expose-gc`). */
  gcBeforeReadings: boolean;
  /** Write a heap snapshot of the server after each of the two readings, to compare (diagnosis only). */
  heapSnapshots: boolean;
}

/**
 * The soak's settings from the environment: `SOAK_CONVERSATIONS` (200), `SOAK_SECONDS` (300), `SOAK_WARMUP_SECONDS`
 * (30), `SOAK_THINK_SECONDS` (`5-15`), `SOAK_SEED` (1), `SOAK_GC` (`1`: a full GC before both readings),
 * `SOAK_HEAP_SNAPSHOTS` (`1`: a heap snapshot of the server after both readings).
 */
export function soakOptionsFrom(env: NodeJS.ProcessEnv): SoakOptions {
  const think = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(env.SOAK_THINK_SECONDS ?? '5-15');
  return {
    conversations: Number(env.SOAK_CONVERSATIONS ?? 200),
    seconds: Number(env.SOAK_SECONDS ?? 300),
    warmupSeconds: Number(env.SOAK_WARMUP_SECONDS ?? 30),
    thinkSeconds: [Number(think?.[1] ?? 5), Number(think?.[2] ?? 15)],
    replyTimeoutMs: 10_000,
    seed: Number(env.SOAK_SEED ?? 1),
    gcBeforeReadings: env.SOAK_GC === '1',
    heapSnapshots: env.SOAK_HEAP_SNAPSHOTS === '1',
  };
}

/** Everything counted over a soak. Turns and latencies are those posted in the measured window; errors are all. */
class SoakTally {
  readonly latencies: number[] = [];
  turns = 0;
  requestsSubmitted = 0;
  clarifications = 0;
  conversations = 0;
  readonly visits = new Map<VisitKind, number>();
  errors = 0;
  private readonly reasons = new Map<string, number>();

  error(reason: string): void {
    this.errors++;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  firstReasons(count: number): string[] {
    return [...this.reasons].slice(0, count).map(([reason, times]) => `${reason}${times > 1 ? ` (x${times})` : ''}`);
  }
}

/** Thrown into a visit when the soak is over: the resident stops before saying anything more. */
class SoakOver extends Error {}

/** Thrown into a visit when a turn failed; the failure is already counted. */
class TurnFailed extends Error {}

/**
 * 200 residents (by default) using the web chat at once for 5 minutes, as on a real site: each opens a conversation,
 * reads the welcome, and visits (questions with "Was this helpful?", an ambiguous question answered with a button,
 * a service request carried to its reference, small talk), thinking 5 to 15 seconds before each message and waiting
 * for the reply; when a visit ends a new resident starts a new conversation. Reports the latency of every turn, the
 * errors (a wrong or missing reply, a non-2xx, a bot `error` reply) and the server's memory after the warm-up and at
 * the end, with the documents stored meanwhile.
 */
export async function runSoakBench(options: SoakOptions): Promise<string[]> {
  const server = await startBenchServer();
  try {
    const tally = new SoakTally();
    const startedAt = performance.now();
    const measureFrom = startedAt + options.warmupSeconds * 1000;
    const endAt = measureFrom + options.seconds * 1000;
    const readings: Array<{ at: number; stats: ServerStats }> = [];
    const snapshots: string[] = [];
    let cpuAtStart = 0;
    const sampler = (async () => {
      await sleep(measureFrom - performance.now());
      cpuAtStart = processCpuMs(server.child);
      readings.push({ at: 0, stats: await server.stats({ gc: options.gcBeforeReadings }) });
      if (options.heapSnapshots) snapshots.push(await server.heapSnapshot());
      for (let minute = 1; performance.now() + 60_000 < endAt; minute++) {
        await sleep(measureFrom + minute * 60_000 - performance.now());
        readings.push({ at: minute * 60, stats: await server.stats() });
      }
    })();
    const random = seededRandom(options.seed);
    const residents = Array.from({ length: options.conversations }, (_, index) => {
      const seat = seededRandom(options.seed * 1_000_003 + index + Math.floor(random() * 1000));
      return residentSeat(server.url, options, { measureFrom, endAt }, seat, tally);
    });
    await Promise.all([...residents, sampler]);
    const cpu = processCpuMs(server.child) - cpuAtStart;
    const end = await server.stats({ gc: options.gcBeforeReadings });
    if (options.heapSnapshots) snapshots.push(await server.heapSnapshot());
    const start = readings[0]?.stats ?? end;
    const lines = report(options, tally, start, end, readings, cpu);
    return snapshots.length > 0 ? [...lines, `heap snapshots: ${snapshots.join(', ')}`] : lines;
  } finally {
    await server.stop();
  }
}

/** One seat at the website: residents one after another, each in a new conversation, until the soak ends. */
async function residentSeat(
  url: string,
  options: SoakOptions,
  window: { measureFrom: number; endAt: number },
  random: Random,
  tally: SoakTally,
): Promise<void> {
  const think = () => (options.thinkSeconds[0] + random() * (options.thinkSeconds[1] - options.thinkSeconds[0])) * 1000;
  await sleep(random() * options.thinkSeconds[1] * 1000);
  while (performance.now() < window.endAt) {
    let connection: ResidentConnection;
    try {
      connection = await ResidentConnection.open(url, options.replyTimeoutMs);
    } catch (error) {
      tally.error(`starting a conversation: ${messageOf(error)}`);
      await sleep(1000);
      continue;
    }
    tally.conversations++;
    const { kind, visit } = chooseVisit(random);
    tally.visits.set(kind, (tally.visits.get(kind) ?? 0) + 1);
    const say = async (text: string, expected: readonly string[]) => {
      const pause = think();
      if (performance.now() + pause >= window.endAt) throw new SoakOver();
      await sleep(pause);
      const posted = performance.now();
      let turn: Awaited<ReturnType<ResidentConnection['say']>>;
      try {
        turn = await connection.say(text, options.replyTimeoutMs);
      } catch (error) {
        tally.error(`"${text}": ${messageOf(error)}`);
        throw new TurnFailed();
      }
      if (posted >= window.measureFrom && posted < window.endAt) {
        tally.turns++;
        tally.latencies.push(turn.latencyMs);
      }
      const { action } = turn.reply;
      if (!expected.includes(action)) {
        tally.error(`"${text}": expected ${expected.join(' or ')}, got ${action}`);
        throw new TurnFailed();
      }
      if (action === 'requestSubmitted') tally.requestsSubmitted++;
      if (action === 'clarify') tally.clarifications++;
      return turn.reply;
    };
    let over = false;
    try {
      await visit({ random, say });
    } catch (error) {
      over = error instanceof SoakOver;
      if (error instanceof UnexpectedReply) tally.error(error.message);
      else if (!over && !(error instanceof TurnFailed)) throw error;
    } finally {
      for (let i = 0; i < connection.errorReplies; i++) tally.error('a bot error reply to an earlier message');
      connection.close();
    }
    if (over) return;
  }
}

function report(
  options: SoakOptions,
  tally: SoakTally,
  start: ServerStats,
  end: ServerStats,
  readings: ReadonlyArray<{ at: number; stats: ServerStats }>,
  cpuMs: number,
): string[] {
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  const attempted = tally.turns + tally.errors;
  const stored = Object.keys(end.documents)
    .map((name) => ({ name, documents: (end.documents[name] ?? 0) - (start.documents[name] ?? 0) }))
    .filter((collection) => collection.documents > 0)
    .sort((a, b) => b.documents - a.documents);
  const fileBytes = (stats: ServerStats) => Object.values(stats.fileBytes).reduce((sum, bytes) => sum + bytes, 0);
  const turns = Math.max(1, tally.turns);
  const gcNote = options.gcBeforeReadings
    ? 'after a forced full GC at both readings'
    : 'no forced GC at either reading, so heap used includes garbage not yet collected; SOAK_GC=1 BENCH_SERVER_NODE_ARGS=--expose-gc reads live memory';
  const visits = [...tally.visits].map(([kind, count]) => `${kind} ${count}`).join(', ');
  return [
    `${options.conversations} concurrent conversations for ${options.seconds} s after a ${options.warmupSeconds} s warm-up, think time ${options.thinkSeconds[0]}-${options.thinkSeconds[1]} s (uniform) before each message, seed ${options.seed} (WebSocket streams, server in its own process, embedded store)`,
    `conversations started: ${tally.conversations} (visits: ${visits}); turns in the soak: ${tally.turns}, service requests submitted: ${tally.requestsSubmitted}, clarifications: ${tally.clarifications}`,
    `errors (whole run, warm-up included): ${tally.errors} (${((tally.errors / Math.max(1, attempted)) * 100).toFixed(2)}%)${tally.errors > 0 ? `: ${tally.firstReasons(5).join('; ')}` : ''}`,
    `turn latency p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)?.toFixed(0) ?? 'n/a'} ms; ${(tally.turns / options.seconds).toFixed(1)} turns/s`,
    `server CPU per turn ${(cpuMs / turns).toFixed(2)} ms (${((cpuMs / (options.seconds * 1000)) * 100).toFixed(0)}% of one core)`,
    `server memory (${gcNote}): RSS ${mb(start.memory.rss)} after warm-up, ${mb(end.memory.rss)} at the end (${growth(start.memory.rss, end.memory.rss)}); heap used ${mb(start.memory.heapUsed)} -> ${mb(end.memory.heapUsed)} (${growth(start.memory.heapUsed, end.memory.heapUsed)})`,
    `memory each minute (RSS / heap used / heap total / external): ${[...readings.map((r) => ({ at: r.at, stats: r.stats })), { at: options.seconds, stats: end }].map((r) => `${r.at}s ${mb(r.stats.memory.rss)}/${mb(r.stats.memory.heapUsed)}/${mb(r.stats.memory.heapTotal)}/${mb(r.stats.memory.external)}`).join(', ')}`,
    `stored during the soak: ${stored.map((c) => `${c.name} +${c.documents}`).join(', ')}; data files +${mb(fileBytes(end) - fileBytes(start))}; heap ${signed((end.memory.heapUsed - start.memory.heapUsed) / turns / 1024)} KB per turn`,
  ];
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
