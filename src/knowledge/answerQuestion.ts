import { redactPersonalData } from '../privacy/redactPersonalData';
import { placeArticle } from '../places/placeArticle';
import type { Article } from './articleSchema';
import type { ArticleSearch, Candidate } from './articleSearch';
import { asksForRecommendation } from './asksForRecommendation';
import type { SmallTalkKind } from './detectSmallTalk';
import type { DeclineReason } from '../guardrails/declineReason';
import { screenMessage } from '../guardrails/screenMessage';
import type { UrgentCategory } from './detectUrgent';
import { findSignpost } from './findSignpost';
import type { KnowledgeBase } from './knowledgeBase';
import { type ReadMessage, readMessage } from './readMessage';
import type { Signpost } from './signpostSchema';
import { type AnswerSection, chooseSection } from './chooseSection';

/** How sure the safety check is: `sure` signposts at once; `check` asks first, with 999 shown. */
export type UrgentCertainty = 'sure' | 'check';

/** An answer the language model wrote from the retrieved sections, checked before it is given. */
export interface GeneratedAnswer {
  text: string;
  /** The articles it cites, all among those retrieved; the first is the outcome's `article`. */
  citations: Article[];
}

/**
 * What the bot should do with a resident's message. The bot turns each kind into a reply; `kb ask` prints it.
 * `declined` is a message the bot does not answer, for its `reason` (`src/guardrails/screenMessage.ts`);
 * `notEnglish` one written in another language.
 */
export type AnswerOutcome =
  /**
   * An emergency or safeguarding concern. `certainty: 'check'` is the middle band: the signals are there but not
   * clear, so the bot asks one question first ("Is anyone in danger right now?") with 999 shown, rather than guess.
   */
  | { kind: 'urgent'; category: UrgentCategory; certainty: UrgentCertainty; candidates: Candidate[] }
  | { kind: 'smallTalk'; smallTalk: SmallTalkKind; candidates: Candidate[] }
  | { kind: 'declined'; reason: DeclineReason; candidates: Candidate[] }
  | { kind: 'notEnglish'; candidates: Candidate[] }
  | {
      kind: 'answer';
      article: Article;
      candidates: Candidate[];
      generated?: GeneratedAnswer;
      /** The resident sounded upset: the reply acknowledges it in one short sentence before the answer. */
      upset?: boolean;
      /** The article's section that answers what was asked ("how much" → its cost section); else the summary. */
      section?: AnswerSection;
      /** A second need in the same message, answered by another article: offered as a button. */
      also?: Article;
    }
  /** Another body or a national service does this (`signposts.yaml`): the resident is pointed there, not answered. */
  | { kind: 'signpost'; signpost: Signpost; candidates: Candidate[] }
  | { kind: 'clarify'; articles: Article[]; candidates: Candidate[] }
  | { kind: 'noMatch'; candidates: Candidate[] };

/**
 * Thresholds of the decision, tuned on the development questions and checked on an independent validation set
 * (`test/fixtures/validation-questions.tsv`), so they describe the method rather than particular sentences.
 */
export interface DecisionTuning {
  minCoverage: number;
  dominantMinCoverage: number;
  dominantScoreRatio: number;
  rivalScoreRatio: number;
  rivalMinCoverage: number;
  maxClarifyOptions: number;
  longMessageTerms: number;
  longMessageScoreRatio: number;
  longMessageMinCoverage: number;
  agreedMinLikelihood: number;
  agreedMinCoverage: number;
}

