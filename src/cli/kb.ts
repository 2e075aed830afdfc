import path from 'node:path';
import { buildSnapshot, type KnowledgeSnapshot } from '../knowledge/knowledgeSnapshot';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { loadConfig } from '../config/config';
import { languageModelConfigured } from '../llm/languageModelConfigured';
import type { KbLanguageModel } from './kbLanguageModel';
import { USAGE } from './kb/usage';

// Each command's module is loaded only when that command runs: `kb ask` does not load the conversation evaluation's
// bot, nor the model's SDK and store drivers when no model is configured.
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const dir = path.resolve(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  if (command === 'check') return (await import('./kb/checkCommand')).check(dir);
  if (command !== 'ask' && command !== 'eval' && command !== 'embed' && command !== 'gaps') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  const snapshot = await loadSnapshot(dir);
  if (!snapshot) return 1;
  if (command === 'embed') return (await import('./kb/embedCommand')).embed(snapshot, rest.includes('--prune'));
  if (command === 'gaps') return (await import('./kb/gapsCommand')).gaps(snapshot, rest);
  const llm = rest.includes('--lexical') ? undefined : await languageModelFor(snapshot, rest.includes('--llm'));
  if (llm === 'failed') return 1;
  try {
    if (command === 'ask') return await (await import('./kb/askCommand')).ask(snapshot, rest.includes('--json'), llm);
    const file = rest.find((arg) => !arg.startsWith('--'));
    if (!file) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const { evaluate, evaluateConversationFile } = await import('./kb/evalCommand');
    if (rest.includes('--conversations')) return await evaluateConversationFile(snapshot, file, rest, llm);
    const guarded = await (await import('./evaluateGuardrailFile')).evaluateGuardrailFile(snapshot, file, rest, llm);
    if (guarded !== undefined) return guarded;
    return await evaluate(snapshot, file, rest.includes('--misses'), llm);
  } finally {
    await llm?.close();
  }
}

/** The language model when configured (or undefined), or `failed` after saying why when it was insisted on. */
async function languageModelFor(
  snapshot: KnowledgeSnapshot,
  required: boolean,
): Promise<KbLanguageModel | undefined | 'failed'> {
  // Without a model configured, the model's side (the OpenAI SDK, the store's drivers) is not even loaded: `kb ask`
  // starts faster.
  const config = loadConfig(process.env);
  if (!required && config.ok && !languageModelConfigured(config.config)) return undefined;
  const { embedWithProgress, openKbLanguageModel } = await import('./kbLanguageModel');
  const opened = await openKbLanguageModel(snapshot, { storeRequired: false });
  if (opened.ok) {
    const result = await embedWithProgress(opened.setup, snapshot);
    if (result.missing > 0) process.stderr.write(`note: ${result.missing} sections could not be embedded\n`);
    return opened.setup;
  }
  if (opened.notConfigured && !required) return undefined;
  process.stderr.write(`kb: the language model cannot be used: ${opened.problem}\n`);
  return 'failed';
}

async function loadSnapshot(dir: string): Promise<KnowledgeSnapshot | undefined> {
  const result = await loadKnowledgeBase(dir);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`error: ${problem.file}: ${problem.problem}\n`);
    return undefined;
  }
  return buildSnapshot(result.knowledge);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kb: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
