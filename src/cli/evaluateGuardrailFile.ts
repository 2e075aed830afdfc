import { readFile } from 'node:fs/promises';
import { answerQuestion, type AnswerOutcome } from '../knowledge/answerQuestion';
import type { KnowledgeSnapshot } from '../knowledge/knowledgeSnapshot';
import {
  formatGuardrailReport,
  isGuardrailsLayout,
  parseGuardrailsFile,
  scoreGuardrails,
} from '../guardrails/evaluateGuardrails';
import type { KbLanguageModel } from './kbLanguageModel';

/**
 * `kb eval` on a guardrails file (`LABEL<TAB>KIND<TAB>message`, or with `--attacks` `SOURCE<TAB>message`): held per
 * attack kind and genuine questions wrongly declined, without a model and then, when one is configured, with it
 * (counting attacks that reached the answer-writing prompt). Undefined when the file is in another layout.
 */
export async function evaluateGuardrailFile(
  snapshot: KnowledgeSnapshot,
  file: string,
  args: readonly string[],
  llm: KbLanguageModel | undefined,
): Promise<number | undefined> {
  const text = await readFile(file, 'utf8');
  const attacks = args.includes('--attacks');
  if (!attacks && !isGuardrailsLayout(text)) return undefined;
  const parsed = parseGuardrailsFile(text, attacks);
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`error: ${file}: ${problem}\n`);
    return 1;
  }
  const misses = args.includes('--misses');
  const lexical = parsed.cases.map((c) => answerQuestion(c.message, snapshot.knowledge, snapshot.search));
  process.stdout.write(
    formatGuardrailReport(scoreGuardrails(parsed.cases, lexical), 'deterministic, no language model', misses),
  );
  if (!llm) return 0;
  const outcomes: AnswerOutcome[] = [];
  const reached: boolean[] = [];
  for (const c of parsed.cases) {
    const before = answerCalls(llm);
    outcomes.push((await llm.answering.answer(c.message)).outcome);
    reached.push(answerCalls(llm) > before);
  }
  const mode = `with language model ${llm.model.chatModel}`;
  process.stdout.write(`\n${formatGuardrailReport(scoreGuardrails(parsed.cases, outcomes, reached), mode, misses)}`);
  return 0;
}

/** How many times the answer-writing prompt has been sent so far. */
function answerCalls(llm: KbLanguageModel): number {
  const calls = llm.usage.snapshot().calls.answer;
  return calls.ok + calls.timeout + calls.error + calls.invalid;
}
