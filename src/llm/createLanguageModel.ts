import OpenAI from 'openai';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { CircuitBreaker } from './circuitBreaker';
import { languageModelConfigured } from './languageModelConfigured';
import type { LlmUsageRecorder } from './llmUsage';
import { OpenAiLanguageModel } from './openAiLanguageModel';

/**
 * The configured language model on the official `openai` SDK (OpenAI, Azure OpenAI's v1 endpoint or any compatible
 * server at `OPENAI_BASE_URL`), or undefined when `OPENAI_API_KEY` is not set. The SDK's retries are off: the
 * answering service has its own time budget, and the circuit breaker stops calls to a failing provider.
 */
export function createLanguageModel(
  config: Config,
  usage: LlmUsageRecorder,
  logger: Logger,
): OpenAiLanguageModel | undefined {
  if (!languageModelConfigured(config) || !config.OPENAI_API_KEY) return undefined;
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    maxRetries: 0,
    timeout: config.OPENAI_TIMEOUT_MS,
  });
  const breaker = () =>
    new CircuitBreaker({
      failureThreshold: config.OPENAI_CIRCUIT_FAILURES,
      coolDownMs: config.OPENAI_CIRCUIT_COOLDOWN_MS,
    });
  return new OpenAiLanguageModel({
    client,
    chatModel: config.OPENAI_MODEL,
    embeddingModel: config.OPENAI_EMBEDDING_MODEL,
    breakers: { chat: breaker(), embed: breaker(), check: breaker() },
    usage,
    logger,
    defaultTimeoutMs: config.OPENAI_TIMEOUT_MS,
  });
}
