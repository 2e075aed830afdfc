import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type AnswerOutcome, answerQuestion } from '../knowledge/answerQuestion';
import { type EvalReport, evaluateQuestions, parseEvalFile } from '../knowledge/evaluateQuestions';
import { buildSnapshot, type KnowledgeSnapshot } from '../knowledge/knowledgeSnapshot';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { selfRetrievalWarnings } from '../knowledge/selfRetrievalWarnings';

const USAGE = `Usage: npm run kb -- <command>
  check              validate every article, the council profile and the vocabulary
  ask [--json]       answer questions read one per line from standard input
  eval FILE [--misses]  score a question file (format of shared/eval/dev-questions.tsv)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const dir = path.resolve(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  if (command === 'check') return check(dir);
  if (command !== 'ask' && command !== 'eval') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  const snapshot = await loadSnapshot(dir);
  if (!snapshot) return 1;
  if (command === 'ask') return ask(snapshot, rest.includes('--json'));
  const file = rest.find((arg) => !arg.startsWith('--'));
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return evaluate(snapshot, file, rest.includes('--misses'));
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
  process.stdout.write(`ok: ${result.knowledge.articles.length} articles, council profile and vocabulary are valid\n`);
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

async function ask(snapshot: KnowledgeSnapshot, json: boolean): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const question = line.trim();
    if (question === '') continue;
    const outcome = answerQuestion(question, snapshot.knowledge, snapshot.search);
    const record = toAskRecord(question, outcome);
    process.stdout.write(json ? `${JSON.stringify(record)}\n` : `${describe(record)}\n`);
  }
  return 0;
}

/** The `kb ask --json` line (contracts.md): small talk is reported as `noMatch`, since no article answers it. */
export function toAskRecord(question: string, outcome: AnswerOutcome) {
  const action = outcome.kind === 'smallTalk' ? 'noMatch' : outcome.kind;
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
    ...(outcome.kind === 'urgent' ? { urgentCategory: outcome.category } : {}),
    ...(outcome.kind === 'smallTalk' ? { smallTalk: outcome.smallTalk } : {}),
  };
}

function describe(record: ReturnType<typeof toAskRecord>): string {
  const top = record.candidates.map((c) => `${c.id} ${c.score}`).join(', ');
  return `${record.action}${record.articleId ? ` ${record.articleId}` : ''}${record.urgent ? ' URGENT' : ''}\t${record.question}\t[${top}]`;
}

async function evaluate(snapshot: KnowledgeSnapshot, file: string, showMisses: boolean): Promise<number> {
  const parsed = parseEvalFile(await readFile(file, 'utf8'), new Set(snapshot.knowledge.byId.keys()));
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`error: ${file}: ${problem}\n`);
    return 1;
  }
  const report = evaluateQuestions(parsed.questions, snapshot);
  if (showMisses) {
    for (const miss of report.misses) {
      process.stdout.write(`miss line ${miss.line}: "${miss.question}" expected ${miss.expected}, got ${miss.got}\n`);
    }
  }
  process.stdout.write(formatReport(report));
  return 0;
}

function formatReport(r: EvalReport): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  return [
    `questions: ${r.inScope} in scope, ${r.outOfScope} out of scope, ${r.urgent} urgent (mode: lexical, no language model)`,
    `answered outright: ${pct(r.answeredOutright)}, clarified: ${pct(r.clarified)}, urgent false alarms: ${pct(r.urgentFalseAlarms)}`,
    `hit@1: ${r.hitAt1.toFixed(3)}  hit@3: ${r.hitAt3.toFixed(3)}  MRR: ${r.meanReciprocalRank.toFixed(3)}`,
    `out-of-scope abstention: ${pct(r.outOfScopeAbstention)}  urgent recall: ${pct(r.urgentRecall)}`,
    '',
  ].join('\n');
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
