import type { Activity } from 'botbuilder';
import type { Article } from '../../src/knowledge/articleSchema';
import { botMessage } from '../councilBotMeta';

/** The routine part of a message that raised a concern, answered after it: each article's title, link and summary. */
export function alsoAskedReply(articles: readonly Article[]): Partial<Activity> {
  const lines = articles.map((article) => `**[${article.title}](${article.url})**: ${article.summary}`);
  return botMessage([`You also asked about ${articles.length > 1 ? 'one of these' : 'this'}:`, ...lines].join('\n\n'), {
    action: 'alsoAsked',
    articleIds: articles.map((article) => article.id),
  });
}
