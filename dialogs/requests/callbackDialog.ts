import type { ConversationServices } from '../conversationServices';
import { REQUEST_DEFINITIONS } from '../../src/requests/requestTypes';
import { RequestDialog } from './requestDialog';

/** A callback: the topic, the name to ask for, phone or email, and a good time (a working day). Its questions are in `src/requests/requestTypes.ts`. */
export class CallbackDialog extends RequestDialog {
  constructor(services: ConversationServices) {
    super(REQUEST_DEFINITIONS['callback'], services);
  }
}
