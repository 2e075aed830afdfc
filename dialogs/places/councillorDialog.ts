import type { PlaceDialogResult } from './placeDialogs';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ConversationServices } from '../conversationServices';
import { InterruptibleDialog } from '../interruptibleDialog';
import { addressNotFoundReply, councillorsReply } from '../replies/placeReplies';
import {
  CHOOSE_ADDRESS_DIALOG,
  ChooseAddressDialog,
  type ChooseAddressOptions,
  readAddressResult,
} from './chooseAddressDialog';

export const COUNCILLOR_DIALOG = 'yourCouncillor';
const STEPS = 'yourCouncillor.steps';
/** The general article when the address or its ward cannot be found. */
const COUNCILLORS_ARTICLE = 'councillors';

/** "Who is my councillor?": the address step, then the address's ward and its councillors from `wards.yaml`. */
export class CouncillorDialog extends InterruptibleDialog {
  constructor(services: ConversationServices) {
    super(COUNCILLOR_DIALOG, services);
    this.addDialog(new ChooseAddressDialog(services));
    this.addDialog(new WaterfallDialog(STEPS, [this.addressStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async addressStep(step: WaterfallStepContext<ChooseAddressOptions>) {
    return step.beginDialog(CHOOSE_ADDRESS_DIALOG, {
      postcode: step.options?.postcode,
      letsNewQuestionsThrough: true,
      intro: "I'll find the councillors for your address.",
    } satisfies ChooseAddressOptions);
  }

  private async answerStep(step: WaterfallStepContext) {
    const result = readAddressResult(step.result);
    if (result?.kind === 'newMessage') return step.endDialog({ newMessage: result.text } satisfies PlaceDialogResult);
    const { knowledge } = this.services.knowledge.current();
    const fallback = knowledge.byId.get(COUNCILLORS_ARTICLE);
    const ward =
      result?.kind === 'found' && result.address.ward ? knowledge.wardById.get(result.address.ward) : undefined;
    if (result?.kind === 'found' && ward) {
      await step.context.sendActivity(councillorsReply(result.address, ward));
      return step.endDialog();
    }
    const reason =
      result?.kind === 'found' ? 'noRound' : result?.reason === 'unavailable' ? 'unavailable' : 'noAddresses';
    const postcode = result?.kind === 'found' ? result.address.postcode : result?.postcode;
    await step.context.sendActivity(addressNotFoundReply(reason, postcode, fallback, knowledge.profile, this.services));
    return step.endDialog();
  }
}
