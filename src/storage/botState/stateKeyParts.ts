/**
 * The conversation and user a Bot Framework state key belongs to, so that a resident's state can be found and
 * erased: `channel/conversations/<id>` (ConversationState), `channel/users/<id>` (UserState) and
 * `channel/conversations/<id>/users/<id>` (PrivateConversationState), each with or without the trailing slash
 * botbuilder adds. Other keys belong to no one.
 */
export function stateKeyParts(stateKey: string): { conversationId?: string; userId?: string } {
  // botbuilder writes its keys with an empty namespace after a final slash (`channel/conversations/<id>/`).
  const key = stateKey.endsWith('/') ? stateKey.slice(0, -1) : stateKey;
  const privateConversation = /^[^/]+\/conversations\/(.+)\/users\/(.+)$/.exec(key);
  if (privateConversation) return { conversationId: privateConversation[1], userId: privateConversation[2] };
  const conversation = /^[^/]+\/conversations\/(.+)$/.exec(key);
  if (conversation) return { conversationId: conversation[1] };
  const user = /^[^/]+\/users\/(.+)$/.exec(key);
  if (user) return { userId: user[1] };
  return {};
}
