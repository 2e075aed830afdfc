import type { Activity } from 'botbuilder';
import type { GeneratedAnswer } from '../../src/knowledge/answerQuestion';
import type { AnswerSection } from '../../src/knowledge/chooseSection';
import type { Article } from '../../src/knowledge/articleSchema';
import type { CouncilProfile } from '../../src/knowledge/councilProfileSchema';
import { longDateLabel } from '../../src/calendar/dateLabels';
import { botMessage } from '../councilBotMeta';

/** Offered with an answer about something residents can report; starts that request's dialog. */
export const REPORT_IT_NOW = 'Report it now';

/** "Was this helpful?", asked with every answer. */
export const HELPFUL_YES = 'Yes, that helped';
export const HELPFUL_NO = "No, it didn't";

/** What else the reply says beyond the article: the part asked about, an upset resident, a second need. */
export interface AnswerExtras {
  /** The section that answers what was asked, given under its heading instead of the summary. */
  section?: AnswerSection;
  /** One short sentence of acknowledgement first. */
  upset?: boolean;
  /** A second need in the message: its article's title is offered as a button. */
  also?: Article;
}

/** The one sentence an upset resident gets before the answer. */
export const ACKNOWLEDGEMENT = "I'm sorry you're having to deal with this; I'll help as best I can.";

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
  extras: AnswerExtras = {},
): Partial<Activity> {
  const cited = generated?.citations ?? [article];
  const { section, upset, also } = extras;
  const answer =
    section && !generated ? `**${section.heading}**\n\n${section.text}` : (generated?.text ?? article.summary);
  const parts = [...(upset ? [ACKNOWLEDGEMENT] : []), answer];
  if (cited.some((source) => source.handledBy === 'county')) {
    parts.push(`This is a ${profile.county.name} service: ${profile.county.phone}, ${profile.county.website}`);
  }
  parts.push(`Full details: ${cited.map((source) => `[${source.title}](${source.url})`).join(', ')}`);
  const sources = cited.map((source) => `"${source.title}", checked ${longDateLabel(source.lastReviewed)}`);
  parts.push(`_Source: ${profile.name}, ${sources.join('; ')}._`);
  if (also) parts.push(`You also asked about something else: tap "${also.title}" for that.`);
  parts.push('Was this helpful?');
  const suggestions = [
    ...(also ? [also.title] : []),
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
      ...(section && !generated ? { section: section.heading } : {}),
      ...(also ? { alsoArticleId: also.id } : {}),
    },
    suggestions,
  );
}
