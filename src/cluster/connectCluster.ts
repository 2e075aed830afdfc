import type { Logger } from 'pino';
import { z } from 'zod';
import type { DeskEvent } from '../handoff/handoffDesk';
import type { HandoffEvents } from '../handoff/handoffEvents';
import type { ClusterBus } from './clusterBus';

/** Desk events as they cross instances: ids and states only (a new line becomes "lines changed: read them"). */
const deskMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queueChanged') }),
  z.object({
    kind: z.literal('sessionChanged'),
    sessionId: z.string(),
    state: z.enum(['queued', 'accepted', 'ended', 'callbackBooked']),
  }),
  z.object({ kind: z.literal('linesChanged'), sessionId: z.string() }),
]);

const conversationMessage = z.object({ conversationId: z.string().min(1).max(200) });

/** Several activities stored in one turn make one message. */
const COALESCE_MS = 20;

/** What the cluster needs of the web chat's live feed: a nudge to re-read one conversation (the Direct Line feed is one). */
export interface ConversationNudges {
  nudge(conversationId: string): void;
}

export interface ClusterConnection {
  /** Something was stored in a conversation no stream of this instance follows: tell the other instances. */
  conversationStored(conversationId: string): void;
  close(): void;
}

/**
 * Joins this instance's live parts to the cluster bus: desk events published here go to the other instances'
 * consoles, theirs come to this instance's consoles; activities stored here for a conversation whose resident is
 * connected elsewhere nudge that instance's stream. Messages from the bus are checked with zod (the bus is an
 * edge): a malformed one is logged and dropped.
 */
export function connectCluster(
  bus: ClusterBus,
  parts: { deskEvents: HandoffEvents; feed: ConversationNudges },
  logger: Logger,
): ClusterConnection {
  parts.deskEvents.relayTo((event) => {
    const crossing = toCrossing(event);
    if (crossing) bus.publish('desk', crossing);
  });
  const stopDesk = bus.subscribe('desk', (body) => {
    const parsed = deskMessage.safeParse(body);
    if (parsed.success) parts.deskEvents.deliver(parsed.data);
    else logger.warn({ issues: parsed.error.issues.length }, 'cluster desk message malformed: ignored');
  });
  const stopConversation = bus.subscribe('conversation', (body) => {
    const parsed = conversationMessage.safeParse(body);
    if (parsed.success) parts.feed.nudge(parsed.data.conversationId);
    else logger.warn({ issues: parsed.error.issues.length }, 'cluster conversation message malformed: ignored');
  });

  const pending = new Set<string>();
  let flush: NodeJS.Timeout | undefined;
  return {
    conversationStored: (conversationId) => {
      pending.add(conversationId);
      flush ??= setTimeout(() => {
        flush = undefined;
        for (const id of pending) bus.publish('conversation', { conversationId: id });
        pending.clear();
      }, COALESCE_MS);
    },
    close: () => {
      clearTimeout(flush);
      stopDesk();
      stopConversation();
      parts.deskEvents.relayTo(() => undefined);
    },
  };
}

function toCrossing(event: DeskEvent): z.infer<typeof deskMessage> | undefined {
  switch (event.kind) {
    case 'queueChanged':
      return { kind: 'queueChanged' };
    case 'sessionChanged':
      return { kind: 'sessionChanged', sessionId: event.sessionId, state: event.state };
    case 'line':
    case 'linesChanged':
      return { kind: 'linesChanged', sessionId: event.sessionId };
  }
}
