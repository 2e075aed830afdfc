import { ArticleSearch } from './articleSearch';
import type { KnowledgeBase } from './knowledgeBase';
import { SpellingCorrector } from './spellingCorrector';
import { STOP_WORDS } from './stopWords';
import { normaliseText, TextAnalyzer } from './textAnalyzer';
import { WordSegmenter } from './wordSegmenter';

/** A knowledge base with its search index: swapped whole on reload, so a turn never sees half of an edit. */
export interface KnowledgeSnapshot {
  knowledge: KnowledgeBase;
  search: ArticleSearch;
  loadedAt: Date;
}

export function buildSnapshot(knowledge: KnowledgeBase, loadedAt = new Date()): KnowledgeSnapshot {
  const words = [...knownWords(knowledge)];
  const frequency = new Map<string, number>();
  for (const word of words) if (word.length > 0) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const analyzer = new TextAnalyzer(knowledge.vocabulary, new SpellingCorrector(words), new WordSegmenter(frequency));
  return { knowledge, search: new ArticleSearch(knowledge.articles, analyzer), loadedAt };
}

/** Every word the knowledge base uses, as often as it uses it: the dictionary for correcting typing slips. */
function* knownWords(knowledge: KnowledgeBase): Generator<string> {
  yield* STOP_WORDS;
  for (const entry of knowledge.vocabulary.entries) {
    for (const text of [entry.means, ...entry.say]) yield* normaliseText(text).split(' ');
  }
  for (const signpost of knowledge.signposts) {
    for (const phrase of signpost.phrases) yield* normaliseText(phrase).split(' ');
  }
  for (const article of knowledge.articles) {
    const texts = [article.title, article.summary, article.body, ...article.questions, ...article.keywords];
    for (const text of texts) yield* normaliseText(text).split(' ');
  }
}
