import MiniSearch from 'minisearch';
import type { Article } from './articleSchema';
import { ArticleClassifier, type ArticleGuess } from './articleClassifier';
import type { TextAnalyzer } from './textAnalyzer';

/** An article found for a question, with how well it matched. */
export interface Candidate {
  id: string;
  /** Relevance (BM25+ over the article and over its closest example question); comparable within one question. */
  score: number;
  /**
   * Share of the question's meaning that the article covers, 0 to 1: the matched terms' weight over all terms'
   * weight, where a term's weight is its rarity across articles (a word no article uses weighs most).
   */
  coverage: number;
  /**
   * With a language model: cosine similarity of the question's embedding to the article's closest section. The
   * lexical search leaves it out.
   */
  similarity?: number;
  /**
   * How likely the learned model of the articles' words (`ArticleClassifier`) finds the article, 0 to 1; already
   * blended into `score`. Absent when the question has no word any article uses.
   */
  likelihood?: number;
  /** The lexical relevance alone, before `likelihood` was blended in (how far an article leads on words alone). */
  lexicalScore?: number;
}

interface ArticleDocument {
  id: string;
  title: string;
  keywords: string;
  summary: string;
  body: string;
  questions: string;
}

interface QuestionDocument {
  id: number;
  articleId: string;
  text: string;
}

/** The search's weights: how much each part of an article counts, and how the two matches combine. */
export interface SearchTuning {
  fieldBoosts: { title: number; keywords: number; summary: number; body: number; questions: number };
  articleWeight: number;
  /** The closest example question says most about what a resident means. */
  questionWeight: number;
  /** A candidate's score is multiplied by 1 + this × its `likelihood`. */
  likelihoodWeight: number;
}

export const DEFAULT_SEARCH_TUNING: SearchTuning = {
  fieldBoosts: { title: 2, keywords: 2, summary: 1, body: 0.5, questions: 1 },
  articleWeight: 1,
  questionWeight: 2.5,
  likelihoodWeight: 0.3,
};

/**
 * Lexical search (MiniSearch, BM25+) with the council's vocabulary, stemming and spelling correction, done twice:
 * over whole articles (their example questions pooled as one field, so a description whose words are spread over
 * several examples still finds the article), and over each article's example questions, title and keywords as short
 * documents of their own, so a resident's phrasing finds the nearest phrasing an editor wrote. Built once per knowledge snapshot.
 */
export class ArticleSearch {
  private readonly articleIndex: MiniSearch<ArticleDocument>;
  private readonly questionIndex: MiniSearch<QuestionDocument>;
  private readonly documentFrequency = new Map<string, number>();
  private readonly articleTerms = new Map<string, ReadonlySet<string>>();
  private readonly articleCount: number;
  private readonly keywordTerms = new Map<string, string[][]>();
  private readonly classifier: ArticleClassifier;

