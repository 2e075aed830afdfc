import type { ArticleSearch } from '../knowledge/articleSearch';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';

const cache = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

/**
 * The terms that name subjects: those of the articles' titles and keywords, as the search analyses them. "Parking"
 * or "council tax" typed alone names a subject; "sunday?" or "boxing day?" asks about the one in hand. Computed
 * once per knowledge base.
 */
export function subjectTerms(knowledge: KnowledgeBase, search: ArticleSearch): ReadonlySet<string> {
  let terms = cache.get(knowledge);
  if (!terms) {
    terms = new Set(
      knowledge.articles.flatMap((article) => search.terms(`${article.title}\n${article.keywords.join('\n')}`)),
    );
    cache.set(knowledge, terms);
  }
  return terms;
}
