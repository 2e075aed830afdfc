import type { ConversationServices } from '../conversationServices';
import { REQUEST_DEFINITIONS } from '../../src/requests/requestTypes';
import { RequestDialog } from './requestDialog';

/** Noise nuisance: what kind, where from, when, and how an officer can contact the resident (phone or email). Its questions are in `src/requests/requestTypes.ts`. */
export class NoiseDialog extends RequestDialog {
  constructor(services: ConversationServices) {
    super(REQUEST_DEFINITIONS['noise'], services);
  }
}
