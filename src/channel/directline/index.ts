export { addDirectLineRoutes, DIRECT_LINE_PREFIX } from './addDirectLineRoutes';
export { directLineRefusal } from './http/sendResponse';
export { DirectLineAdapter, type TurnLogic } from './directLineAdapter';
export { type Caller, DirectLineChannel, type Origin, type WebchatSession } from './directLineChannel';
export { DirectLineError, type DirectLineErrorCode } from './directLineError';
export {
  type BotAccount,
  DEFAULT_LIMITS,
  type DirectLineChannelOptions,
  type DirectLineLimits,
} from './directLineOptions';
export { loadOrCreateDirectLineSecret } from './loadOrCreateDirectLineSecret';
export { DIRECT_LINE_CHANNEL_ID, DIRECT_LINE_SERVICE_URL, isDirectLineChannelReference } from './toClientActivity';
