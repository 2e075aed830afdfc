import type { Dialog } from 'botbuilder-dialogs';
import type { PlaceQuestion } from '../../src/places/detectPlaceQuestion';
import type { ConversationServices } from '../conversationServices';
import { BIN_DAY_DIALOG, BinDayDialog } from './binDayDialog';
import { COUNCILLOR_DIALOG, CouncillorDialog } from './councillorDialog';

export { detectPlaceQuestion } from '../../src/places/detectPlaceQuestion';

/** The dialogs that answer for the resident's own address, for the main dialog to add. */
export function createPlaceDialogs(services: ConversationServices): Dialog[] {
  return [new BinDayDialog(services), new CouncillorDialog(services)];
}

/** The dialog that answers a place question. */
export function placeDialogId(question: PlaceQuestion): string {
  return question.kind === 'binDay' ? BIN_DAY_DIALOG : COUNCILLOR_DIALOG;
}
