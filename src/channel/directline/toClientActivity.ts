import type { Activity, ChannelAccount, ConversationReference } from 'botbuilder';

/** The channel id activities carry, as on Azure's Direct Line, so the bot treats both alike. */
export const DIRECT_LINE_CHANNEL_ID = 'directline';

/**
 * The `serviceUrl` of this channel's activities. It is not a URL anything can be sent to: it marks a conversation
 * reference as this in-process channel's, so proactive messages go through the `DirectLineAdapter`, never the
 * CloudAdapter.
 */
export const DIRECT_LINE_SERVICE_URL = 'urn:council-assistant:directline';

/** Whether a conversation reference belongs to this channel (rather than to Azure Bot Service). */
export function isDirectLineChannelReference(reference: Partial<ConversationReference>): boolean {
  return reference.serviceUrl === DIRECT_LINE_SERVICE_URL;
}

/**
 * An activity as Direct Line clients receive it and as it is stored: the given id and timestamp, the channel id,
 * `conversation` reduced to its id, `from` and `recipient` to id, name and role, and no `serviceUrl`. Everything
 * else (text, attachments, suggested actions, `channelData` with `councilBot` or `clientActivityID`) is kept.
 */
export function toClientActivity(activity: Partial<Activity>, id: string, timestamp: Date): Record<string, unknown> {
  const copy: Partial<Activity> = { ...activity };
  delete copy.serviceUrl;
  delete copy.conversation;
  delete copy.from;
  delete copy.recipient;
  return {
    ...copy,
    id,
    timestamp: timestamp.toISOString(),
    channelId: DIRECT_LINE_CHANNEL_ID,
    conversation: activity.conversation ? { id: activity.conversation.id } : undefined,
    from: accountOf(activity.from),
    recipient: accountOf(activity.recipient),
  };
}

function accountOf(account: ChannelAccount | undefined): Record<string, string> | undefined {
  if (!account) return undefined;
  const result: Record<string, string> = { id: account.id };
  if (account.name) result.name = account.name;
  if (account.role) result.role = account.role;
  return result;
}
