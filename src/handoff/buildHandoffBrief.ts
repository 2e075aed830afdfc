import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { TranscriptEntry } from '../storage/repositories/transcriptRepository';
import { councilBotMetaOf, textField } from './councilBotAction';
import type { EscalationReason, HandoffBrief, HandoffPriority, ResidentDetails, UrgentCategory } from './handoffDesk';
import { reasonText } from './reasonText';
import { urgentCategoryName } from './urgentCategoryName';

const MAX_RESIDENT_WORDS = 10;
const MAX_BOT_REPLIES = 3;
const GENERAL = 'General enquiries';

export interface BriefInput {
  reason: EscalationReason;
  priority: HandoffPriority;
  urgentCategory?: UrgentCategory;
  transcript: readonly TranscriptEntry[];
  knowledge: KnowledgeBase;
  details: ResidentDetails;
  channel: string;
  queuedAt: Date;
}

/**
 * The handoff brief, from what the conversation holds: the resident's own words, the articles the bot showed and
 * its last replies, the details the resident already gave. The service area is that of the last article shown.
 */
export function buildHandoffBrief(input: BriefInput): HandoffBrief {
  const messages = input.transcript.filter((entry) => entry.type === 'message');
  const residentWords = messages
    .filter((entry) => entry.direction === 'incoming')
    .flatMap((entry) => textField(entry.activity, 'text')?.trim() || [])
    .slice(-MAX_RESIDENT_WORDS);
  const outgoing = messages.filter((entry) => entry.direction === 'outgoing');
  const articlesShown: HandoffBrief['articlesShown'] = [];
  for (const entry of outgoing) {
    const meta = councilBotMetaOf(entry.activity);
    const article = input.knowledge.byId.get(textField(meta, 'articleId') ?? '');
    if (!article || textField(meta, 'action') !== 'answer') continue;
    if (articlesShown.some((shown) => shown.articleId === article.id)) continue;
    articlesShown.push({ articleId: article.id, title: article.title, url: article.url });
  }
  const lastArticle = input.knowledge.byId.get(articlesShown.at(-1)?.articleId ?? '');
  const brief: HandoffBrief = {
    reason: input.reason,
    reasonText: input.urgentCategory
      ? `${reasonText(input.reason)}. Flagged as: ${urgentCategoryName(input.urgentCategory)}`
      : reasonText(input.reason),
    serviceArea: lastArticle?.service ?? GENERAL,
    priority: input.priority,
    residentWords,
    articlesShown,
    botReplies: outgoing.flatMap((entry) => textField(entry.activity, 'text') || []).slice(-MAX_BOT_REPLIES),
    details: input.details,
    channel: input.channel,
    conversationStartedAt: input.transcript[0]?.timestamp ?? input.queuedAt,
    queuedAt: input.queuedAt,
  };
  if (input.urgentCategory) brief.urgentCategory = input.urgentCategory;
  return brief;
}

/** What the queue shows: the service area and the subject in a few words (the last article, else the resident's). */
export function topicOf(brief: HandoffBrief): string {
  const subject = brief.articlesShown.at(-1)?.title ?? brief.residentWords.at(-1) ?? 'No question yet';
  const short = subject.length > 60 ? `${subject.slice(0, 57).trimEnd()}...` : subject;
  return brief.serviceArea === GENERAL ? short : `${brief.serviceArea}: ${short}`;
}
