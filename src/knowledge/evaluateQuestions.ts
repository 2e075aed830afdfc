import { URGENT_CATEGORIES } from '../safety/urgentCategory';
import { type AnswerOutcome, answerQuestion } from './answerQuestion';
import type { KnowledgeSnapshot } from './knowledgeSnapshot';

/**
 * One line of an evaluation file: the expected article ids, OUT (must not answer from the articles), URGENT (must be
 * flagged as an emergency) or ROUTINE (must not be flagged; `safety-dev.tsv`'s NOT lines).
 */
export type EvalExpectation =
  | { kind: 'articles'; ids: string[] }
  | { kind: 'out' }
  | { kind: 'urgent' }
  | { kind: 'routine' };
export interface EvalQuestion {
  expected: EvalExpectation;
  question: string;
  line: number;
  /** The style (`styles-dev.tsv`) or category (`safety-dev.tsv`) the line is labelled with, when the file has one. */
  group?: string;
}

export type ParseEvalResult = { ok: true; questions: EvalQuestion[] } | { ok: false; problems: string[] };

/** A crisis line's source, `owner/repo:path` (`shared/external/crisis.tsv`): every such line is an emergency. */
const SOURCE_LABEL = /^[\w.-]+\/[\w.-]+:\S+$/;

/**
 * Parses the evaluation layouts, `#` comments skipped:
 * - `expected<TAB>question` (`dev-questions.tsv`): an article id (several joined by `|`), OUT or URGENT;
 * - `expected<TAB>STYLE<TAB>message` (`styles-dev.tsv`): the same labels, grouped by style;
 * - `URGENT|NOT<TAB>CATEGORY<TAB>message` (`safety-dev.tsv`): grouped by category, NOT meaning routine;
 * - `SOURCE<TAB>message` (`external/crisis.tsv`): every line an emergency, grouped as `crisis`.
 */
