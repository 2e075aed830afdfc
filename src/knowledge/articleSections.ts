import { createHash } from 'node:crypto';
import type { Article } from './articleSchema';

/** A part of an article that is embedded and searched on its own, and given to the model as answer material. */
export interface ArticleSection {
  articleId: string;
  articleTitle: string;
  /** `Summary` for the title and summary; otherwise the markdown heading the part sits under. */
  heading: string;
  /** The part's words, as given to the model. */
  text: string;
  /** What is embedded: the article's title and the heading give the part its context. */
  embeddingText: string;
  /** SHA-256 of `embeddingText`: an unchanged part keeps its cached vector across edits and restarts. */
  hash: string;
}

/** Long parts are cut for embedding (well inside embedding models' input limits); the model still gets them whole. */
const MAX_EMBEDDING_CHARACTERS = 6000;

/**
 * Splits an article into sections: the title with the summary (what the bot answers without a model), then the
 * markdown body cut at every heading. Text before the first heading belongs to a section named after the title.
 */
export function articleSections(article: Article): ArticleSection[] {
  const parts: { heading: string; lines: string[] }[] = [{ heading: 'Summary', lines: [article.summary] }];
  let current: { heading: string; lines: string[] } = { heading: article.title, lines: [] };
  parts.push(current);
  for (const line of article.body.split(/\r?\n/)) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1]) {
      current = { heading: heading[1], lines: [] };
      parts.push(current);
    } else current.lines.push(line);
  }
  return parts.flatMap(({ heading, lines }) => {
    const text = lines.join('\n').trim();
    if (text === '') return [];
    const embeddingText = `${article.title}: ${heading}\n${text}`.slice(0, MAX_EMBEDDING_CHARACTERS);
    return [
      {
        articleId: article.id,
        articleTitle: article.title,
        heading,
        text,
        embeddingText,
        hash: createHash('sha256').update(embeddingText).digest('hex'),
      },
    ];
  });
}
