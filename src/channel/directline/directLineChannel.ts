export * from './channelConversations';
