import type { ConversationServices } from '../conversationServices';
import { REQUEST_DEFINITIONS } from '../../src/requests/requestTypes';
import { RequestDialog } from './requestDialog';

/** A new or replacement bin: which bin, why, the address, and an email for the reference. Its questions are in `src/requests/requestTypes.ts`. */
export class NewBinDialog extends RequestDialog {
  constructor(services: ConversationServices) {
    super(REQUEST_DEFINITIONS['new-bin'], services);
  }
}
