import { readFile } from 'node:fs/promises';
import pino from 'pino';
import { AnsweringService } from '../../answering/answeringService';
import { type AnswerOutcome } from '../../knowledge/answerQuestion';
import {
  type EvalQuestion,
  type EvalReport,
  evaluateQuestions,
  parseEvalFile,
  scoreOutcomes,
} from '../../knowledge/evaluateQuestions';
import { type KnowledgeSnapshot } from '../../knowledge/knowledgeSnapshot';
import type { LlmUsageSnapshot } from '../../llm/llmUsage';
import { parseConversationFile } from '../parseConversationFile';
import { type KbLanguageModel } from '../kbLanguageModel';

/** `kb eval FILE`: scores a question file, lexically and (with a language model) hybrid. */
export async function evaluate(
  snapshot: KnowledgeSnapshot,
  file: string,
  showMisses: boolean,
  llm: KbLanguageModel | undefined,
): Promise<number> {
  const parsed = parseEvalFile(await readFile(file, 'utf8'), new Set(snapshot.knowledge.byId.keys()));
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`error: ${file}: ${problem}\n`);
    return 1;
  }
  const lexical = evaluateQuestions(parsed.questions, snapshot);
  printReport(lexical, 'lexical, no language model', showMisses);
  if (!llm) return 0;
  const { outcomes, latencies } = await answerAll(parsed.questions, llm);
  const hybrid = scoreOutcomes(parsed.questions, outcomes);
  const mode = `hybrid, language model ${llm.model.chatModel}, embeddings ${llm.model.embeddingModel}`;
  process.stdout.write('\n');
  printReport(hybrid, mode, showMisses);
  process.stdout.write(formatModelFigures(outcomes, latencies, llm.usage.snapshot()));
  return 0;
}

/**
 * `kb eval --conversations`: each conversation through the real bot, with the answering service the bot would
 * have (lexical, then with the language model when one is configured).
 */
export async function evaluateConversationFile(
  snapshot: KnowledgeSnapshot,
  file: string,
  args: readonly string[],
  llm: KbLanguageModel | undefined,
): Promise<number> {
  const parsed = parseConversationFile(await readFile(file, 'utf8'), new Set(snapshot.knowledge.byId.keys()));
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`error: ${file}: ${problem}\n`);
    return 1;
  }
  // The bot and its dialogs load only for this command: `kb ask` stays quick to start.
  const { evaluateConversations, formatConversationReport } = await import('../evaluateConversations');
  const misses = args.includes('--misses');
  const logger = pino({ level: 'silent' });
  const lexical = new AnsweringService({ current: () => snapshot }, { logger });
  const report = await evaluateConversations(parsed.conversations, snapshot, lexical);
  process.stdout.write(formatConversationReport(report, 'lexical, no language model', misses));
  if (!llm) return 0;
  const hybrid = await evaluateConversations(parsed.conversations, snapshot, llm.answering);
  const mode = `hybrid, language model ${llm.model.chatModel}, embeddings ${llm.model.embeddingModel}`;
  process.stdout.write(`\n${formatConversationReport(hybrid, mode, misses)}`);
  return 0;
}

/** Every question through the bot's answering service, one at a time, timing each. */
async function answerAll(questions: readonly EvalQuestion[], llm: KbLanguageModel) {
  const outcomes: AnswerOutcome[] = [];
  const latencies: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    outcomes.push((await llm.answering.answer(question.question)).outcome);
    latencies.push(performance.now() - started);
  }
  return { outcomes, latencies };
}

function printReport(report: EvalReport, mode: string, showMisses: boolean): void {
  if (showMisses) {
    for (const miss of report.misses) {
      process.stdout.write(`miss line ${miss.line}: "${miss.question}" expected ${miss.expected}, got ${miss.got}\n`);
    }
  }
  process.stdout.write(formatReport(report, mode));
}

