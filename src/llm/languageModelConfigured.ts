import type { Config } from '../config/config';

/** Whether the environment asks for a language model: `OPENAI_API_KEY` is set (the rest has defaults). */
export function languageModelConfigured(config: Pick<Config, 'OPENAI_API_KEY'>): boolean {
  return Boolean(config.OPENAI_API_KEY);
}
