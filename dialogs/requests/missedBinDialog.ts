import { ChoicePrompt, ListStyle, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { addDays, londonTime } from '../../src/calendar/londonTime';
import type { AddressLookup } from '../../src/places/addressLookup';
import { GazetteerAddressLookup } from '../../src/places/gazetteer';
import { crewDueToday, lastCollection } from '../../src/places/crewDue';
import { firstLineOf } from '../../src/places/matchPremises';
import { BINS, REQUEST_DEFINITIONS } from '../../src/requests/requestTypes';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { CHOOSE_ADDRESS_DIALOG, ChooseAddressDialog, readAddressResult } from '../places/chooseAddressDialog';
import { collectionDayLabel, crewDueReply } from '../replies/placeReplies';
import type { FormOptions } from './requestForm';
import { RequestDialog } from './requestDialog';

const STEPS = 'request:missed-bin.steps';
const WHICH_BIN = 'request:missed-bin.whichBin';

/**
 * A missed bin collection. With an address lookup (the app's) the address comes from the same address step as bin days
 * (postcode, then the address), and the bin from the address's round: a bin reported on its collection day, which
 * has not ended, is told the crew is due instead of being logged. Otherwise, and for an address the gazetteer lacks,
 * the form asks for the address in words. Then the form's other questions (`src/requests/requestTypes.ts`).
 */
export class MissedBinDialog extends RequestDialog {
  constructor(services: ConversationServices) {
    super(REQUEST_DEFINITIONS['missed-bin'], services);
    this.addDialog(new ChooseAddressDialog(services));
    this.addDialog(new ChoicePrompt(WHICH_BIN));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.addressStep.bind(this),
        this.binStep.bind(this),
        this.formStep.bind(this),
        async (step) => step.endDialog(step.result),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private get formId(): string {
    return `${this.id}.form`;
  }

  private async addressStep(step: WaterfallStepContext<FormOptions>) {
    Object.assign(step.values, { prefill: step.options?.prefill ?? {} });
    // Only where an address lookup is configured (the app always has one): otherwise the form asks in words.
    if (!this.services.addresses) return step.next(undefined);
    return step.beginDialog(CHOOSE_ADDRESS_DIALOG, {
      intro: REQUEST_DEFINITIONS['missed-bin'].intro,
      postcode: step.options?.prefill?.postcode,
    });
  }

  private async binStep(step: WaterfallStepContext) {
    const result = readAddressResult(step.result);
    if (result?.kind !== 'found') {
      Object.assign(step.values, { formStarted: true });
      return step.beginDialog(this.formId, { prefill: this.prefill(step) });
    }
    const address = result.address;
    Object.assign(step.values, { uprn: address.uprn });
    const schedule = this.services.knowledge.current().knowledge.places.collections;
    const bins = schedule && address.round ? schedule.bins.map((bin) => bin.name) : [...BINS];
    return step.prompt(WHICH_BIN, {
      prompt: botMessage(`Which bin was missed at **${firstLineOf(address)}**?`, {
        action: 'prompt',
        form: 'missed-bin',
        field: 'bin',
        retry: false,
        optional: false,
      }),
      choices: bins,
      style: ListStyle.suggestedAction,
    });
  }

  private async formStep(step: WaterfallStepContext) {
    if (Reflect.get(step.values, 'formStarted') === true) return step.next(step.result);
    const uprn: unknown = Reflect.get(step.values, 'uprn');
    const found = typeof uprn === 'string' ? await this.lookup().findByUprn(uprn) : undefined;
    const address = found?.ok ? found.address : undefined;
    const chosen = readChoice(step.result);
    if (!address || !chosen) return step.beginDialog(this.formId, { prefill: this.prefill(step) });
    const { places } = this.services.knowledge.current().knowledge;
    const schedule = places.collections;
    const today = londonTime(this.services.clock()).date;
    const due = schedule && address.round ? crewDueToday(schedule, address.round, chosen.value, today) : undefined;
    if (due) {
      const label = collectionDayLabel(due.date, today, addDays(today, 1));
      await step.context.sendActivity(crewDueReply(address, chosen.value, due.date, label));
      return step.endDialog();
    }
    const last =
      schedule && address.round
        ? lastCollection(schedule, address.round, chosen.value, today, addDays(today, -14))
        : undefined;
    return step.beginDialog(this.formId, {
      prefill: {
        ...this.prefill(step),
        postcode: address.postcode,
        address: address.label,
        uprn: address.uprn,
        bin: chosen.value,
        ...(last ? { collectionDate: last } : {}),
      },
    } satisfies FormOptions);
  }

  private lookup(): AddressLookup {
    return (
      this.services.addresses ??
      new GazetteerAddressLookup(() => this.services.knowledge.current().knowledge.places.gazetteer)
    );
  }

  private prefill(step: WaterfallStepContext): Record<string, string> {
    const kept: unknown = Reflect.get(step.values, 'prefill');
    return typeof kept === 'object' && kept !== null
      ? Object.fromEntries(Object.entries(kept).map(([k, v]) => [k, String(v)]))
      : {};
  }
}

/** A choice prompt's result: the chosen value, or undefined. */
function readChoice(result: unknown): { value: string } | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const value: unknown = Reflect.get(result, 'value');
  return typeof value === 'string' ? { value } : undefined;
}
