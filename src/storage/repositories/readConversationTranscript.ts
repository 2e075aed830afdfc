import { isPlainObject } from '../plainObject';
import type { Repositories } from './openRepositories';
import type { TranscriptEntry } from './transcriptRepository';

/**
 * A conversation's every activity in and out, in order, wherever it was recorded: web chat conversations of the
 * built-in channel are kept by the channel itself (each activity stored before it is acknowledged), every other
 * channel's by the transcript middleware. Each activity is kept once, so there is one copy of a resident's words to
 * retain, export and erase.
 */
export async function readConversationTranscript(
  repositories: Pick<Repositories, 'conversations' | 'transcripts'>,
  conversationId: string,
): Promise<TranscriptEntry[]> {
  const webChat = await repositories.conversations.find(conversationId);
  if (!webChat) return repositories.transcripts.listByConversation(conversationId);
  const activities = await repositories.conversations.listActivities(conversationId);
  return activities.map((activity) => ({
    conversationId,
    activityId: typeof activity.id === 'string' ? activity.id : undefined,
    timestamp: new Date(typeof activity.timestamp === 'string' ? activity.timestamp : webChat.createdAt),
    direction: roleOf(activity.from) === 'bot' ? 'outgoing' : 'incoming',
    type: typeof activity.type === 'string' ? activity.type : 'unknown',
    activity,
  }));
}

function roleOf(account: unknown): unknown {
  return isPlainObject(account) ? account.role : undefined;
}
