import { type Activity, ActivityTypes, type CardAction, MessageFactory } from 'botbuilder';
import type { UrgentCategory } from '../src/knowledge/detectUrgent';

/**
 * `channelData.councilBot` on every bot message (contracts.md): what the reply is, so the website, the console,
 * analytics and tests can tell replies apart without reading prose.
 */
export type CouncilBotMeta =
  | {
      action: 'answer';
      articleId: string;
      url: string;
      service: string;
      handledBy: string;
      /** Present when a language model phrased the answer from the cited articles' sections. */
      generated?: true;
      /** The article ids the generated answer cites, `articleId` first. */
      citations?: string[];
    }
  | { action: 'declined'; reason: 'promptInjection' }
  | { action: 'clarify'; candidates: string[] }
  | { action: 'noMatch'; noMatchStreak: number; candidates: string[] }
  | { action: 'urgent'; urgent: true; urgentCategory: UrgentCategory }
  | { action: 'smallTalk'; smallTalk: string }
  | { action: 'welcome' | 'help' | 'cancelled' | 'restarted' | 'contact' | 'error' | 'unsupported' };

export type CouncilBotAction = CouncilBotMeta['action'];

/** A message with its `channelData.councilBot`; suggested actions become buttons (imBack, so a tap is a message). */
export function botMessage(text: string, meta: CouncilBotMeta, suggestions: readonly string[] = []): Partial<Activity> {
  const activity: Partial<Activity> =
    suggestions.length > 0
      ? MessageFactory.suggestedActions(suggestions.map(toAction), text)
      : MessageFactory.text(text);
  activity.type = ActivityTypes.Message;
  activity.textFormat = 'markdown';
  activity.channelData = { councilBot: meta };
  return activity;
}

function toAction(title: string): CardAction {
  return { type: 'imBack', title, value: title };
}
