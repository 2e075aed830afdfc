import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { AnsweringService } from '../answering/answeringService';
import { type AnswerOutcome, answerQuestion } from '../knowledge/answerQuestion';
import {
  type EvalQuestion,
  type EvalReport,
  evaluateQuestions,
  parseEvalFile,
  scoreOutcomes,
} from '../knowledge/evaluateQuestions';
import { buildSnapshot, type KnowledgeSnapshot } from '../knowledge/knowledgeSnapshot';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { groupKnowledgeGaps } from '../knowledge/groupKnowledgeGaps';
import { selfRetrievalWarnings } from '../knowledge/selfRetrievalWarnings';
import type { LlmUsageSnapshot } from '../llm/llmUsage';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/createLogger';
import { openStoreSnapshot } from '../storage/openStoreSnapshot';
import { EditorQuestionRepository } from '../storage/repositories/editorQuestionRepository';
import { parseConversationFile } from './parseConversationFile';
import { evaluateGuardrailFile } from './evaluateGuardrailFile';
import { embedWithProgress, type KbLanguageModel, openKbLanguageModel } from './kbLanguageModel';

const USAGE = `Usage: npm run kb -- <command>
  check              validate every article, the council profile, the vocabulary and the safety examples
  ask [--json]       answer questions read one per line from standard input
  eval FILE [--misses]  score a question file (format of shared/eval/dev-questions.tsv)
  eval GUARDRAILS.tsv [--misses] [--attacks]
                     held per attack kind and genuine questions wrongly declined (format of
                     shared/eval/guardrails-dev.tsv; --attacks reads SOURCE<TAB>message, every line an attack)
  eval --conversations FILE.jsonl [--misses]
                     run each conversation (format of shared/eval/followups-dev.jsonl) through the real bot and
                     print how many end right, per kind
  embed [--prune]    embed every article section for hybrid retrieval and cache the vectors in the store
                     (--prune deletes cached vectors of sections no longer in the knowledge base)
  gaps [--days N | --since YYYY-MM-DD] [--json]
                     questions residents asked that the knowledge base did not answer, or whose answer they said
                     did not help, grouped by similarity and counted, with the closest article (last 30 days)

With OPENAI_API_KEY set, ask and eval use the language model as the bot does (eval prints the lexical figures
and then the hybrid ones); --lexical leaves it out, --llm insists on it.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const dir = path.resolve(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  if (command === 'check') return check(dir);
  if (command !== 'ask' && command !== 'eval' && command !== 'embed' && command !== 'gaps') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  const snapshot = await loadSnapshot(dir);
  if (!snapshot) return 1;
  if (command === 'embed') return embed(snapshot, rest.includes('--prune'));
  if (command === 'gaps') return gaps(snapshot, rest);
  const llm = rest.includes('--lexical') ? undefined : await languageModelFor(snapshot, rest.includes('--llm'));
  if (llm === 'failed') return 1;
  try {
    if (command === 'ask') return await ask(snapshot, rest.includes('--json'), llm);
    const file = rest.find((arg) => !arg.startsWith('--'));
    if (!file) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (rest.includes('--conversations')) return await evaluateConversationFile(snapshot, file, rest, llm);
    const guarded = await evaluateGuardrailFile(snapshot, file, rest, llm);
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

async function embed(snapshot: KnowledgeSnapshot, prune: boolean): Promise<number> {
  const opened = await openKbLanguageModel(snapshot, { storeRequired: true });
  if (!opened.ok) {
    process.stderr.write(`kb embed: ${opened.problem}\n`);
    return 1;
  }
  const { setup } = opened;
  try {
    const started = performance.now();
    const result = await embedWithProgress(setup, snapshot);
    const model = setup.model.embeddingModel;
    process.stdout.write(
      `embedded ${result.embedded} sections, ${result.reused} already cached, ${result.missing} missing ` +
        `(${result.total} sections of ${snapshot.knowledge.articles.length} articles, model ${model}, ` +
        `${Math.round(performance.now() - started)} ms)\n`,
    );
    if (prune && setup.repository) {
      const keep = setup.sectionIndex.sectionsOf(snapshot.knowledge).map((section) => section.hash);
      process.stdout.write(`pruned ${await setup.repository.deleteExcept(model, keep)} unused vectors\n`);
    }
    return result.missing > 0 ? 1 : 0;
  } finally {
    await setup.close();
  }
}

async function gaps(snapshot: KnowledgeSnapshot, args: readonly string[]): Promise<number> {
  const period = gapsPeriod(args, new Date());
  if (!period.ok) {
    process.stderr.write(`kb gaps: ${period.problem}\n${USAGE}\n`);
    return 2;
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(
      `Configuration problems (see .env.example):\n${loaded.problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  const { config } = loaded;
  const logger = createLogger('warn', pino.destination({ dest: 2, sync: true }));
  const store = await openStoreSnapshot({
    mongodbUri: config.MONGODB_URI,
    mongodbDb: config.MONGODB_DB,
    dataDir: config.DATA_DIR,
    logger,
  });
  try {
    const questions = new EditorQuestionRepository(store, { retentionDays: config.RETENTION_DAYS });
    const found = groupKnowledgeGaps(await questions.listBetween(period.since, period.until), (question) =>
      snapshot.search.terms(question),
    );
    if (args.includes('--json')) {
      for (const gap of found) process.stdout.write(`${JSON.stringify(gap)}\n`);
      return 0;
    }
    const total = found.reduce((sum, gap) => sum + gap.count, 0);
    process.stdout.write(
      `${total} question(s) from ${period.since.toISOString().slice(0, 10)} to ${period.until.toISOString().slice(0, 10)}, in ${found.length} group(s)\n`,
    );
    for (const gap of found) {
      const article = gap.closestArticleId ? snapshot.knowledge.byId.get(gap.closestArticleId) : undefined;
      process.stdout.write(
        `\n${gap.count}x (${gap.unanswered} unanswered, ${gap.unhelpful} not helpful)  closest: ${article ? `${article.id} (${article.file})` : 'none'}\n`,
      );
      for (const example of gap.examples) process.stdout.write(`    "${example}"\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** The period `kb gaps` looks at: the last `--days N` (default 30), or `--since` a date, until now. */
export function gapsPeriod(
  args: readonly string[],
  now: Date,
): { ok: true; since: Date; until: Date } | { ok: false; problem: string } {
  const value = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const since = value('--since');
  if (since !== undefined) {
    const date = new Date(`${since}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(date.getTime())) {
      return { ok: false, problem: '--since needs a date like 2026-11-01' };
    }
    return { ok: true, since: date, until: now };
  }
  const days = Number(value('--days') ?? 30);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    return { ok: false, problem: '--days needs a whole number of days' };
  return { ok: true, since: new Date(now.getTime() - days * 86_400_000), until: now };
}

async function check(dir: string): Promise<number> {
  const result = await loadKnowledgeBase(dir);
  for (const warning of result.warnings) process.stdout.write(`warning: ${warning.file}: ${warning.problem}\n`);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`error: ${problem.file}: ${problem.problem}\n`);
    process.stderr.write(`${result.problems.length} problem(s) found in ${dir}\n`);
    return 1;
  }
  const snapshot = buildSnapshot(result.knowledge);
  for (const warning of selfRetrievalWarnings(snapshot)) {
    process.stdout.write(`warning: ${warning.file}: ${warning.problem}\n`);
  }
  const wards = result.knowledge.wards.length > 0 ? `, ${result.knowledge.wards.length} wards` : '';
  const { gazetteer, collections } = result.knowledge.places;
  const places = gazetteer.size > 0 ? `, ${gazetteer.size} addresses` : '';
  const rounds = collections ? `, ${collections.rounds.length} collection rounds` : '';
  process.stdout.write(
    `ok: ${result.knowledge.articles.length} articles${wards}${places}${rounds}, council profile and vocabulary are valid\n`,
  );
  return 0;
}