export function parseEvalFile(text: string, knownIds: ReadonlySet<string>): ParseEvalResult {
  const questions: EvalQuestion[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const fields = raw.split('\t');
    if (fields.length < 2) {
      problems.push(`line ${line}: expected "<article id or OUT or URGENT><TAB><question>"`);
      return;
    }
    const label = (fields[0] ?? '').trim();
    const group = fields.length >= 3 ? (fields[1] ?? '').trim() : undefined;
    const question = fields.slice(fields.length >= 3 ? 2 : 1).join(' ').trim();
    const at = { question, line, ...(group ? { group } : {}) };
    if (label === 'OUT') questions.push({ expected: { kind: 'out' }, ...at });
    else if (label === 'URGENT') questions.push({ expected: { kind: 'urgent' }, ...at });
    else if (label === 'NOT') questions.push({ expected: { kind: 'routine' }, ...at });
    else if (fields.length === 2 && SOURCE_LABEL.test(label))
      questions.push({ expected: { kind: 'urgent' }, question, line, group: 'crisis' });
    else {
      const ids = label.split('|').map((id) => id.trim());
      const unknown = ids.filter((id) => !knownIds.has(id));
      if (unknown.length > 0) problems.push(`line ${line}: unknown article id ${unknown.join(', ')}`);
      else questions.push({ expected: { kind: 'articles', ids }, ...at });
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

/** Figures for one style or category of an evaluation file. */
export interface EvalGroupFigures {
  group: string;
  questions: number;
  /** In-scope lines answered outright with an expected article; OUT lines not answered from the articles. */
  answeredRight: number;
  /** In-scope lines whose expected article is ranked first, of `inScope`. */
  rankedFirst: number;
  inScope: number;
  /** URGENT lines flagged as emergencies. */
  urgentFlagged: number;
  /** URGENT lines flagged in the category they are labelled with (the group): the category decides the contacts. */
  urgentRightCategory: number;
  /** The group is an emergency category (not, say, a source name), so `urgentRightCategory` means something. */
  isCategory: boolean;
  urgent: number;
  /** Lines that are not emergencies but were flagged as one. */
  falseAlarms: number;
  notUrgent: number;
}

export interface EvalReport {
  inScope: number;
  outOfScope: number;
  urgent: number;
  routine: number;
  /** The article the bot gives (or offers first when clarifying) is an expected one. */
  hitAt1: number;
  /** An expected article is among the first three ranked. */
  hitAt3: number;
  meanReciprocalRank: number;
  /** Share of in-scope questions answered outright (not clarified, not abstained). */
  answeredOutright: number;
  /** Share of in-scope and out-of-scope lines handled right: the expected article given outright, or OUT not answered. */
  answeredRight: number;
  clarified: number;
  outOfScopeAbstention: number;
  urgentRecall: number;
  /**
   * Share of URGENT lines flagged in the category they are labelled with (`safety-dev.tsv` layout); undefined when
   * no URGENT line names a category.
   */
  urgentCategoryAccuracy: number | undefined;
  /** Non-urgent questions wrongly flagged urgent. */
  urgentFalseAlarms: number;
  /** Per style or category, in the order first seen; empty when the file has no groups. */
  groups: EvalGroupFigures[];
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
  let rightCategory = 0;
  let categorised = 0;
  let falseAlarms = 0;
  const misses: EvalMiss[] = [];
  const counts = { articles: 0, out: 0, urgent: 0, routine: 0 };
  const groups = new Map<string, EvalGroupFigures>();
  questions.forEach((q, index) => {
    counts[q.expected.kind]++;
    const outcome = outcomes[index];
    if (!outcome) throw new RangeError(`no outcome for line ${q.line}`);
    const group = q.group === undefined ? undefined : groupFigures(groups, q.group);
    if (group) group.questions++;
    const got = describeOutcome(outcome);
    const flagged = outcome.kind === 'urgent';
    if (q.expected.kind === 'urgent') {
      if (group) group.urgent++;
      const labelled = group?.isCategory === true;
      const right = labelled && flagged && outcome.category === q.group;
      if (labelled) categorised++;
      if (right) {
        rightCategory++;
        if (group) group.urgentRightCategory++;
      }
      if (labelled && flagged && !right)
        misses.push({ line: q.line, question: q.question, expected: `URGENT ${q.group ?? ''}`, got });
      if (flagged) {
        urgentFound++;
        if (group) group.urgentFlagged++;
      } else misses.push({ line: q.line, question: q.question, expected: 'URGENT', got });
      return;
    }
    if (group) group.notUrgent++;
    if (flagged) {
      falseAlarms++;
      if (group) group.falseAlarms++;
    }
    if (q.expected.kind === 'routine') {
      if (flagged) misses.push({ line: q.line, question: q.question, expected: 'NOT urgent', got });
      return;
    }
    if (q.expected.kind === 'out') {
      if (outcome.kind === 'answer' || outcome.kind === 'clarify') {
        misses.push({ line: q.line, question: q.question, expected: 'OUT', got });
      } else {
        abstained++;
        if (group && !flagged) group.answeredRight++;
      }
      return;
    }
    if (group) group.inScope++;
    const expected = new Set(q.expected.ids);
    const offered = firstOffered(outcome);
    if (offered !== undefined && expected.has(offered)) hit1++;
    else misses.push({ line: q.line, question: q.question, expected: q.expected.ids.join('|'), got });
    if (outcome.kind === 'answer' && expected.has(outcome.article.id)) {
      outright++;
      if (group) group.answeredRight++;
    }
    if (outcome.kind === 'clarify') clarified++;
    const rank = outcome.candidates.findIndex((candidate) => expected.has(candidate.id));
    if (rank === 0 && group) group.rankedFirst++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  });
  const share = (n: number, of: number, none = 1) => (of === 0 ? none : n / of);
  return {
    inScope: counts.articles,
    outOfScope: counts.out,
    urgent: counts.urgent,
    routine: counts.routine,
    hitAt1: share(hit1, counts.articles),
    hitAt3: share(hit3, counts.articles),
    meanReciprocalRank: share(reciprocal, counts.articles),
    answeredOutright: share(outright, counts.articles),
    answeredRight: share(outright + abstained, counts.articles + counts.out),
    clarified: share(clarified, counts.articles),
    outOfScopeAbstention: share(abstained, counts.out),
    urgentRecall: share(urgentFound, counts.urgent),
    urgentCategoryAccuracy: categorised === 0 ? undefined : rightCategory / categorised,
    urgentFalseAlarms: share(falseAlarms, counts.articles + counts.out + counts.routine, 0),
    groups: [...groups.values()],
    misses,
  };
}

function groupFigures(groups: Map<string, EvalGroupFigures>, name: string): EvalGroupFigures {
  const found = groups.get(name);
  if (found) return found;
  const created: EvalGroupFigures = {
    group: name,
    questions: 0,
    answeredRight: 0,
    rankedFirst: 0,
    inScope: 0,
    urgentFlagged: 0,
    urgentRightCategory: 0,
    isCategory: URGENT_CATEGORIES.some((category) => category === name),
    urgent: 0,
    falseAlarms: 0,
    notUrgent: 0,
  };
  groups.set(name, created);
  return created;
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
  if (outcome.kind === 'declined') return `declined ${outcome.reason}`;
  if (outcome.kind === 'notEnglish') return 'notEnglish';
  if (outcome.kind === 'signpost') return `signpost ${outcome.signpost.id} | ${ranked}`;
  return `noMatch | ${ranked}`;
}
