import OpenAI from 'openai';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { CircuitBreaker } from './circuitBreaker';
import type {
  EmbedOutcome,
  GroundedAnswerInput,
  MessageCheckOutcome,
  GroundedAnswerOutcome,
  LanguageModel,
  ModelCallOptions,
  ModelFailureReason,
  RewriteOutcome,
} from './languageModel';
import type { LlmCallOutcome, LlmOperation, LlmUsageRecorder } from './llmUsage';
import { groundedAnswerPrompt, messageCheckPrompt, type PromptMessage, rewriteQuestionPrompt } from './prompts';
import {
  GROUNDED_ANSWER_FORMAT,
  groundedAnswerSchema,
  MESSAGE_CHECK_FORMAT,
  messageCheckSchema,
  REWRITTEN_QUESTION_FORMAT,
  rewrittenQuestionSchema,
} from './structuredOutputs';

export interface OpenAiLanguageModelOptions {
  /** The official SDK's client, configured with the key and base URL (OpenAI, Azure OpenAI or compatible). */
  client: OpenAI;
  chatModel: string;
  embeddingModel: string;
  /**
   * Breakers for chat completions and for embeddings: two endpoints (often two deployments) that fail apart; and for
   * the short check before answering, kept apart so its successes never hide the answers' failures (without one, a
   * breaker of the chat breaker's settings).
   */
  breakers: { chat: CircuitBreaker; embed: CircuitBreaker; check?: CircuitBreaker };
  usage: LlmUsageRecorder;
  logger: Logger;
  /** Time allowed for a call given no deadline. */
  defaultTimeoutMs: number;
  now?: () => number;
}

/** A call is not started with less time than this left: it could not finish. */
const MIN_CALL_MS = 50;

const usageSchema = z
  .object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() })
  .nullish();
const chatCompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
      }),
    )
    .min(1),
  usage: usageSchema,
});
const embeddingsSchema = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()).min(1) })),
  usage: usageSchema,
});

type Sent<T> = { value: T; promptTokens: number; completionTokens: number };
type Called<T> = { ok: true; value: T } | { ok: false; reason: ModelFailureReason };

/**
 * The `LanguageModel` on the official `openai` SDK: chat completions with structured output (a JSON schema, read
 * back with zod) and embeddings. Every call is bounded by the turn's deadline (the SDK's own retries are off, so
 * the bound holds), passes through the circuit breaker, and is recorded (tokens, latency, outcome) and logged
 * without any of the text sent or received.
 */
export class OpenAiLanguageModel implements LanguageModel {
  readonly chatModel: string;
  readonly embeddingModel: string;
  private readonly now: () => number;
  private readonly checkBreaker: CircuitBreaker;

  constructor(private readonly options: OpenAiLanguageModelOptions) {
    this.checkBreaker = options.breakers.check ?? options.breakers.chat.sibling();
    this.chatModel = options.chatModel;
    this.embeddingModel = options.embeddingModel;
    this.now = options.now ?? Date.now;
  }

  async rewriteQuestion(
    input: Parameters<LanguageModel['rewriteQuestion']>[0],
    options: ModelCallOptions = {},
  ): Promise<RewriteOutcome> {
    const result = await this.chat('rewrite', rewriteQuestionPrompt(input.question, input.history), options, (json) => {
      const parsed = rewrittenQuestionSchema.safeParse(json);
      return parsed.success ? parsed.data.question : undefined;
    });
    return result.ok ? { ok: true, question: result.value } : result;
  }

  async groundedAnswer(input: GroundedAnswerInput, options: ModelCallOptions = {}): Promise<GroundedAnswerOutcome> {
    const prompt = groundedAnswerPrompt(input.question, input.sections, input.councilName);
    const result = await this.chat('answer', prompt, options, (json) => {
      const parsed = groundedAnswerSchema.safeParse(json);
      return parsed.success ? parsed.data : undefined;
    });
    if (!result.ok) return result;
    if (result.value.status === 'cannotAnswer') return { ok: true, status: 'cannotAnswer' };
    return { ok: true, status: 'answered', answer: result.value.answer, citations: result.value.citations };
  }

  async checkMessage(
    input: { message: string; councilName: string },
    options: ModelCallOptions = {},
  ): Promise<MessageCheckOutcome> {
    const prompt = messageCheckPrompt(input.message, input.councilName);
    const result = await this.chat('check', prompt, options, (json) => {
      const parsed = messageCheckSchema.safeParse(json);
      return parsed.success ? parsed.data.verdict : undefined;
    });
    return result.ok ? { ok: true, verdict: result.value } : result;
  }

