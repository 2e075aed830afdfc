import type { EscalationReason, HandoffBrief, HandoffPriority, UrgentCategory } from './handoffDesk';

/** A conversation the bot is handing to a person. */
export interface HandoffRequest {
  conversationId: string;
  /** `directline`, `msteams`, ... */
  channel: string;
  /** The conversation's Bot Framework reference as JSON, so the console can message the resident later. */
  reference: string;
  reason: EscalationReason;
  priority: HandoffPriority;
  /** The kind of emergency the bot flagged (with reason `urgent`): shown in the brief and as an alert in the queue. */
  urgentCategory?: UrgentCategory;
}

/** The detail of a callback request that marks it as a safeguarding follow-up; its value is the kind of emergency. */
export const SAFEGUARDING_DETAIL = 'safeguarding';

/** A flagged conversation nobody could take now (out of hours, or nobody free): to be followed up by a person. */
export interface SafeguardingFollowUpRequest {
  conversationId: string;
  channel: string;
  /** The conversation's Bot Framework reference as JSON. */
  reference: string;
  urgentCategory: UrgentCategory;
}

/**
 * The follow-up recorded: a callback marked urgent in the console's callbacks list, carrying the conversation's brief
 * (the resident's words are kept only with it, for the retention period), due when the contact centre next opens.
 * One per conversation: asking again returns the first.
 */
export interface SafeguardingFollowUp {
  reference: string;
  /** When the team will look at it: the next opening (now when open; undefined when the centre never opens). */
  dueAt: Date | undefined;
}

/** What happened to a handoff request; the bot tells the resident accordingly. */
export type HandoffStart =
  | {
      kind: 'queued';
      sessionId: string;
      /** 1 when next. */
      position: number;
      estimatedWaitMinutes: number;
      /** CSAs available now (0: the resident is told the team is busy and offered a callback at once). */
      csasAvailable: number;
      /** The conversation was already waiting: the resident asked again. */
      alreadyQueued: boolean;
    }
  | { kind: 'withCsa'; csaName: string }
  | { kind: 'closed'; nextOpening: Date | undefined }
  /** An external agent hub (Bot Framework handoff protocol) takes it: the bot sends the brief there. */
  | {
      kind: 'external';
      sessionId: string;
      brief: HandoffBrief;
      /** Every activity of the conversation so far, as recorded, for the hub's agent. */
      transcript: Record<string, unknown>[];
    };

/** A conversation's live handoff, as the bot sees it at each turn. */
export type LiveHandoff =
  | { state: 'queued'; sessionId: string; position: number; estimatedWaitMinutes: number }
  | { state: 'accepted'; sessionId: string; csaName: string }
  | { state: 'external'; sessionId: string };

/** A message the resident sent while handed off, for the CSA's screen. */
export interface ResidentLine {
  activityId: string;
  at: Date;
  text: string;
  attachments: Array<{ name?: string; contentType: string; url?: string }>;
  /** It looked like an emergency: the conversation moves to the front and the CSA is warned. */
  urgent: boolean;
  /** The kind of emergency, when it looked like one. */
  urgentCategory?: UrgentCategory;
}

/**
 * What the conversation needs from the handoff domain: to hand over, to know whether a person has the
 * conversation, and to report what the resident says and decides while one does.
 */
export interface HandoffPort {
  request(request: HandoffRequest): Promise<HandoffStart>;
  live(conversationId: string): Promise<LiveHandoff | undefined>;
  /** Records a resident's message during a handoff and shows it to the CSA; undefined when none is live. */
  residentSaid(conversationId: string, line: ResidentLine): Promise<LiveHandoff | undefined>;
  /** The resident no longer wants to wait, or chose a callback instead: leaves the queue. */
  leaveQueue(conversationId: string, why?: 'stoppedWaiting' | 'choseCallback'): Promise<boolean>;
  /**
   * A callback was booked as the service request `reference`: it closes a waiting handoff, or records one, so the
   * brief of the conversation is attached to the callback for whoever makes it.
   */
  callbackBooked(conversationId: string, reference: string, promisedBy: Date | undefined): Promise<void>;
  /** The external hub's `handoff.status`: accepted, failed (offer a callback) or completed. */
  externalStatus(conversationId: string, status: 'accepted' | 'failed' | 'completed'): Promise<void>;
  recordRating(sessionId: string, score: number, comment: string | undefined): Promise<void>;
  /** Records a safeguarding follow-up for a flagged conversation nobody can take now. */
  recordSafeguardingFollowUp(request: SafeguardingFollowUpRequest): Promise<SafeguardingFollowUp>;
  /**
   * The words of one of the resident's messages, read back from the conversation's transcript (so the bot's state
   * keeps only its id); undefined when it is not there (erased, or another conversation's).
   */
  residentWords(conversationId: string, activityId: string): Promise<string | undefined>;
}

export type { EscalationReason, HandoffPriority, UrgentCategory };
