import type { UrgentCategory } from '../safety/urgentCategory';

/**
 * What the CSA console needs from the handoff domain. The console (HTTP, pages, the live stream) is written
 * against this interface only; `HandoffService` implements it, and console tests may inject a fake.
 */

/** Why the bot handed a conversation to a person. */
export const ESCALATION_REASONS = [
  'residentAsked',
  'botFailedTwice',
  'repeatedInvalidAnswers',
  'urgent',
  'needsPerson',
  'frustration',
  'transferred',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export type HandoffPriority = 'urgent' | 'normal';

export type { UrgentCategory };

/** Who is acting in the console (from the signed-in session). */
export interface Csa {
  id: string;
  displayName: string;
  role: 'csa' | 'supervisor';
}

/** Details the resident already gave, so nobody asks again. Any may be missing. */
export interface ResidentDetails {
  name?: string;
  email?: string;
  phone?: string;
  address?: string;
  postcode?: string;
  /** References of service requests made in this conversation. */
  requestReferences: string[];
}

/**
 * Shown to the CSA before the transcript: everything needed to help without asking the resident to repeat
 * themselves.
 */
export interface HandoffBrief {
  reason: EscalationReason;
  /** The reason in plain words: "The resident asked to talk to a person". */
  reasonText: string;
  /** The owning service of what the conversation is about ("Waste and recycling"), or "General enquiries". */
  serviceArea: string;
  priority: HandoffPriority;
  /** The kind of emergency or safeguarding concern, when the bot flagged one (the console shows an alert). */
  urgentCategory?: UrgentCategory;
  /** The resident's own messages about their problem, oldest first (at most the last ten). */
  residentWords: string[];
  /** What the bot answered: each knowledge article it showed, in order. */
  articlesShown: Array<{ articleId: string; title: string; url: string }>;
  /** The bot's last replies, as the resident saw them (plain text, at most three). */
  botReplies: string[];
  details: ResidentDetails;
  /** `directline` (the website's chat), `msteams`, ... */
  channel: string;
  conversationStartedAt: Date;
  queuedAt: Date;
}

/** One conversation in the queue or being helped. */
export interface QueueItem {
  sessionId: string;
  conversationId: string;
  /** `queue()` lists only `queued` and `accepted`; `view()` also shows finished ones (e.g. behind a callback). */
  state: 'queued' | 'accepted' | 'ended' | 'callbackBooked';
  priority: HandoffPriority;
  reason: EscalationReason;
  /** The kind of emergency, when the bot flagged one: the queue shows an alert. */
  urgentCategory?: UrgentCategory;
  /** What the queue shows: the service area and what the resident asked about, in a few words. */
  topic: string;
  /** The team it is queued for ("Customer services" unless transferred). */
  team: string;
  queuedAt: Date;
  /** 1 for the next to be picked up; undefined once accepted. */
  position?: number;
  acceptedAt?: Date;
  assignedCsa?: { id: string; displayName: string };
  /** Messages the resident sent since the handoff began. */
  residentMessagesSinceHandoff: number;
}

/** One line of a conversation as the console shows it. */
export interface TranscriptLine {
  id: string;
  at: Date;
  from: 'resident' | 'bot' | 'csa' | 'system';
  /** The CSA's first name, for `csa` lines. */
  name?: string;
  text: string;
  attachments: Array<{ name?: string; contentType: string; url?: string }>;
  /** For bot lines: its `channelData.councilBot.action` (`answer`, `noMatch`, ...). */
  action?: string;
}

/** A private note CSAs leave on a conversation; never shown to the resident. */
export interface ChatNote {
  at: Date;
  csa: { id: string; displayName: string };
  text: string;
}

export interface ChatView {
  item: QueueItem;
  brief: HandoffBrief;
  transcript: TranscriptLine[];
  notes: ChatNote[];
}

/** Why a console action was refused; `message` is written for the CSA. */
export type DeskRefusal = {
  ok: false;
  reason: 'notFound' | 'alreadyTaken' | 'notYours' | 'ended' | 'invalid' | 'unavailable';
  message: string;
};
export type DeskOutcome<T> = { ok: true; value: T } | DeskRefusal;

/** What the console's live stream tells the browser. No personal data beyond what the CSA may already see. */
export type DeskEvent =
  | { kind: 'queueChanged' }
  | { kind: 'line'; sessionId: string; line: TranscriptLine }
  /** New lines were written on another instance: read them from the store (events across instances carry no text). */
  | { kind: 'linesChanged'; sessionId: string }
  | { kind: 'sessionChanged'; sessionId: string; state: 'queued' | 'accepted' | 'ended' | 'callbackBooked' };

/**
 * The console's view of handoffs. Every action is written to the audit log by the implementation, with the CSA's
 * id, never message text.
 */
export interface HandoffDesk {
  /** Conversations waiting (urgent first, then longest waiting) and those being helped. */
  queue(): Promise<QueueItem[]>;
  /** The brief, the whole transcript (bot turns included) and the notes of a conversation handed off. */
  view(sessionId: string): Promise<ChatView | null>;
  /** Takes a waiting conversation; of two CSAs accepting at once, one succeeds and the other is refused. */
  accept(sessionId: string, csa: Csa): Promise<DeskOutcome<QueueItem>>;
  /** Sends a message to the resident, shown in their chat as from the council's team with the CSA's first name. */
  sendMessage(sessionId: string, csa: Csa, text: string): Promise<DeskOutcome<TranscriptLine>>;
  /** Sends the resident a knowledge article's link and summary. */
  sendArticle(sessionId: string, csa: Csa, articleId: string): Promise<DeskOutcome<TranscriptLine>>;
  addNote(sessionId: string, csa: Csa, text: string): Promise<DeskOutcome<ChatNote>>;
  /** Puts the conversation back in the queue for another team; the resident is told. */
  transfer(sessionId: string, csa: Csa, team: string): Promise<DeskOutcome<QueueItem>>;
  /** Links a service request (by its reference) to the conversation, so it shows in the brief. */
  attachRequest(sessionId: string, csa: Csa, reference: string): Promise<DeskOutcome<void>>;
  /** Hands the resident back to the bot, which asks them to rate the help they had. */
  end(sessionId: string, csa: Csa): Promise<DeskOutcome<void>>;
  /** The handoff (brief and conversation) behind a service request, e.g. a callback booked out of hours. */
  sessionForRequest(reference: string): Promise<string | undefined>;
  /** Teams a conversation can be transferred to. */
  teams(): string[];
  /** Ready-made replies CSAs can send (editable in the knowledge folder). */
  cannedResponses(): Array<{ title: string; text: string }>;
  /** Live changes; returns the function that stops them. */
  subscribe(listener: (event: DeskEvent) => void): () => void;
}

/**
 * Whether CSAs are free to chat. A CSA is available from sign-in until they choose Away (or sign out, or their
 * console stops answering for a while).
 */
export interface CsaPresence {
  setAvailability(csaId: string, availability: 'available' | 'away'): Promise<void>;
  /** The console's live stream calls this while it is open, so a closed browser stops counting. */
  heartbeat(csaId: string): Promise<void>;
  availableCount(): Promise<number>;
}