  constructor(
    articles: readonly Article[],
    private readonly analyzer: TextAnalyzer,
    private readonly tuning: SearchTuning = DEFAULT_SEARCH_TUNING,
  ) {
    const tokenize = (text: string): string[] => analyzer.terms(text);
    const identity = (term: string) => term;
    this.articleIndex = new MiniSearch<ArticleDocument>({
      fields: Object.keys(tuning.fieldBoosts),
      tokenize,
      processTerm: identity,
      searchOptions: { boost: { ...tuning.fieldBoosts }, combineWith: 'OR', processTerm: identity },
    });
    this.questionIndex = new MiniSearch<QuestionDocument>({
      fields: ['text'],
      storeFields: ['articleId'],
      tokenize,
      processTerm: identity,
      searchOptions: { combineWith: 'OR', processTerm: identity },
    });
    this.articleIndex.addAll(articles.map(toArticleDocument));
    this.questionIndex.addAll(articles.flatMap(toQuestionDocuments));
    for (const article of articles) {
      const texts = [article.title, article.summary, article.body, ...article.questions, ...article.keywords];
      this.keywordTerms.set(
        article.id,
        [article.title, ...article.keywords].map((keyword) => [...new Set(tokenize(keyword))]),
      );
      const terms = new Set(texts.flatMap(tokenize));
      this.articleTerms.set(article.id, terms);
      for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.articleCount = articles.length;
    this.classifier = new ArticleClassifier(articles, tokenize);
  }

  /** The articles a learned model of the articles' own words points the question to, most likely first. */
  guess(question: string): ArticleGuess[] {
    return this.classifier.guess(this.analyzer.terms(question));
  }

  /** The stemmed words of a text, stop words and all, before the vocabulary's phrases are read. */
  stemWords(text: string): string[] {
    return this.analyzer.stemWords(text);
  }

  /**
   * Whether the question names the article's topic: it has every term of the article's title or of one of its
   * keywords ("council tax support", "taxi"), not merely words the article also uses.
   */
  namesTopic(question: string, articleId: string): boolean {
    const terms = new Set(this.analyzer.terms(question));
    return (this.keywordTerms.get(articleId) ?? []).some(
      (keyword) => keyword.length > 0 && keyword.every((term) => terms.has(term)),
    );
  }

  /** Whether any article uses the term (after analysis). */
  knowsTerm(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /** The question's distinct terms after analysis, as the indexes see them. */
  terms(question: string): string[] {
    return [...new Set(this.analyzer.terms(question))];
  }

  /** Articles matching the question, best first. */
  search(question: string, limit = 5): Candidate[] {
    const terms = this.terms(question);
    if (terms.length === 0) return [];
    const tokenize = () => terms;
    const scores = new Map<string, number>();
    for (const result of this.articleIndex.search(question, { tokenize })) {
      scores.set(String(result.id), this.tuning.articleWeight * result.score);
    }
    const bestQuestion = new Map<string, number>();
    for (const result of this.questionIndex.search(question, { tokenize })) {
      const articleId = String(result.articleId);
      if ((bestQuestion.get(articleId) ?? 0) < result.score) bestQuestion.set(articleId, result.score);
    }
    for (const [id, score] of bestQuestion) scores.set(id, (scores.get(id) ?? 0) + this.tuning.questionWeight * score);
    const totalWeight = terms.reduce((sum, term) => sum + this.questionTermWeight(term), 0) || 1;
    const likelihoods = new Map(this.classifier.guess(this.analyzer.terms(question)).map((g) => [g.id, g.probability]));
    return [...scores.entries()]
      .map(([id, score]) => {
        const likelihood = likelihoods.get(id);
        const coverage = this.coverage(id, terms) / totalWeight;
        if (likelihood === undefined) return { id, score, coverage };
        const blended = score * (1 + this.tuning.likelihoodWeight * likelihood);
        return { id, score: blended, coverage, likelihood, lexicalScore: score };
      })
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  /** The share of the terms' weight that the article covers, 0 to 1 (as `Candidate.coverage`). */
  coverageOf(articleId: string, terms: readonly string[]): number {
    const total = terms.reduce((sum, term) => sum + this.questionTermWeight(term), 0);
    return total === 0 ? 0 : this.coverage(articleId, terms) / total;
  }

  private coverage(articleId: string, terms: readonly string[]): number {
    const known = this.articleTerms.get(articleId);
    return terms.reduce((sum, term) => sum + (known?.has(term) ? this.termWeight(term) : 0), 0);
  }

  /**
   * A term's weight in the question's total. A number or reference ("40078812", "hb77120") says nothing about which
   * article is meant, so it counts for nothing; any other word no article uses counts most, because it is usually
   * what makes a question one the council cannot answer ("passport"). Names are set aside before the search.
   */
  private questionTermWeight(term: string): number {
    return /\d/.test(term) ? 0 : this.termWeight(term);
  }

  /** Rarity of a term across articles: log(1 + N / (df + 0.5)); an unknown word weighs most. */
  termWeight(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + this.articleCount / (df + 0.5));
  }
}

function toArticleDocument(article: Article): ArticleDocument {
  return {
    id: article.id,
    title: article.title,
    keywords: article.keywords.join('\n'),
    summary: article.summary,
    body: article.body,
    questions: article.questions.join('\n'),
  };
}

let nextQuestionId = 0;

function toQuestionDocuments(article: Article): QuestionDocument[] {
  return [article.title, ...article.questions, ...article.keywords].map((text) => ({
    id: nextQuestionId++,
    articleId: article.id,
    text,
  }));
}
