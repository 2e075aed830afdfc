import type { Logger } from 'pino';
import type { LlmCallRecord, LlmFallbackReason, LlmUsageRecorder } from '../llm/llmUsage';
import type { AnalyticsRepository, NewAnalyticsEvent } from '../storage/repositories/analyticsRepository';
import type { ServiceMetrics } from './serviceMetrics';

/**
 * Where the language model's usage goes: the in-process counters, Prometheus, and analytics events for the
 * figures (token use and latency per call, fallbacks). Counts and timings only; never the text.
 */
export class LlmUsageFanOut implements LlmUsageRecorder {
  constructor(
    private readonly counters: LlmUsageRecorder,
    private readonly metrics: ServiceMetrics,
    private readonly analytics: AnalyticsRepository,
    private readonly logger: Logger,
  ) {}

  recordCall(call: LlmCallRecord): void {
    this.counters.recordCall(call);
    this.metrics.llmCalls.inc({ outcome: call.outcome });
    this.metrics.llmTokens.inc({ kind: 'prompt' }, call.promptTokens);
    this.metrics.llmTokens.inc({ kind: 'completion' }, call.completionTokens);
    if (call.outcome !== 'refused') this.metrics.llmLatency.observe({ operation: call.operation }, call.ms / 1000);
    this.record({
      kind: 'llm',
      action: call.operation,
      outcome: call.outcome,
      tokens: call.promptTokens + call.completionTokens,
      latencyMs: call.outcome === 'refused' ? undefined : call.ms,
    });
  }

  recordFallback(reason: LlmFallbackReason): void {
    this.counters.recordFallback(reason);
    this.record({ kind: 'llm', action: 'fallback', outcome: reason });
  }

  recordGenerated(): void {
    this.counters.recordGenerated();
    this.record({ kind: 'llm', action: 'generated' });
  }

  private record(event: NewAnalyticsEvent): void {
    this.analytics.record(event).catch((error: unknown) => {
      this.logger.error({ err: error }, 'language model usage not recorded');
    });
  }
}
