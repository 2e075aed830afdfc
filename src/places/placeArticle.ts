import type { Article } from '../knowledge/articleSchema';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { detectPlaceQuestion, type PlaceQuestion } from './detectPlaceQuestion';

/** The article each personal answer belongs to: the bot's journey, and its fallback when no address is found. */
export const PLACE_ARTICLES: Record<PlaceQuestion['kind'], string> = {
  binDay: 'bin-collection-days',
  councillor: 'councillors',
};

/**
 * The article of a question the bot answers for the resident's own address ("when do my bins get collected"), so
 * `kb ask` and `kb eval` score the decision the bot takes (its bin-day or councillor journey) rather than the words'
 * nearest article. Undefined for any other message, or when the knowledge base lacks that article.
 */
export function placeArticle(text: string, knowledge: KnowledgeBase): Article | undefined {
  const question = detectPlaceQuestion(text);
  return question && knowledge.byId.get(PLACE_ARTICLES[question.kind]);
}
