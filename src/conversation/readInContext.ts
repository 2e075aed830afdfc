import { type AnswerOutcome, answerQuestion, decideFromCandidates, searchableText } from '../knowledge/answerQuestion';
import type { ArticleSearch, Candidate } from '../knowledge/articleSearch';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { type ConversationTopic, MAX_TOPIC_WORDS } from './conversationTopic';
import { knownWords } from './knownWords';
import { type ContextCues, readContextCues } from './readContextCues';
import { subjectTerms } from './subjectTerms';

/** How a message was read: on its own, as leaning on the topic, as a correction of the last answer, or anew. */
export type ContextReading = 'standalone' | 'followUp' | 'correction' | 'newTopic';

/** The decision for a message read in its conversation, and what the conversation is about afterwards. */
export interface ContextualAnswer {
  outcome: AnswerOutcome;
  reading: ContextReading;
  /** The topic to keep for the next message; undefined after an emergency (a fresh start). */
  topic: ConversationTopic | undefined;
}

/** Thresholds of the reading, set by the method's sense and checked on conversations not used to set them. */
export interface ContextTuning {
  /**
   * A term this rare (search weight; about one article in eight or fewer uses it, or none) is a subject of the
   * message's own: a message with one and no cue of continuing is read on its own.
   */
  distinctiveWeight: number;
  /** Several common words together also make a subject ("where can I recycle electrical items"): their total weight. */
  subjectWeight: number;
  /** The topic article "fits" a message when it covers at least this share of it, and nearly as much as the best. */
  minFit: number;
  fitMargin: number;
  /**
   * An elliptical message ("and a broken bench in the park?") is still read on its own when its own answer covers
   * this much of it and scores this many times any other article (the topic's included): it names another subject.
   */
  ownCoverage: number;
  ownLead: number;
}

export const CONTEXT: ContextTuning = {
  distinctiveWeight: 2.2,
  subjectWeight: 4.5,
  minFit: 0.5,
  fitMargin: 0.1,
  ownCoverage: 0.6,
  ownLead: 2.5,
};

/** The decision for a single message, which this reading wraps (by default `answerQuestion`). */
export type SingleMessageDecision = (text: string, knowledge: KnowledgeBase, search: ArticleSearch) => AnswerOutcome;

export interface ReadOptions {
  tuning?: ContextTuning;
  /** The single-message decision to read with (the bot's own, whatever it adds to `answerQuestion`). */
  decideAlone?: SingleMessageDecision;
}

interface Reader {
  knowledge: KnowledgeBase;
  search: ArticleSearch;
  tuning: ContextTuning;
  decideAlone: SingleMessageDecision;
}

const DECISIONS = new Set(['answer', 'clarify', 'noMatch']);
type Decision = Extract<AnswerOutcome, { kind: 'answer' | 'clarify' | 'noMatch' }>;

/**
 * Answers a message in the light of the conversation's topic, as a layer around the single-message decision
 * (`answerQuestion`, `decideFromCandidates`), without a language model:
 * - an emergency, small talk or any other outcome that is not a choice among articles stands as it is;
 * - a correction ("no, I meant the tip") rejects the last article and searches the resident's new words, then
 *   those with the topic's, never offering a rejected article again;
 * - a message marked as a new subject ("also ...", "different thing") is read on its own;
 * - a message that leans on the topic (anaphora, ellipsis, a fragment, no subject of its own, or one the topic
 *   article covers as well as any) is searched together with the topic's words, and the topic article is preferred
 *   when the search cannot decide; unless it names something of its own that another article covers and the topic
 *   does not ("and a broken bench in the park?");
 * - anything else is read on its own, and a new topic begins.
 */
export function readInContext(
  text: string,
  topic: ConversationTopic | undefined,
  knowledge: KnowledgeBase,
  search: ArticleSearch,
  options: ReadOptions = {},
): ContextualAnswer {
  const tuning = options.tuning ?? CONTEXT;
  const reader: Reader = { knowledge, search, tuning, decideAlone: options.decideAlone ?? answerQuestion };
  const alone = reader.decideAlone(text, knowledge, search);
  if (alone.kind === 'urgent') return { outcome: alone, reading: 'standalone', topic: undefined };
  if (!isDecision(alone)) return { outcome: alone, reading: 'standalone', topic };
  const words = (of: string) => knownWords(of, search, MAX_TOPIC_WORDS);
  if (!topic) return { outcome: alone, reading: 'standalone', topic: topicAfter(alone, words(text), undefined) };
  const cues = readContextCues(text);
  if (cues.cue === 'correction') return readCorrection(cues.rest, topic, reader);
  // A subject announced as new is read as asked, rejections and all: they belonged to the old one.
  if (cues.cue === 'newTopic') {
    return { outcome: alone, reading: 'newTopic', topic: topicAfter(alone, words(text), { ...topic, rejected: [] }) };
  }
  return readFollowUp(text, cues, topic, alone, reader);
}

