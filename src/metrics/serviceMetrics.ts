import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface ServiceMetricsOptions {
  /** Conversations waiting for a CSA now (read when Prometheus scrapes). */
  queueLength: () => Promise<number>;
}

/**
 * The Prometheus metrics `/metrics` serves: turns and their latency, what the bot replied, handoffs, service requests,
 * the queue and errors, plus Node's own process metrics. Labels are codes from a short list (channel, action,
 * reason, request type), never anything a resident typed.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly turns: Counter<'channel' | 'type'>;
  readonly turnDuration: Histogram<'channel'>;
  readonly replies: Counter<'action'>;
  readonly handoffs: Counter<'reason'>;
  readonly urgentReplies: Counter<'category'>;
  readonly declinedReplies: Counter<'reason'>;
  readonly requestsSubmitted: Counter<'type'>;
  readonly errors: Counter<'kind'>;
  readonly llmCalls: Counter<'outcome'>;
  readonly llmTokens: Counter<'kind'>;
  readonly llmLatency: Histogram<'operation'>;

  constructor(options: ServiceMetricsOptions) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'councilbot_' });
    this.turns = new Counter({
      name: 'councilbot_turns_total',
      help: 'Activities the bot handled, by channel and activity type',
      labelNames: ['channel', 'type'],
      registers,
    });
    this.turnDuration = new Histogram({
      name: 'councilbot_turn_duration_seconds',
      help: 'Time from receiving an activity to the end of the bot turn',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.replies = new Counter({
      name: 'councilbot_replies_total',
      help: 'Bot messages by what they were (channelData.councilBot.action): answer, clarify, noMatch, urgent, ...',
      labelNames: ['action'],
      registers,
    });
    this.handoffs = new Counter({
      name: 'councilbot_handoffs_total',
      help: 'Conversations handed to a person, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.urgentReplies = new Counter({
      name: 'councilbot_urgent_replies_total',
      help: 'Emergency signposting (and "is anyone in danger?" checks) by kind of emergency: selfHarm, abuse, child, ...',
      labelNames: ['category'],
      registers,
    });
    this.declinedReplies = new Counter({
      name: 'councilbot_declined_replies_total',
      help: 'Messages declined before answering, by reason: injection, dataExfiltration, harmful, offTopicGeneration',
      labelNames: ['reason'],
      registers,
    });
    this.requestsSubmitted = new Counter({
      name: 'councilbot_service_requests_total',
      help: 'Service requests submitted, by type',
      labelNames: ['type'],
      registers,
    });
    this.errors = new Counter({
      name: 'councilbot_errors_total',
      help: 'Failures: turns that failed, server errors, deliveries that failed',
      labelNames: ['kind'],
      registers,
    });
    this.llmCalls = new Counter({
      name: 'councilbot_llm_calls_total',
      help: 'Language model calls by outcome (answered, fallback, timeout, error, circuitOpen)',
      labelNames: ['outcome'],
      registers,
    });
    this.llmTokens = new Counter({
      name: 'councilbot_llm_tokens_total',
      help: 'Language model tokens used, by kind (prompt, completion)',
      labelNames: ['kind'],
      registers,
    });
    this.llmLatency = new Histogram({
      name: 'councilbot_llm_latency_seconds',
      help: 'Language model call latency, by operation',
      labelNames: ['operation'],
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8],
      registers,
    });
    new Gauge({
      name: 'councilbot_handoff_queue_length',
      help: 'Conversations waiting for a CSA',
      registers,
      async collect() {
        this.set(await options.queueLength());
      },
    });
  }
}