  async embed(texts: readonly string[], options: ModelCallOptions = {}): Promise<EmbedOutcome> {
    if (texts.length === 0) return { ok: true, vectors: [] };
    const result = await this.call('embed', options, async (requestOptions) => {
      const response: unknown = await this.options.client.embeddings.create(
        { model: this.embeddingModel, input: [...texts], encoding_format: 'float' },
        requestOptions,
      );
      const parsed = embeddingsSchema.safeParse(response);
      const byIndex = new Map(parsed.data?.data.map((item) => [item.index, item.embedding]));
      const vectors = texts.map((_, index) => byIndex.get(index));
      const complete = vectors.every((vector) => vector !== undefined && vector.length === vectors[0]?.length);
      return {
        value: complete ? vectors.flatMap((vector) => (vector ? [Float32Array.from(vector)] : [])) : undefined,
        promptTokens: parsed.data?.usage?.prompt_tokens ?? 0,
        completionTokens: 0,
      };
    });
    return result.ok ? { ok: true, vectors: result.value } : result;
  }

  /** A chat completion with a structured reply: JSON parsed, then checked by `read` (undefined means invalid). */
  private chat<T>(
    operation: LlmOperation,
    messages: PromptMessage[],
    options: ModelCallOptions,
    read: (json: unknown) => T | undefined,
  ): Promise<Called<T>> {
    const format =
      operation === 'rewrite'
        ? REWRITTEN_QUESTION_FORMAT
        : operation === 'check'
          ? MESSAGE_CHECK_FORMAT
          : GROUNDED_ANSWER_FORMAT;
    return this.call(operation, options, async (requestOptions) => {
      const response: unknown = await this.options.client.chat.completions.create(
        {
          model: this.chatModel,
          messages,
          temperature: 0,
          max_completion_tokens: operation === 'answer' ? 400 : 120,
          response_format: format,
        },
        requestOptions,
      );
      const parsed = chatCompletionSchema.safeParse(response);
      const content = parsed.data?.choices[0]?.message.content;
      return {
        value: content ? read(parseJson(content)) : undefined,
        promptTokens: parsed.data?.usage?.prompt_tokens ?? 0,
        completionTokens: parsed.data?.usage?.completion_tokens ?? 0,
      };
    });
  }

  private async call<T>(
    operation: LlmOperation,
    options: ModelCallOptions,
    send: (requestOptions: { signal: AbortSignal; timeout: number; maxRetries: 0 }) => Promise<Sent<T | undefined>>,
  ): Promise<Called<T>> {
    const started = this.now();
    const deadline = options.deadline ?? started + (options.timeoutMs ?? this.options.defaultTimeoutMs);
    const timeLeft = deadline - started;
    if (timeLeft < MIN_CALL_MS) return this.record(operation, 'refused', started, undefined, 'timeout');
    const breaker =
      operation === 'embed'
        ? this.options.breakers.embed
        : operation === 'check'
          ? this.checkBreaker
          : this.options.breakers.chat;
    // The check shares the chat endpoint: while the chat breaker is open, nothing is sent there.
    const chatDown = operation === 'check' && this.options.breakers.chat.state === 'open';
    if (chatDown || !breaker.tryAcquire()) return this.record(operation, 'refused', started, undefined, 'unavailable');

    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => {
        abort.abort();
        resolve('expired');
      }, timeLeft);
    });
    try {
      const sent = await Promise.race([send({ signal: abort.signal, timeout: timeLeft, maxRetries: 0 }), expired]);
      if (sent === 'expired') {
        breaker.recordFailure();
        return this.record(operation, 'timeout', started, undefined, 'timeout');
      }
      // The provider answered: it is up, even when the reply is unusable.
      breaker.recordSuccess();
      if (sent.value === undefined) return this.record(operation, 'invalid', started, sent, 'invalid');
      this.record(operation, 'ok', started, sent);
      return { ok: true, value: sent.value };
    } catch (error) {
      breaker.recordFailure();
      const timedOut = error instanceof OpenAI.APIConnectionTimeoutError || abort.signal.aborted;
      this.options.logger.warn(
        {
          operation,
          error: error instanceof Error ? error.name : 'unknown',
          status: error instanceof OpenAI.APIError ? error.status : undefined,
          breaker: breaker.state,
        },
        'language model call failed',
      );
      return this.record(operation, timedOut ? 'timeout' : 'error', started, undefined, timedOut ? 'timeout' : 'error');
    } finally {
      clearTimeout(timer);
    }
  }

  /** Records and logs the call (counts and timings only), and gives the failure to return when it failed. */
  private record(
    operation: LlmOperation,
    outcome: LlmCallOutcome,
    started: number,
    sent: { promptTokens: number; completionTokens: number } | undefined,
    failure: ModelFailureReason = 'error',
  ): { ok: false; reason: ModelFailureReason } {
    const call = {
      operation,
      outcome,
      ms: Math.round(this.now() - started),
      promptTokens: sent?.promptTokens ?? 0,
      completionTokens: sent?.completionTokens ?? 0,
    };
    this.options.usage.recordCall(call);
    const model = operation === 'embed' ? this.embeddingModel : this.chatModel;
    this.options.logger.info({ ...call, model }, 'language model call');
    return { ok: false, reason: failure };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
