/** What a call to the language model was for. */
/** `check` is the model's reading of a message before answering (`MessageCheckOutcome`): it may only add a decline. */
export type LlmOperation = 'rewrite' | 'answer' | 'embed' | 'check';

/** How a call ended: `refused` means the circuit breaker was open or no time was left, so nothing was sent. */
export type LlmCallOutcome = 'ok' | 'timeout' | 'error' | 'invalid' | 'refused';

/** One call to the model: counts and timings only, never the text sent or received. */
export interface LlmCallRecord {
  operation: LlmOperation;
  outcome: LlmCallOutcome;
  ms: number;
  promptTokens: number;
  completionTokens: number;
}

/** Why a generated answer was not given and the deterministic one was given instead. */
export type LlmFallbackReason =
  | 'unavailable'
  | 'invalidOutput'
  | 'cannotAnswer'
  | 'unknownCitation'
  | 'unsupportedClaim'
  | 'forbiddenAdvice'
  /** The answer failed a guardrail after answering: a promise, personal data, an outside link, a political opinion. */
  | 'failedGuardrail'
  /** The routing step was wary of the message (`MessageGuard.isWaryOf`): it never went to the answer-writing prompt. */
  | 'wary';

/** Where model usage goes: the composition root hands in one recorder, the metrics (issue 7) read its snapshot. */
export interface LlmUsageRecorder {
  recordCall(call: LlmCallRecord): void;
  recordFallback(reason: LlmFallbackReason): void;
  recordGenerated(): void;
}

/** Totals since the process started, in a shape a Prometheus exporter can publish as counters. */
export interface LlmUsageSnapshot {
  calls: Record<LlmOperation, Record<LlmCallOutcome, number>>;
  promptTokens: Record<LlmOperation, number>;
  completionTokens: Record<LlmOperation, number>;
  /** Sum of call durations in milliseconds, per operation (with `calls`, the mean latency). */
  latencyMsSum: Record<LlmOperation, number>;
  /** Calls per operation that took at most each bound, in milliseconds (a cumulative histogram). */
  latencyBuckets: Record<LlmOperation, Record<number, number>>;
  generatedAnswers: number;
  fallbacks: Record<LlmFallbackReason, number>;
}

export const LATENCY_BUCKETS_MS: readonly number[] = [100, 250, 500, 1000, 2000, 4000, 8000];

/** In-memory counters of model usage: token counts, latencies, outcomes and fallbacks. */
export class LlmUsageCounters implements LlmUsageRecorder {
  private readonly totals: LlmUsageSnapshot = {
    calls: perOperation(() => ({ ok: 0, timeout: 0, error: 0, invalid: 0, refused: 0 })),
    promptTokens: perOperation(() => 0),
    completionTokens: perOperation(() => 0),
    latencyMsSum: perOperation(() => 0),
    latencyBuckets: perOperation(() => Object.fromEntries(LATENCY_BUCKETS_MS.map((b) => [b, 0]))),
    generatedAnswers: 0,
    fallbacks: {
      unavailable: 0,
      invalidOutput: 0,
      cannotAnswer: 0,
      unknownCitation: 0,
      unsupportedClaim: 0,
      forbiddenAdvice: 0,
      failedGuardrail: 0,
      wary: 0,
    },
  };

  recordCall(call: LlmCallRecord): void {
    this.totals.calls[call.operation][call.outcome]++;
    this.totals.promptTokens[call.operation] += call.promptTokens;
    this.totals.completionTokens[call.operation] += call.completionTokens;
    if (call.outcome === 'refused') return;
    this.totals.latencyMsSum[call.operation] += call.ms;
    const buckets = this.totals.latencyBuckets[call.operation];
    for (const bound of LATENCY_BUCKETS_MS) if (call.ms <= bound) buckets[bound] = (buckets[bound] ?? 0) + 1;
  }

  recordFallback(reason: LlmFallbackReason): void {
    this.totals.fallbacks[reason]++;
  }

  recordGenerated(): void {
    this.totals.generatedAnswers++;
  }

  /** A copy of the totals. */
  snapshot(): LlmUsageSnapshot {
    return structuredClone(this.totals);
  }
}

function perOperation<T>(make: () => T): Record<LlmOperation, T> {
  return { rewrite: make(), answer: make(), embed: make(), check: make() };
}