async function loadSnapshot(dir: string): Promise<KnowledgeSnapshot | undefined> {
  const result = await loadKnowledgeBase(dir);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`error: ${problem.file}: ${problem.problem}\n`);
    return undefined;
  }
  return buildSnapshot(result.knowledge);
}

async function ask(snapshot: KnowledgeSnapshot, json: boolean, llm: KbLanguageModel | undefined): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const question = line.trim();
    if (question === '') continue;
    const outcome = llm
      ? (await llm.answering.answer(question)).outcome
      : answerQuestion(question, snapshot.knowledge, snapshot.search);
    const record = toAskRecord(question, outcome);
    process.stdout.write(json ? `${JSON.stringify(record)}\n` : `${describe(record)}\n`);
  }
  return 0;
}

/**
 * The `kb ask --json` line (contracts.md): small talk, a declined message (`declined: true`, `declinedReason`) and a
 * message in another language (`notEnglish: true`) are reported as `noMatch`, since no article answers them.
 */
export function toAskRecord(question: string, outcome: AnswerOutcome) {
  const action =
    outcome.kind === 'smallTalk' || outcome.kind === 'declined' || outcome.kind === 'notEnglish'
      ? 'noMatch'
      : outcome.kind;
  const candidates =
    outcome.kind === 'clarify'
      ? outcome.articles.map((article) => ({
          id: article.id,
          score: round(outcome.candidates.find((c) => c.id === article.id)?.score ?? 0),
        }))
      : outcome.candidates.map((c) => ({ id: c.id, score: round(c.score) }));
  return {
    question,
    action,
    articleId: outcome.kind === 'answer' ? outcome.article.id : null,
    candidates,
    urgent: outcome.kind === 'urgent',
    ...(outcome.kind === 'urgent'
      ? { urgentCategory: outcome.category, ...(outcome.certainty === 'check' ? { urgentCheck: true } : {}) }
      : {}),
    ...(outcome.kind === 'smallTalk' ? { smallTalk: outcome.smallTalk } : {}),
    ...(outcome.kind === 'declined' ? { declined: true, declinedReason: outcome.reason } : {}),
    ...(outcome.kind === 'notEnglish' ? { notEnglish: true } : {}),
    ...(outcome.kind === 'signpost' ? { signpostId: outcome.signpost.id } : {}),
    ...(outcome.kind === 'answer' && outcome.generated
      ? {
          generated: true,
          citations: outcome.generated.citations.map((article) => article.id),
          answer: outcome.generated.text,
        }
      : {}),
  };
}

function describe(record: ReturnType<typeof toAskRecord>): string {
  const top = record.candidates.map((c) => `${c.id} ${c.score}`).join(', ');
  return `${record.action}${record.articleId ? ` ${record.articleId}` : ''}${record.urgent ? ' URGENT' : ''}\t${record.question}\t[${top}]`;
}

async function evaluate(
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
async function evaluateConversationFile(
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
  const { evaluateConversations, formatConversationReport } = await import('./evaluateConversations');
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

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
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
