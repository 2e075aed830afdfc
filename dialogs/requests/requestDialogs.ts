import { REQUEST_DEFINITIONS, REQUEST_TYPES, type RequestType } from '../../src/requests/requestTypes';
import type { ConversationServices } from '../conversationServices';
import { MissedBinDialog } from './missedBinDialog';
import { RequestDialog } from './requestDialog';

/**
 * One dialog per request type, each asking the questions of its definition. A missed bin has its own: the address
 * step and the round come first (`MissedBinDialog`).
 */
export function createRequestDialogs(services: ConversationServices): Record<RequestType, RequestDialog> {
  // Object.fromEntries forgets its keys' type; REQUEST_TYPES lists every request type, so the record is whole.
  return Object.fromEntries(
    REQUEST_TYPES.map((type) => [
      type,
      type === 'missed-bin' ? new MissedBinDialog(services) : new RequestDialog(REQUEST_DEFINITIONS[type], services),
    ]),
  ) as Record<RequestType, RequestDialog>;
}
