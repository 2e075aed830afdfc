import { type Activity, ActivityTypes, type CardAction, MessageFactory } from 'botbuilder';
import type { DeclineReason } from '../src/guardrails/declineReason';
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
      /** The heading of the section given instead of the summary (the part of the article that was asked about). */
      section?: string;
      /** A second need in the message, offered as a button with that article's title. */
      alsoArticleId?: string;
    }
  /**
   * A message the bot does not answer (`src/guardrails`): `declinedReason` says why; `reason` is the same, except
   * `promptInjection` for an attempt on the instructions, as it always was.
   */
  | {
      action: 'declined';
      reason: 'promptInjection' | Exclude<DeclineReason, 'injection'>;
      declined: true;
      declinedReason: DeclineReason;
    }
  /** A message in another language: the bot reads English only and offers a person. */
  | { action: 'notEnglish' }
  | { action: 'clarify'; candidates: string[] }
  | { action: 'noMatch'; noMatchStreak: number; candidates: string[] }
  /** A national service or another body the council does not run (`knowledge/signposts.yaml`). */
  | { action: 'signpost'; signpostId: string; url: string }
  /** Emergency signposting; `urgentCheck` when the bot asks whether anyone is in danger before routing (999 shown). */
  | { action: 'urgent'; urgent: true; urgentCategory: UrgentCategory; urgentCheck?: true }
  /** After an emergency reply: the routine question the same message asked, answered briefly (article ids). */
  | { action: 'alsoAsked'; articleIds: string[] }
  | { action: 'smallTalk'; smallTalk: string }
  | {
      action: 'handoff';
      handoffState: HandoffReplyState;
      reason?: string;
      position?: number;
      estimatedWaitMinutes?: number;
      csaName?: string;
      team?: string;
      nextOpening?: string;
      waitExpired?: boolean;
      /** A flagged conversation nobody can take now: the safeguarding follow-up recorded, and when it is due. */
      followUp?: { reference: string; dueAt?: string; urgentCategory: UrgentCategory };
    }
  /** A CSA's message (or article) relayed to the resident: `csaText` is what the CSA wrote, without the name. */
  | { action: 'agent'; csaName: string; csaText: string; articleId?: string }
  | { action: 'ratingRecorded'; score: number }
  /** An answer to "Was this helpful?" was recorded. */
  | { action: 'feedbackRecorded'; helpful: boolean }
  /** A question asked by a request form (`form` is the request type, or `requestStatus`); `retry` after a bad answer. */
  | { action: 'prompt'; form: string; field: string; retry: boolean; optional: boolean }
  /** A request form's answers, shown to confirm or change. */
  | { action: 'requestSummary'; requestType: string }
  /** A request stored: its reference and the day a full reply is promised by (`YYYY-MM-DD`). */
  | {
      action: 'requestSubmitted';
      reference: string;
      requestType: string;
      responseDueBy: string | undefined;
      alreadySubmitted: boolean;
    }
  | { action: 'requestStatus'; reference: string; requestType: string; status: string }
  /** The request could not be stored (the store is unavailable): not sent; the answers are kept to send again. */
  | { action: 'requestNotSaved'; requestType: string }
  /** The reference and proof given did not match a request (the same reply whichever was wrong). */
  | { action: 'requestNotFound'; attemptsLeft: number }
  /** The address step of a personal answer: asks the postcode, the house number or name, or which address. */
  | { action: 'addressPrompt'; step: 'postcode' | 'premises' | 'choose'; retry: boolean; postcode?: string }
  /** No address could be found (`noAddresses` at a postcode, or the look-up failed): the general page and the phone. */
  | { action: 'addressNotFound'; postcode?: string; reason: 'noAddresses' | 'unavailable' | 'noRound' }
  /** The next collection of each bin at the resident's address (ISO dates), with a calendar of the next 12 months. */
  | { action: 'collections'; collections: { bin: string; date: string }[]; uprn: string; calendarUrl: string }
  /** The resident's ward and its councillors. */
  | { action: 'councillors'; uprn: string; ward: string; councillors: string[] }
  /** A bin reported missed before its collection day has ended: when the crew is due, nothing logged. */
  | { action: 'crewDue'; uprn: string; bin: string; date: string }
  /** The kinds of request the bot takes, as buttons. */
  | { action: 'requestMenu' }
  | { action: 'welcome' | 'help' | 'cancelled' | 'restarted' | 'contact' | 'error' | 'unsupported' };

export type CouncilBotAction = CouncilBotMeta['action'];

/**
 * Where a handoff stands, as a reply reports it: the contract's `queued | accepted | ended | callbackBooked`, and
 * `closed` (no one works now), `left` (the resident stopped waiting), `external` (passed to an agent hub).
 */
export type HandoffReplyState = 'queued' | 'accepted' | 'ended' | 'callbackBooked' | 'closed' | 'left' | 'external';

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
