import type { PlaceDialogResult } from './placeDialogs';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { calendarPath, collectionsAt } from '../../src/places/collectionsAt';
import type { BinDayOutcome } from '../../src/places/placeEvents';
import type { ConversationServices } from '../conversationServices';
import { InterruptibleDialog } from '../interruptibleDialog';
import { addressNotFoundReply, collectionDayLabel, collectionsReply } from '../replies/placeReplies';
import {
  CHOOSE_ADDRESS_DIALOG,
  ChooseAddressDialog,
  type ChooseAddressOptions,
  readAddressResult,
} from './chooseAddressDialog';

export const BIN_DAY_DIALOG = 'binDay';
const STEPS = 'binDay.steps';
/** The general article when the address or its round cannot be found. */
const BIN_DAYS_ARTICLE = 'bin-collection-days';

/**
 * "When is my bin day?": the address step, then the next collection of each bin at that address (moved by any
 * published bank-holiday change), an "Add to my calendar" link for the next 12 months, and the recycling guide.
 */
export class BinDayDialog extends InterruptibleDialog {
  constructor(services: ConversationServices) {
    super(BIN_DAY_DIALOG, services);
    this.addDialog(new ChooseAddressDialog(services));
    this.addDialog(new WaterfallDialog(STEPS, [this.addressStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async addressStep(step: WaterfallStepContext<ChooseAddressOptions>) {
    await this.count(step, 'asked');
    return step.beginDialog(CHOOSE_ADDRESS_DIALOG, {
      postcode: step.options?.postcode,
      letsNewQuestionsThrough: true,
      intro: "I'll look up the bin collections for your address.",
    } satisfies ChooseAddressOptions);
  }

  private async answerStep(step: WaterfallStepContext) {
    const result = readAddressResult(step.result);
    if (result?.kind === 'newMessage') return step.endDialog({ newMessage: result.text } satisfies PlaceDialogResult);
    const { knowledge } = this.services.knowledge.current();
    const fallback = knowledge.byId.get(BIN_DAYS_ARTICLE);
    if (!result || result.kind === 'notFound') {
      const reason = result?.reason === 'unavailable' ? 'unavailable' : 'noAddresses';
      await this.count(step, reason);
      await step.context.sendActivity(
        addressNotFoundReply(reason, result?.postcode, fallback, knowledge.profile, this.services),
      );
      return step.endDialog();
    }
    const found = collectionsAt(knowledge.places, result.address, this.services.clock());
    if (!found.ok) {
      await this.count(step, 'noRound');
      await step.context.sendActivity(
        addressNotFoundReply('noRound', result.address.postcode, fallback, knowledge.profile, this.services),
      );
      return step.endDialog();
    }
    const bins = knowledge.places.collections?.bins ?? [];
    const guideId = knowledge.places.collections?.recyclingGuide;
    await step.context.sendActivity(
      collectionsReply({
        address: result.address,
        collections: found.collections,
        binName: (id) => bins.find((bin) => bin.id === id)?.name ?? id,
        dayLabel: (date) => collectionDayLabel(date, found.today, found.tomorrow),
        calendarUrl: calendarPath(result.address.uprn),
        guide: guideId ? knowledge.byId.get(guideId) : undefined,
      }),
    );
    await this.count(step, 'date');
    return step.endDialog({ uprn: result.address.uprn });
  }

  private async count(step: WaterfallStepContext, outcome: BinDayOutcome): Promise<void> {
    await this.services.placeEvents?.binDay(step.context.activity.conversation.id, outcome);
  }
}