export const DECISION: DecisionTuning = {
  /** Least share of the question's meaning an article must cover to be given as the answer. */
  minCoverage: 0.5,
  /**
   * A long message full of detail ("massive pothole on the main road burst my tyre") covers less, so an article
   * that covers at least this much is still the answer when it scores far above every other article.
   */
  dominantMinCoverage: 0.25,
  dominantScoreRatio: 2,
  /** An article scoring at least this share of the best one's score is a close rival. */
  rivalScoreRatio: 0.9,
  /** A rival must also cover this much of the question to be offered in a clarification. */
  rivalMinCoverage: 0.5,
  maxClarifyOptions: 3,
  /**
   * A message of this many terms or more is long (a story, a worry): an article covering this much of it and scoring
   * this much above the next is the answer. Most out-of-scope questions are short, so they are not affected.
   */
  longMessageTerms: 10,
  longMessageScoreRatio: 1.3,
  longMessageMinCoverage: 0.3,
  /**
   * When the article leading on words alone is also the learned model's choice with this likelihood, covering this
   * much of the message is enough: residents describe problems in words the articles seldom use together. Chosen on
   * styles-dev.tsv and validation-questions.tsv without loss of out-of-scope abstention on either.
   */
  agreedMinLikelihood: 0.9,
  agreedMinCoverage: 0.15,
};

/** The one decision used by the bot, `kb ask` and `kb eval`: emergencies first, then small talk, then search. */
export function answerQuestion(
  text: string,
  knowledge: KnowledgeBase,
  search: ArticleSearch,
  tuning: DecisionTuning = DECISION,
): AnswerOutcome {
  const screened = screenMessage(text, knowledge, knownWord(search));
  if (screened) return screenedOutcome(screened, text, search);
  if (asksForRecommendation(text)) return { kind: 'noMatch', candidates: search.search(searchableText(text)) };
  // "When do my bins get collected?": the bot's own-address journey, whose article this is.
  const place = placeArticle(text, knowledge);
  if (place) return { kind: 'answer', article: place, candidates: placeCandidates(place, search.search(searchableText(text))) };
  const message = readMessage(text, knownWord(search));
  const outcome = decideMessage(message, knowledge, search, tuning);
  const signposted = findSignpost(searchableText(text), knowledge.signposts, search);
  if (!signposted) return outcome;
  // A message naming a service the council does not run is still answered from an article when the rest of it
  // names a council topic or the council ("I get Universal Credit, can I have council tax support?").
  if (!signposted.signpost.decisive) {
    const rest = decideMessage({ ...message, searchText: signposted.rest }, knowledge, search, tuning);
    const aboutCouncil = search.namesTopic(signposted.rest, rest.kind === 'answer' ? rest.article.id : '');
    const [first, second] = rest.candidates;
    const covered = (first?.coverage ?? 0) >= SIGNPOST_OVERRIDE_COVERAGE;
    const named = covered && (aboutCouncil || /\bcouncil\b/.test(signposted.rest));
    const long = search.terms(signposted.rest).length >= tuning.longMessageTerms;
    const plainlyCouncil =
      long && first !== undefined && (!second || lexical(first) >= lexical(second) * SIGNPOST_OVERRIDE_LEAD);
    if (rest.kind === 'answer' && (named || plainlyCouncil)) return rest;
  }
  return { kind: 'signpost', signpost: signposted.signpost, candidates: outcome.candidates };
}

/** The outcome of a message the routing step decided (an emergency keeps the articles a routine part may need). */
export function screenedOutcome(
  screened: NonNullable<ReturnType<typeof screenMessage>>,
  text: string,
  search: ArticleSearch,
): AnswerOutcome {
  switch (screened.kind) {
    case 'urgent':
      return { ...screened, candidates: search.search(searchableText(text)) };
    case 'declined':
      return { kind: 'declined', reason: screened.reason, candidates: [] };
    case 'notEnglish':
      return { kind: 'notEnglish', candidates: [] };
    case 'smallTalk':
      return { kind: 'smallTalk', smallTalk: screened.smallTalk, candidates: [] };
  }
}

/** The search's candidates with the journey's article first. */
function placeCandidates(article: Article, found: Candidate[]): Candidate[] {
  const own = found.find((candidate) => candidate.id === article.id);
  const first: Candidate = own ?? { ...(found[0] ?? { score: 1, coverage: 1 }), id: article.id };
  return [first, ...found.filter((candidate) => candidate.id !== article.id)];
}