/** A message with a topic behind it that is neither a correction nor announced as new: does it lean on the topic? */
function readFollowUp(
  text: string,
  { cue, form, rest }: ContextCues,
  topic: ConversationTopic,
  asked: Decision,
  reader: Reader,
): ContextualAnswer {
  const { knowledge, search, tuning } = reader;
  const alone = withoutRejected(asked, topic.rejected, knowledge);
  const words = (of: string) => knownWords(of, search, MAX_TOPIC_WORDS);
  const own = search.search(searchableText(rest), 50);
  const ownTerms = search.terms(searchableText(rest));
  const distinctive = ownTerms.filter((term) => search.termWeight(term) >= tuning.distinctiveWeight);
  const ownWeight = ownTerms.reduce((sum, term) => sum + search.termWeight(term), 0);
  const topicFit = coverageOf(own, topic.articleId);
  const bestOwn = Math.max(0, ...own.map((candidate) => candidate.coverage));
  const fits = topic.articleId !== undefined && topicFit >= tuning.minFit && topicFit >= bestOwn - tuning.fitMargin;
  const ownSubject =
    distinctive.length > 0 ||
    ownWeight >= tuning.subjectWeight ||
    (alone.kind === 'answer' && ownWeight >= tuning.distinctiveWeight && clearlyNamed(alone, tuning));
  // "parking" or "and council tax?" after the bin day: a subject's name the topic article does not cover.
  const subjects = subjectTerms(knowledge, search);
  const namesSubject =
    topic.articleId !== undefined && form !== 'anaphora' && !fits && ownTerms.some((term) => subjects.has(term));
  if ((cue !== 'continues' && ownSubject && !fits) || namesSubject) {
    // Moving to another subject (not one just rejected) leaves the rejections behind.
    const moved = alone === asked && alone.kind === 'answer' && alone.article.id !== topic.articleId;
    const previous = moved ? { ...topic, rejected: [] } : topic;
    return { outcome: alone, reading: 'standalone', topic: topicAfter(alone, words(text), previous) };
  }
  const namesItsOwn =
    form !== 'anaphora' &&
    alone.kind === 'answer' &&
    alone.article.id !== topic.articleId &&
    distinctive.length > 0 &&
    coverageOf(alone.candidates, alone.article.id) >= tuning.ownCoverage &&
    clearlyAhead(own, alone.article.id, tuning.ownLead);
  if (namesItsOwn) return { outcome: alone, reading: 'followUp', topic: topicAfter(alone, words(rest), topic) };

  const combined = decideWithout(`${rest} ${topicWords(topic, knowledge)}`, topic.rejected, reader);
  const topicArticle = topic.articleId ? knowledge.byId.get(topic.articleId) : undefined;
  const preferTopic =
    topicArticle !== undefined &&
    combined.kind !== 'answer' &&
    (fits || !ownSubject || (combined.kind === 'clarify' && combined.articles.includes(topicArticle)));
  const outcome: Decision = preferTopic
    ? { kind: 'answer', article: topicArticle, candidates: combined.candidates }
    : combined.kind === 'noMatch'
      ? alone
      : combined;
  const sameTopic = outcome.kind === 'answer' && outcome.article.id === topic.articleId;
  const next = sameTopic ? { ...topic, ...sectionOf(outcome) } : topicAfter(outcome, words(rest), topic);
  return { outcome, reading: 'followUp', topic: next };
}

