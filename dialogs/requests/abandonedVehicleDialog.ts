import type { ConversationServices } from '../conversationServices';
import { REQUEST_DEFINITIONS } from '../../src/requests/requestTypes';
import { RequestDialog } from './requestDialog';

/** An abandoned vehicle: where, what it is, its registration if known, how long it has been there, and an email. Its questions are in `src/requests/requestTypes.ts`. */
export class AbandonedVehicleDialog extends RequestDialog {
  constructor(services: ConversationServices) {
    super(REQUEST_DEFINITIONS['abandoned-vehicle'], services);
  }
}
