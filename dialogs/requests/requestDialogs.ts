import { REQUEST_DEFINITIONS, REQUEST_TYPES, type RequestType } from '../../src/requests/requestTypes';
import type { ConversationServices } from '../conversationServices';
import { RequestDialog } from './requestDialog';

/** One dialog per request type, each asking the questions of its definition. */
export function createRequestDialogs(services: ConversationServices): Record<RequestType, RequestDialog> {
  // Object.fromEntries forgets its keys' type; REQUEST_TYPES lists every request type, so the record is whole.
  return Object.fromEntries(
    REQUEST_TYPES.map((type) => [type, new RequestDialog(REQUEST_DEFINITIONS[type], services)]),
  ) as Record<RequestType, RequestDialog>;
}