/** "No, I meant ...": the last article is rejected; the resident's new words decide, helped by the old topic's. */
function readCorrection(rest: string, topic: ConversationTopic, reader: Reader): ContextualAnswer {
  const { knowledge, search, tuning } = reader;
  const restWords = knownWords(rest, search, MAX_TOPIC_WORDS);
  const own = reader.decideAlone(rest, knowledge, search);
  if (!isDecision(own))
    return { outcome: own, reading: 'correction', topic: own.kind === 'urgent' ? undefined : topic };
  // The new words name the article already given, far ahead of any other ("not the service, I mean the place was
  // dirty"): they corrected what they thought the bot understood, not what it gave.
  if (own.kind === 'answer' && own.article.id === topic.articleId && clearlyNamed(own, tuning)) {
    return { outcome: own, reading: 'correction', topic: { ...topic, words: restWords, ...sectionOf(own) } };
  }
  const rejected = topic.articleId ? [...topic.rejected, topic.articleId] : topic.rejected;
  const after = (outcome: Decision): ContextualAnswer => ({
    outcome,
    reading: 'correction',
    topic:
      outcome.kind === 'answer'
        ? { articleId: outcome.article.id, words: restWords, rejected, ...sectionOf(outcome) }
        : { words: [...restWords, ...topic.words].slice(0, MAX_TOPIC_WORDS), rejected },
  });
  const alone = withoutRejected(own, rejected, knowledge);
  if (alone.kind === 'answer' && clearlyNamed(alone, tuning)) return after(alone);
  // A correction mostly stays near what was asked ("no, I'm not registered yet" after where to vote): the new words
  // with the old topic's decide, when the new words alone do not clearly name an article, as long as the article
  // found covers the new words as well as the new words' own answer does (the old words must not pull the answer
  // back to a neighbour of what was rejected).
  const combined = decideWithout(`${rest} ${topic.words.join(' ')}`, rejected, reader);
  if (combined.kind === 'answer') {
    const covered = search.search(searchableText(rest), 50);
    const aloneCoverage = alone.kind === 'answer' ? coverageOf(covered, alone.article.id) : 0;
    if (coverageOf(covered, combined.article.id) >= aloneCoverage - tuning.fitMargin) return after(combined);
  }
  return after(alone.kind === 'noMatch' ? combined : alone);
}

/** The decision on `text` with the rejected articles taken out of the running. */
function decideWithout(text: string, rejected: readonly string[], reader: Reader): Decision {
  const { knowledge } = reader;
  const outcome = reader.decideAlone(text, knowledge, reader.search);
  if (isDecision(outcome)) return withoutRejected(outcome, rejected, knowledge);
  return decide(outcome.candidates, rejected, knowledge);
}

function withoutRejected(outcome: Decision, rejected: readonly string[], knowledge: KnowledgeBase): Decision {
  const offered =
    outcome.kind === 'answer'
      ? [outcome.article.id]
      : outcome.kind === 'clarify'
        ? outcome.articles.map((a) => a.id)
        : [];
  if (!offered.some((id) => rejected.includes(id))) return outcome;
  return decide(outcome.candidates, rejected, knowledge);
}

function decide(candidates: readonly Candidate[], rejected: readonly string[], knowledge: KnowledgeBase): Decision {
  const decided = decideFromCandidates(
    candidates.filter((candidate) => !rejected.includes(candidate.id)),
    knowledge,
  );
  return isDecision(decided) ? decided : { kind: 'noMatch', candidates: decided.candidates };
}

/** The topic's words to search a follow-up with: the resident's, and the topic article's title. */
function topicWords(topic: ConversationTopic, knowledge: KnowledgeBase): string {
  const title = topic.articleId ? (knowledge.byId.get(topic.articleId)?.title ?? '') : '';
  return `${topic.words.join(' ')} ${title}`;
}

/**
 * The topic after a decision: an answer starts a new topic (the rejections made just before it still stand, so a
 * rejected article is not offered again while the conversation stays near it); otherwise the old topic stays, or
 * the words of an unanswered question wait for a follow-up.
 */
export function topicAfter(
  outcome: Decision,
  words: string[],
  previous: ConversationTopic | undefined,
): ConversationTopic | undefined {
  if (outcome.kind === 'answer') {
    return { articleId: outcome.article.id, words, rejected: previous?.rejected ?? [], ...sectionOf(outcome) };
  }
  return previous ?? (words.length > 0 ? { words, rejected: [] } : undefined);
}

function sectionOf(outcome: Decision): { section?: string } {
  return 'section' in outcome && typeof outcome.section === 'string' ? { section: outcome.section } : {};
}

function clearlyNamed(outcome: Extract<Decision, { kind: 'answer' }>, tuning: ContextTuning): boolean {
  return (
    coverageOf(outcome.candidates, outcome.article.id) >= tuning.ownCoverage &&
    clearlyAhead(outcome.candidates, outcome.article.id, tuning.ownLead)
  );
}

function clearlyAhead(candidates: readonly Candidate[], id: string, lead: number): boolean {
  const score = candidates.find((candidate) => candidate.id === id)?.score ?? 0;
  return candidates.every((candidate) => candidate.id === id || score >= candidate.score * lead);
}

function coverageOf(candidates: readonly Candidate[], id: string | undefined): number {
  return candidates.find((candidate) => candidate.id === id)?.coverage ?? 0;
}

function isDecision(outcome: AnswerOutcome): outcome is Decision {
  return DECISIONS.has(outcome.kind);
}
