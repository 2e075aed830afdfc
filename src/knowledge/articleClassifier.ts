import type { Article } from './articleSchema';

/** How sure the classifier is that a message is about an article. */
export interface ArticleGuess {
  id: string;
  /** Posterior probability over the knowledge base's articles, 0 to 1 (the guesses of one message sum to 1). */
  probability: number;
}

/** The parts of an article the classifier learns from. */
export type ClassifiedArticle = Pick<Article, 'id' | 'title' | 'keywords' | 'questions' | 'summary' | 'body'>;

/** How much each part of an article teaches the classifier (per occurrence of a term). */
const PART_WEIGHTS = { title: 2, keywords: 2, questions: 1.5, summary: 1, body: 0.3 } as const;
/** Additive smoothing: a term an article never uses still has this weight in it. */
const SMOOTHING = 0.05;
/** A message's terms count at most this much together, so a long message is not over-confident. */
const MAX_EVIDENCE = 12;

/**
 * A multinomial naive Bayes over the analyzer's terms (vocabulary phrases read, words stemmed) and adjacent pairs of
 * them, trained when the knowledge base loads from each article's title, keywords, example questions, summary and
 * body. It learns how residents describe a problem from the words an article's examples and text use together
 * ("droppings", "scratching", "loft" → pest control) without needing every word in one example. Terms no article
 * uses carry no evidence: they are the search's business (coverage), which keeps out-of-scope messages out.
 * Built in about a tenth of a second for the shipped articles; a guess costs a look-up per term and a sum per article.
 */
export class ArticleClassifier {
  private readonly ids: string[] = [];
  private readonly unseenLogLikelihood: number[] = [];
  /** For each term, the articles that use it and how much more likely it is in each than a term they never use. */
  private readonly postings = new Map<string, { article: number; gain: number }[]>();
  private readonly vocabulary = new Set<string>();

  constructor(articles: readonly ClassifiedArticle[], terms: (text: string) => string[]) {
    const counts = articles.map((article) => {
      const count = new Map<string, number>();
      const add = (texts: readonly string[], weight: number) => {
        for (const text of texts) {
          for (const feature of featuresOf(terms(text))) {
            count.set(feature, (count.get(feature) ?? 0) + weight);
            this.vocabulary.add(feature);
          }
        }
      };
      add([article.title], PART_WEIGHTS.title);
      add(article.keywords, PART_WEIGHTS.keywords);
      add(article.questions, PART_WEIGHTS.questions);
      add([article.summary], PART_WEIGHTS.summary);
      add(article.body.split(/\n+/), PART_WEIGHTS.body);
      return count;
    });
    const size = this.vocabulary.size;
    articles.forEach((article, index) => {
      const count = counts[index] ?? new Map<string, number>();
      const total = [...count.values()].reduce((sum, value) => sum + value, 0) + SMOOTHING * size;
      const unseen = Math.log(SMOOTHING / total);
      for (const [feature, value] of count) {
        let list = this.postings.get(feature);
        if (!list) this.postings.set(feature, (list = []));
        list.push({ article: index, gain: Math.log((value + SMOOTHING) / total) - unseen });
      }
      this.ids.push(article.id);
      this.unseenLogLikelihood.push(unseen);
    });
  }

  /** The articles the message's known terms point to, most likely first; empty when no term is known. */
  guess(messageTerms: readonly string[]): ArticleGuess[] {
    const features = featuresOf(messageTerms).filter((feature) => this.vocabulary.has(feature));
    if (features.length === 0 || this.ids.length === 0) return [];
    const scale = Math.min(1, MAX_EVIDENCE / features.length);
    // Every article starts as if it used none of the terms; the articles that do use one gain from it.
    const gains = new Float64Array(this.ids.length);
    for (const feature of features)
      for (const { article, gain } of this.postings.get(feature) ?? []) gains[article] = (gains[article] ?? 0) + gain;
    const logPosterior = this.unseenLogLikelihood.map(
      (unseen, index) => scale * (features.length * unseen + (gains[index] ?? 0)),
    );
    const top = Math.max(...logPosterior);
    const weights = logPosterior.map((value) => Math.exp(value - top));
    const total = weights.reduce((sum, value) => sum + value, 0);
    return this.ids
      .map((id, index) => ({ id, probability: (weights[index] ?? 0) / total }))
      .sort((a, b) => b.probability - a.probability);
  }
}

/** The terms and each adjacent pair of them ("street light" is more than "street" and "light"). */
function featuresOf(terms: readonly string[]): string[] {
  const pairs = terms.slice(1).map((term, index) => `${terms[index]}_${term}`);
  return [...terms, ...pairs];
}
