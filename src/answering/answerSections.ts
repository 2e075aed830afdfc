import type { Article } from '../knowledge/articleSchema';
import type { Candidate } from '../knowledge/articleSearch';
import { type ArticleSection, articleSections } from '../knowledge/articleSections';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { SectionIndex, SemanticMatch } from '../knowledge/sectionIndex';
import type { SourceSection } from '../llm/languageModel';

/** Sections of the answering article given to the model, besides its title and summary. */
const PRIMARY_SECTIONS = 5;
/** Sections of a close runner-up, so the model can answer a question that spans two articles. */
const RUNNER_UP_SECTIONS = 2;
const RUNNER_UP_MIN_COVERAGE = 0.5;

/**
 * The retrieved material for a generated answer: the decided article's summary and its sections closest to the
 * question (in the article's order when there are no vectors), and the closest sections of the runner-up when it
 * matched nearly as well. The model may answer from these and cite their articles, nothing else.
 */
export function answerSections(
  decided: { article: Article; candidates: readonly Candidate[] },
  semantic: readonly SemanticMatch[],
  knowledge: KnowledgeBase,
  index: SectionIndex | undefined,
  minSimilarity: number,
): SourceSection[] {
  const chosen = closestSections(decided.article, semantic, knowledge, index, PRIMARY_SECTIONS);
  const runnerUp = decided.candidates.find((candidate) => candidate.id !== decided.article.id);
  const runnerUpArticle = runnerUp && knowledge.byId.get(runnerUp.id);
  if (
    runnerUp &&
    runnerUpArticle &&
    (runnerUp.coverage >= RUNNER_UP_MIN_COVERAGE || (runnerUp.similarity ?? 0) >= minSimilarity)
  ) {
    chosen.push(...closestSections(runnerUpArticle, semantic, knowledge, index, RUNNER_UP_SECTIONS));
  }
  return chosen.map((section) => ({
    articleId: section.articleId,
    articleTitle: section.articleTitle,
    heading: section.heading,
    text: section.text,
  }));
}

/** The article's summary section, then its `count` other sections most similar to the question. */
function closestSections(
  article: Article,
  semantic: readonly SemanticMatch[],
  knowledge: KnowledgeBase,
  index: SectionIndex | undefined,
  count: number,
): ArticleSection[] {
  const all = index ? index.sectionsOf(knowledge).filter((s) => s.articleId === article.id) : articleSections(article);
  const [summary, ...rest] = all;
  const ranked = semantic.find((match) => match.articleId === article.id)?.sections.map((s) => s.section);
  const order = ranked ? ranked.filter((section) => section !== summary) : rest;
  const picked = new Set(order.slice(0, count));
  return [...(summary ? [summary] : []), ...rest.filter((section) => picked.has(section))];
}
