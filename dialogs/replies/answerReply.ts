import type { Activity } from 'botbuilder';
import type { GeneratedAnswer } from '../../src/knowledge/answerQuestion';
import type { Article } from '../../src/knowledge/articleSchema';
import type { CouncilProfile } from '../../src/knowledge/councilProfileSchema';
import { longDateLabel } from '../../src/calendar/dateLabels';
import { botMessage } from '../councilBotMeta';

/** Offered with an answer about something residents can report; starts that request's dialog. */
export const REPORT_IT_NOW = 'Report it now';

/** "Was this helpful?", asked with every answer. */
export const HELPFUL_YES = 'Yes, that helped';
export const HELPFUL_NO = "No, it didn't";

/**
 * An answer from one article: its short answer (or, with a language model, an answer written from the cited
 * articles' sections), who handles it when that is not the council, a link to each full page and a citation, so the
 * resident can check the source, and "Was this helpful?" with yes and no buttons.
 */
export function answerReply(
  article: Article,
  profile: CouncilProfile,
  relatedTitles: readonly string[],
  generated?: GeneratedAnswer,
): Partial<Activity> {
  const cited = generated?.citations ?? [article];
  const parts = [generated?.text ?? article.summary];
  if (cited.some((source) => source.handledBy === 'county')) {
    parts.push(`This is a ${profile.county.name} service: ${profile.county.phone}, ${profile.county.website}`);
  }
  parts.push(`Full details: ${cited.map((source) => `[${source.title}](${source.url})`).join(', ')}`);
  const sources = cited.map((source) => `"${source.title}", checked ${longDateLabel(source.lastReviewed)}`);
  parts.push(`_Source: ${profile.name}, ${sources.join('; ')}._`);
  parts.push('Was this helpful?');
  const suggestions = [
    ...(article.requestType ? [REPORT_IT_NOW] : []),
    ...(article.needsPerson ? ['Talk to a person'] : []),
    HELPFUL_YES,
    HELPFUL_NO,
    ...relatedTitles.slice(0, 1),
  ];
  return botMessage(
    parts.join('\n\n'),
    {
      action: 'answer',
      articleId: article.id,
      url: article.url,
      service: article.service,
      handledBy: article.handledBy,
      ...(generated && { generated: true, citations: cited.map((source) => source.id) }),
    },
    suggestions,
  );
}