function formatModelFigures(outcomes: readonly AnswerOutcome[], latencies: number[], usage: LlmUsageSnapshot): string {
  const answers = outcomes.filter((outcome) => outcome.kind === 'answer');
  const generated = answers.filter((outcome) => outcome.generated !== undefined).length;
  const fallbacks = Object.entries(usage.fallbacks)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${reason} ${count}`);
  const sorted = [...latencies].sort((a, b) => a - b);
  const percentile = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);
  const calls = (['rewrite', 'answer', 'embed', 'check'] as const).map((operation) => {
    const counts = usage.calls[operation];
    const total = counts.ok + counts.timeout + counts.error + counts.invalid;
    const tokens = usage.promptTokens[operation] + usage.completionTokens[operation];
    const mean = total === 0 ? 0 : Math.round(usage.latencyMsSum[operation] / total);
    return `${operation} ${total} (${counts.ok} ok, ${tokens} tokens, mean ${mean} ms)`;
  });
  return [
    `generated answers: ${generated} of ${answers.length} answers; fell back: ${fallbacks.join(', ') || 'none'}`,
    `declined: ${declinedByReason(outcomes)}`,
    `model calls: ${calls.join('; ')}`,
    `latency per question: p50 ${percentile(0.5)} ms, p95 ${percentile(0.95)} ms, max ${percentile(1)} ms`,
    '',
  ].join('\n');
}

/** Declined messages counted by reason ("injection 3, harmful 1"), never their words. */
function declinedByReason(outcomes: readonly AnswerOutcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    if (outcome.kind === 'declined') counts.set(outcome.reason, (counts.get(outcome.reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => `${reason} ${count}`).join(', ') || 'none';
}

function formatReport(r: EvalReport, mode: string): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = [
    `questions: ${r.inScope} in scope, ${r.outOfScope} out of scope, ${r.urgent} urgent, ${r.routine} routine (mode: ${mode})`,
  ];
  if (r.inScope + r.outOfScope > 0) {
    lines.push(
      `answered right: ${pct(r.answeredRight)}, answered outright: ${pct(r.answeredOutright)}, clarified: ${pct(r.clarified)}, urgent false alarms: ${pct(r.urgentFalseAlarms)}`,
      `hit@1: ${r.hitAt1.toFixed(3)}  hit@3: ${r.hitAt3.toFixed(3)}  MRR: ${r.meanReciprocalRank.toFixed(3)}`,
      `out-of-scope abstention: ${pct(r.outOfScopeAbstention)}  urgent recall: ${pct(r.urgentRecall)}`,
    );
  } else {
    lines.push(
      `urgent recall: ${pct(r.urgentRecall)}  false alarms: ${r.routine > 0 ? pct(r.urgentFalseAlarms) : '-'}`,
    );
  }
  if (r.urgentCategoryAccuracy !== undefined && r.groups.some((g) => g.urgent > 0))
    lines.push(`right category: ${pct(r.urgentCategoryAccuracy)} of urgent lines (flagged with the labelled category)`);
  const styled = r.groups.filter((g) => g.urgent < g.questions);
  const safety = r.groups.some((g) => g.urgent > 0) || r.routine > 0;
  if (r.groups.length > 0 && !safety) {
    lines.push('', 'style         lines  answered right  ranked first');
    for (const g of styled) {
      const rankedFirst = g.inScope === 0 ? '-' : (g.rankedFirst / g.inScope).toFixed(2);
      lines.push(
        `${g.group.padEnd(13)} ${String(g.questions).padStart(5)}  ${(g.answeredRight / g.questions).toFixed(2).padStart(14)}  ${rankedFirst.padStart(12)}`,
      );
    }
  }
  if (r.groups.length > 0 && safety) {
    lines.push('', 'category          lines  flagged  false alarms  right category');
    for (const g of r.groups) {
      const flagged = g.urgent > 0 ? `${g.urgentFlagged}/${g.urgent}` : '-';
      const alarms = g.notUrgent > 0 ? `${g.falseAlarms}/${g.notUrgent}` : '-';
      const right = g.urgent > 0 && g.isCategory ? `${g.urgentRightCategory}/${g.urgent}` : '-';
      lines.push(
        `${g.group.padEnd(17)} ${String(g.questions).padStart(5)}  ${flagged.padStart(7)}  ${alarms.padStart(12)}  ${right.padStart(14)}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** Three decimal places, for scores in reports. */
