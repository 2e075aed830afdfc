import type { ConversationServices } from '../conversationServices';
import { REQUEST_DEFINITIONS } from '../../src/requests/requestTypes';
import { RequestDialog } from './requestDialog';

/** A missed bin collection: the address, which bin, the day it was due, where it was left, and an email for the reference. Its questions are in `src/requests/requestTypes.ts`. */
export class MissedBinDialog extends RequestDialog {
  constructor(services: ConversationServices) {
    super(REQUEST_DEFINITIONS['missed-bin'], services);
  }
}
