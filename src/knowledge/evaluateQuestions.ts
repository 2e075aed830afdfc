import { type AnswerOutcome, answerQuestion } from './answerQuestion';
import type { KnowledgeSnapshot } from './knowledgeSnapshot';

/** One line of an evaluation file: the expected article ids, or OUT (must not answer), or URGENT. */
export type EvalExpectation = { kind: 'articles'; ids: string[] } | { kind: 'out' } | { kind: 'urgent' };
export interface EvalQuestion {
  expected: EvalExpectation;
  question: string;
  line: number;
}

export type ParseEvalResult = { ok: true; questions: EvalQuestion[] } | { ok: false; problems: string[] };

/** Parses the TSV format of `shared/eval/dev-questions.tsv`: `#` comments, then `expected<TAB>question`. */
export function parseEvalFile(text: string, knownIds: ReadonlySet<string>): ParseEvalResult {
  const questions: EvalQuestion[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const tab = raw.indexOf('\t');
    if (tab < 0) {
      problems.push(`line ${line}: expected "<article id or OUT or URGENT><TAB><question>"`);
      return;
    }
    const label = raw.slice(0, tab).trim();
    const question = raw.slice(tab + 1).trim();
    if (label === 'OUT') questions.push({ expected: { kind: 'out' }, question, line });
    else if (label === 'URGENT') questions.push({ expected: { kind: 'urgent' }, question, line });
    else {
      const ids = label.split('|').map((id) => id.trim());
      const unknown = ids.filter((id) => !knownIds.has(id));
      if (unknown.length > 0) problems.push(`line ${line}: unknown article id ${unknown.join(', ')}`);
      else questions.push({ expected: { kind: 'articles', ids }, question, line });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, questions };
}

export interface EvalMiss {
  line: number;
  question: string;
  expected: string;
  got: string;
}

export interface EvalReport {
  inScope: number;
  outOfScope: number;
  urgent: number;
  /** The article the bot gives (or offers first when clarifying) is an expected one. */
  hitAt1: number;
  /** An expected article is among the first three ranked. */
  hitAt3: number;
  meanReciprocalRank: number;
  /** Share of in-scope questions answered outright (not clarified, not abstained). */
  answeredOutright: number;
  clarified: number;
  outOfScopeAbstention: number;
  urgentRecall: number;
  /** Non-urgent questions wrongly flagged urgent. */
  urgentFalseAlarms: number;
  misses: EvalMiss[];
}

/** Scores the lexical decision (`answerQuestion`) on the questions. */
export function evaluateQuestions(questions: readonly EvalQuestion[], snapshot: KnowledgeSnapshot): EvalReport {
  return scoreOutcomes(
    questions,
    questions.map((q) => answerQuestion(q.question, snapshot.knowledge, snapshot.search)),
  );
}

/** Scores any decision's outcomes (`outcomes[i]` is the answer to `questions[i]`), e.g. the hybrid one's. */
export function scoreOutcomes(questions: readonly EvalQuestion[], outcomes: readonly AnswerOutcome[]): EvalReport {
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let outright = 0;
  let clarified = 0;
  let abstained = 0;
  let urgentFound = 0;
  let falseAlarms = 0;
  const misses: EvalMiss[] = [];
  const counts = { articles: 0, out: 0, urgent: 0 };
  questions.forEach((q, index) => {
    counts[q.expected.kind]++;
    const outcome = outcomes[index];
    if (!outcome) throw new RangeError(`no outcome for line ${q.line}`);
    const got = describeOutcome(outcome);
    if (q.expected.kind === 'urgent') {
      if (outcome.kind === 'urgent') urgentFound++;
      else misses.push({ line: q.line, question: q.question, expected: 'URGENT', got });
      return;
    }
    if (outcome.kind === 'urgent') falseAlarms++;
    if (q.expected.kind === 'out') {
      if (outcome.kind === 'answer' || outcome.kind === 'clarify') {
        misses.push({ line: q.line, question: q.question, expected: 'OUT', got });
      } else abstained++;
      return;
    }
    const expected = new Set(q.expected.ids);
    const offered = firstOffered(outcome);
    if (offered !== undefined && expected.has(offered)) hit1++;
    else misses.push({ line: q.line, question: q.question, expected: q.expected.ids.join('|'), got });
    if (outcome.kind === 'answer' && expected.has(outcome.article.id)) outright++;
    if (outcome.kind === 'clarify') clarified++;
    const rank = outcome.candidates.findIndex((candidate) => expected.has(candidate.id));
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  });
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
  return {
    inScope: counts.articles,
    outOfScope: counts.out,
    urgent: counts.urgent,
    hitAt1: share(hit1, counts.articles),
    hitAt3: share(hit3, counts.articles),
    meanReciprocalRank: share(reciprocal, counts.articles),
    answeredOutright: share(outright, counts.articles),
    clarified: share(clarified, counts.articles),
    outOfScopeAbstention: share(abstained, counts.out),
    urgentRecall: share(urgentFound, counts.urgent),
    urgentFalseAlarms: share(falseAlarms, counts.articles + counts.out),
    misses,
  };
}

function firstOffered(outcome: AnswerOutcome): string | undefined {
  if (outcome.kind === 'answer') return outcome.article.id;
  if (outcome.kind === 'clarify') return outcome.articles[0]?.id;
  return undefined;
}

function describeOutcome(outcome: AnswerOutcome): string {
  const ranked = outcome.candidates
    .slice(0, 3)
    .map((c) => `${c.id}(${c.score.toFixed(1)}, cov ${c.coverage.toFixed(2)})`)
    .join(' ');
  if (outcome.kind === 'answer') return `answer ${outcome.article.id} | ${ranked}`;
  if (outcome.kind === 'clarify') return `clarify ${outcome.articles.map((a) => a.id).join('/')} | ${ranked}`;
  if (outcome.kind === 'urgent') return `urgent ${outcome.category}`;
  if (outcome.kind === 'smallTalk') return `smallTalk ${outcome.smallTalk}`;
  if (outcome.kind === 'declined') return 'declined';
  return `noMatch | ${ranked}`;
}