/**
 * The decision on a message as read (`readMessage`): on the whole of it first; when that finds no answer and the
 * message tells a story around its request, on the sentences that ask.
 */
export function decideMessage(
  message: ReadMessage,
  knowledge: KnowledgeBase,
  search: ArticleSearch,
  tuning: DecisionTuning = DECISION,
): AnswerOutcome {
  let outcome = decideFromCandidates(search.search(message.searchText), knowledge, tuning);
  if (outcome.kind === 'noMatch') outcome = decideLongMessage(outcome.candidates, search.terms(message.searchText), knowledge, tuning);
  // A part's answer counts only when the whole message also ranks it high: a part alone can mislead.
  const ranked = new Set(outcome.candidates.slice(0, CLAUSE_RANK_LIMIT).map((candidate) => candidate.id));
  if (outcome.kind !== 'answer' && message.request) {
    const asked = decideFromCandidates(search.search(message.request), knowledge, tuning);
    if (asked.kind === 'answer' && ranked.has(asked.article.id)) outcome = { ...asked, candidates: outcome.candidates };
  }
  if (outcome.kind !== 'answer') {
    const rank = (id: string) => outcome.candidates.findIndex((candidate) => candidate.id === id);
    const [first] = clauseAnswers(message.searchText, knowledge, search, tuning)
      .filter((part) => ranked.has(part.article.id))
      .sort((a, b) => rank(a.article.id) - rank(b.article.id));
    if (!first) return outcome;
    outcome = { ...first, candidates: outcome.candidates };
  }
  const main = outcome.article;
  const also = secondNeed(message.searchText, main, outcome.candidates, knowledge, search);
  const section = chooseSection(main, message.request ?? message.searchText, search);
  return {
    ...outcome,
    ...(message.upset ? { upset: true } : {}),
    ...(section ? { section } : {}),
    ...(also ? { also } : {}),
  };
}

/**
 * The rest of a message naming a signposted service is answered from an article when it is mostly about a council
 * topic it names, or, in a long message, when one article leads all others this much (a story plainly about a
 * council matter that mentions a doctor or the police in passing).
 */
const SIGNPOST_OVERRIDE_COVERAGE = 0.6;
const SIGNPOST_OVERRIDE_LEAD = 3;

/** Most parts of a message looked at on their own, for a second need ("... and can I get a new bin?"). */
const MAX_CLAUSES = 3;
/** Two needs take at least two words each; a shorter message is not split (and the search is not run again). */
const MIN_TERMS_FOR_TWO_NEEDS = 4;
const CLAUSE_MIN_COVERAGE = 0.6;
const CLAUSE_RANK_LIMIT = 3;

/**
 * The confident answers to the message's clauses, in the message's order, when the whole message found none: a
 * message with two needs, neither dominant, still has each answered on its own.
 */
function clauseAnswers(
  text: string,
  knowledge: KnowledgeBase,
  search: ArticleSearch,
  tuning: DecisionTuning,
): Extract<AnswerOutcome, { kind: 'answer' }>[] {
  const clauses = clausesOf(text, search);
  return clauses.flatMap((clause) => {
    const decided = decideFromCandidates(search.search(clause), knowledge, tuning);
    const coverage = decided.candidates[0]?.coverage ?? 0;
    return decided.kind === 'answer' && coverage >= CLAUSE_MIN_COVERAGE ? [decided] : [];
  });
}

/**
 * Another need in the message beside the one answered: a clause (see `clauseAnswers`) that one of the message's
 * next-ranked articles covers well, and covers better than the answering article does. No search is run again.
 */
function secondNeed(
  text: string,
  main: Article,
  candidates: readonly Candidate[],
  knowledge: KnowledgeBase,
  search: ArticleSearch,
): Article | undefined {
  const others = candidates.slice(0, CLAUSE_RANK_LIMIT).filter((candidate) => candidate.id !== main.id);
  if (others.length === 0) return undefined;
  for (const clause of clausesOf(text, search)) {
    const terms = search.terms(clause);
    const mainCoverage = search.coverageOf(main.id, terms);
    for (const other of others) {
      const coverage = search.coverageOf(other.id, terms);
      if (coverage >= CLAUSE_MIN_COVERAGE && coverage > mainCoverage) return knowledge.byId.get(other.id);
    }
  }
  return undefined;
}

