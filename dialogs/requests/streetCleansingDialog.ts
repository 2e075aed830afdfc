import type { ConversationServices } from '../conversationServices';
import { REQUEST_DEFINITIONS } from '../../src/requests/requestTypes';
import { RequestDialog } from './requestDialog';

/** Street cleaning: litter, graffiti (and whether it is offensive) or dog fouling, where, and an email for the reference. Its questions are in `src/requests/requestTypes.ts`. */
export class StreetCleansingDialog extends RequestDialog {
  constructor(services: ConversationServices) {
    super(REQUEST_DEFINITIONS['street-cleansing'], services);
  }
}
