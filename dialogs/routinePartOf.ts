import type { Article } from '../src/knowledge/articleSchema';
import type { Candidate } from '../src/knowledge/articleSearch';
import { DECISION, decideFromCandidates, searchableText } from '../src/knowledge/answerQuestion';
import type { KnowledgeSnapshot } from '../src/knowledge/knowledgeSnapshot';

/** Where a message turns to another matter: sentence ends, commas, and "also", "and", "but", "plus", "btw". */
const CLAUSE_BREAK = /[.,;:!?\n]+|\b(?:also|and|but|plus|btw|oh and|as well)\b/i;
const MAX_ARTICLES = 2;

/**
 * The routine question inside a message that also raised a concern ("can you tell me my bin day, also my husband
 * hit me again"): the articles it confidently asks about, best first (at most two), or none. The whole message is
 * tried first (with the candidates already found for it), then each clause that does not raise the concern itself,
 * since the concern's words dilute the match. A message of one clause is all concern. Only a decision covering the
 * words well counts: a guess is never offered beside an emergency.
 */
export function routinePartOf(text: string, candidates: Candidate[], snapshot: KnowledgeSnapshot): Article[] {
  const clauses = text
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => clause.split(/\s+/).length >= 2);
  if (clauses.length < 2) return [];
  const whole = confidentArticles(candidates, snapshot);
  if (whole.length > 0) return whole;
  for (const clause of clauses) {
    if (snapshot.knowledge.urgentDetector.detect(clause)) continue;
    const found = confidentArticles(snapshot.search.search(searchableText(clause)), snapshot);
    if (found.length > 0) return found;
  }
  return [];
}

/** Articles decided with the full coverage the decision asks for (not by dominance alone, which a stray word can give). */
function confidentArticles(candidates: Candidate[], snapshot: KnowledgeSnapshot): Article[] {
  if ((candidates[0]?.coverage ?? 0) < DECISION.minCoverage) return [];
  const decision = decideFromCandidates(candidates, snapshot.knowledge);
  if (decision.kind === 'answer') return [decision.article];
  if (decision.kind === 'clarify') return decision.articles.slice(0, MAX_ARTICLES);
  return [];
}
