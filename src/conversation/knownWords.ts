import { searchableText } from '../knowledge/answerQuestion';
import type { ArticleSearch } from '../knowledge/articleSearch';

/** A term no article uses has the greatest weight the search gives; this string is never a term. */
const NEVER_A_TERM = '\u0000';

/**
 * The words of a message that the knowledge base itself uses (in some article), lower case, in order, each once:
 * what is safe and useful to remember of a resident's question. Personal details are removed first, and a word no
 * article uses (a name, a street, a number) is never kept.
 */
export function knownWords(text: string, search: ArticleSearch, limit: number): string[] {
  const unknownWeight = search.termWeight(NEVER_A_TERM);
  const kept: string[] = [];
  for (const word of searchableText(text)
    .toLowerCase()
    .split(/[^a-z]+/)) {
    if (word.length < 2 || kept.includes(word)) continue;
    const terms = search.terms(word);
    if (terms.length > 0 && terms.every((term) => search.termWeight(term) < unknownWeight)) kept.push(word);
    if (kept.length >= limit) break;
  }
  return kept;
}

/** Whether a term is used by fewer than `maxArticles` articles or by none (a word of its own, not a common one). */
export function isDistinctiveTerm(term: string, search: ArticleSearch, minWeight: number): boolean {
  return search.termWeight(term) >= minWeight;
}
