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

/** The article each journey stands for: the topic follow-ups are read against, and what the journey is about. */
export function placeArticleId(question: PlaceQuestion): string {
  return question.kind === 'binDay' ? 'bin-collection-days' : 'councillors';
}

/** The dialog that answers a place question. */
export function placeDialogId(question: PlaceQuestion): string {
  return question.kind === 'binDay' ? BIN_DAY_DIALOG : COUNCILLOR_DIALOG;
}

/** How a place dialog ends: answered (or not found), or with a new question the resident asked instead. */
export interface PlaceDialogResult {
  newMessage?: string;
}