/** The message's parts (split at sentence ends, commas and "and", "also", "plus") with two terms or more. */
function clausesOf(text: string, search: ArticleSearch): string[] {
  if (search.terms(text).length < MIN_TERMS_FOR_TWO_NEEDS) return [];
  const clauses = text
    .split(/[.?!;,\n]+|\b(?:and|also|plus|as well as)\b/i)
    .map((clause) => clause.trim())
    .filter((clause) => search.terms(clause).length >= 2);
  return clauses.length < 2 ? [] : clauses.slice(0, MAX_CLAUSES);
}

/** Whether the knowledge base uses a word: every term it makes is one some article uses. */
export function knownWord(search: ArticleSearch): (word: string) => boolean {
  return (word) => search.terms(word).every((term) => search.knowsTerm(term));
}

/**
 * The words to search with: the message less the personal details residents add ("my email is ...", "at 12 Mill
 * Lane", a postcode, a phone number), which only dilute the match. Emergencies are still read from the whole message.
 */
export function searchableText(text: string): string {
  return redactPersonalData(text).text.replace(/\[[a-z ]+\]/g, ' ');
}

export function decideFromCandidates(
  candidates: Candidate[],
  knowledge: KnowledgeBase,
  tuning: DecisionTuning = DECISION,
): AnswerOutcome {
  const best = candidates[0];
  const bestArticle = best && knowledge.byId.get(best.id);
  if (!best || !bestArticle || !isConfident(best, candidates[1], tuning)) return { kind: 'noMatch', candidates };
  const rivals = candidates
    .slice(1)
    .filter((c) => lexical(c) >= lexical(best) * tuning.rivalScoreRatio && c.coverage >= tuning.rivalMinCoverage);
  if (rivals.length === 0) return { kind: 'answer', article: bestArticle, candidates };
  const articles = [best, ...rivals]
    .slice(0, tuning.maxClarifyOptions)
    .flatMap((candidate) => knowledge.byId.get(candidate.id) ?? []);
  return { kind: 'clarify', articles, candidates };
}

/**
 * A long message (a story, a worry, a description) spreads over words no one article uses, so it covers less of any
 * article than a short question does; when one article covers a fair share and clearly leads, it is the answer.
 * Short questions, where most out-of-scope ones are, are decided as before.
 */
function decideLongMessage(
  candidates: Candidate[],
  terms: readonly string[],
  knowledge: KnowledgeBase,
  tuning: DecisionTuning,
): AnswerOutcome {
  const [best, second] = candidates;
  const article = best && knowledge.byId.get(best.id);
  if (!best || !article || terms.length < tuning.longMessageTerms) return { kind: 'noMatch', candidates };
  const leads = !second || lexical(best) >= lexical(second) * tuning.longMessageScoreRatio;
  return leads && best.coverage >= tuning.longMessageMinCoverage
    ? { kind: 'answer', article, candidates }
    : { kind: 'noMatch', candidates };
}

function isConfident(best: Candidate, second: Candidate | undefined, tuning: DecisionTuning): boolean {
  if (best.coverage >= tuning.minCoverage) return true;
  // Words and the learned model agree on the article: a description in residents' own words ("lorry went past ours").
  const agreed = (best.likelihood ?? 0) >= tuning.agreedMinLikelihood && (!second || lexical(best) >= lexical(second));
  if (agreed && best.coverage >= tuning.agreedMinCoverage) return true;
  const dominant = !second || lexical(best) >= lexical(second) * tuning.dominantScoreRatio;
  return dominant && best.coverage >= tuning.dominantMinCoverage;
}

/** How far an article leads is judged on words alone: the learned likelihood orders candidates but does not vouch. */
function lexical(candidate: Candidate): number {
  return candidate.lexicalScore ?? candidate.score;
}
