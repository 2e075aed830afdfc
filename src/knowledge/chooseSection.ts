import type { Article } from './articleSchema';
import type { ArticleSearch } from './articleSearch';
import { articleSections } from './articleSections';

/** The part of an article a question asks about: its heading and its words, as the article has them. */
export interface AnswerSection {
  heading: string;
  text: string;
}

interface IndexedSection extends AnswerSection {
  headingTerms: ReadonlySet<string>;
  textTerms: ReadonlySet<string>;
}

/**
 * When more than a few words are asked beyond the topic, a section must also cover this share of them, so one stray
 * word of a long message ("pick it up") does not choose it.
 */
const SHORT_ASK_TERMS = 3;
const MIN_SECTION_COVERAGE = 0.5;

const indexed = new WeakMap<Article, { topic: ReadonlySet<string>; sections: IndexedSection[] }>();

/**
 * The section of the article that answers the part of the question beyond the article's topic ("how much" of "how
 * much is garden waste" finds "Cost (2026 to 2027)"), or nothing, when the summary is the answer. A section is chosen
 * only when a word of the question, other than the topic's own words, is in its heading (the heading is the editor's
 * word for what the section answers) and, when more than three words are asked beyond the topic, the section covers at
 * least half of them. Contact sections are never chosen (every answer links the full page).
 */
export function chooseSection(article: Article, question: string, search: ArticleSearch): AnswerSection | undefined {
  const { topic, sections } = sectionsOf(article, search);
  const asked = search.terms(question).filter((term) => !topic.has(term) && !/\d/.test(term));
  if (asked.length === 0) return undefined;
  const askedWeight = asked.reduce((sum, term) => sum + search.termWeight(term), 0);
  let best: { section: IndexedSection; score: number } | undefined;
  for (const section of sections) {
    if (!asked.some((term) => section.headingTerms.has(term))) continue;
    const covered = asked.reduce(
      (sum, term) =>
        sum + (section.headingTerms.has(term) || section.textTerms.has(term) ? search.termWeight(term) : 0),
      0,
    );
    if (asked.length > SHORT_ASK_TERMS && covered < askedWeight * MIN_SECTION_COVERAGE) continue;
    const score = asked.reduce(
      (sum, term) =>
        sum +
        search.termWeight(term) * (section.headingTerms.has(term) ? 2 : section.textTerms.has(term) ? 1 : 0),
      0,
    );
    if (!best || score > best.score) best = { section, score };
  }
  return best ? { heading: best.section.heading, text: best.section.text } : undefined;
}

function sectionsOf(article: Article, search: ArticleSearch) {
  let found = indexed.get(article);
  if (!found) {
    const topic = new Set(search.terms([article.title, ...article.keywords].join('\n')));
    const sections = articleSections(article)
      .filter((s) => s.heading !== 'Summary' && s.heading !== article.title && !/^contact/i.test(s.heading))
      .map((s) => ({
        heading: s.heading,
        text: s.text,
        headingTerms: new Set(search.terms(s.heading)),
        textTerms: new Set(search.terms(s.text)),
      }));
    found = { topic, sections };
    indexed.set(article, found);
  }
  return found;
}
