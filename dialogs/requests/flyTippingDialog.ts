import type { ConversationServices } from '../conversationServices';
import { REQUEST_DEFINITIONS } from '../../src/requests/requestTypes';
import { RequestDialog } from './requestDialog';

/** Fly-tipping: where it is, what and how much was dumped, an optional photo (uploaded in the chat), and an email for the reference. Its questions are in `src/requests/requestTypes.ts`. */
export class FlyTippingDialog extends RequestDialog {
  constructor(services: ConversationServices) {
    super(REQUEST_DEFINITIONS['fly-tipping'], services);
  }
}
