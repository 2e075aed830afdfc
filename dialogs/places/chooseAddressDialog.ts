import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { Address } from '../../src/places/address';
import type { AddressLookup } from '../../src/places/addressLookup';
import { GazetteerAddressLookup } from '../../src/places/gazetteer';
import { firstLineOf, matchPremises } from '../../src/places/matchPremises';
import { findPostcode } from '../../src/requests/validation/findPostcode';
import { ukPostcodeSchema } from '../../src/requests/validation/ukPostcode';
import type { ConversationServices } from '../conversationServices';
import { addressPromptReply } from '../replies/placeReplies';

export const CHOOSE_ADDRESS_DIALOG = 'chooseAddress';

/** Addresses offered as buttons at most; beyond, the resident is asked for the house number or name. */
export const MAX_ADDRESS_BUTTONS = 6;
/** Wrong answers to one question before the step gives up (the caller offers another way). */
const MAX_TRIES = 2;

const stateSchema = z.object({
  step: z.enum(['postcode', 'premises', 'choose']),
  postcode: z.string().optional(),
  /** The UPRNs on the buttons, when choosing. */
  offered: z.array(z.string()).default([]),
  tries: z.number().int().min(0),
  /** Why the question is asked: shown before the first question. */
  intro: z.string().optional(),
  /** A new question instead of an address ends the step with it (bin days, councillors; not inside a form). */
  through: z.boolean().default(false),
});
type State = z.infer<typeof stateSchema>;

export interface ChooseAddressOptions {
  /** A postcode already given (in the question itself). */
  postcode?: string;
  /** Said before the first question: `I'll find your bin days.` */
  intro?: string;
  /**
   * Whether a new question typed instead of an address ends the step with it (`newMessage`), to be answered: "thanks,
   * also how do I get a parking permit" is not a postcode. Inside a request form the form keeps the words instead.
   */
  letsNewQuestionsThrough?: boolean;
}

/** The address step's outcome: the resident's address, or none (with the postcode tried, and why). */
export type ChooseAddressResult =
  | { kind: 'found'; address: Address }
  | { kind: 'notFound'; postcode?: string; reason: 'noAddresses' | 'unavailable' | 'notAnswered' }
  /** The resident asked something else instead (only with `letsNewQuestionsThrough`). */
  | { kind: 'newMessage'; text: string };

/** A dialog result read back as the address step's outcome (undefined when the step was cancelled). */
export function readAddressResult(value: unknown): ChooseAddressResult | undefined {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return undefined;
  if (value.kind === 'found' && 'address' in value) return value as ChooseAddressResult;
  if (value.kind === 'newMessage' && 'text' in value && typeof value.text === 'string')
    return value as ChooseAddressResult;
  return value.kind === 'notFound' ? (value as ChooseAddressResult) : undefined;
}

/**
 * The address step shared by bin days, "your councillor" and the missed-bin report: asks the postcode (unless the
 * message gave it), looks it up through the address lookup port, and offers the addresses as buttons, or asks for
 * the house number or name when there are many. A postcode with no addresses is asked again once; then the step
 * ends `notFound`, so the caller can give the general page and the phone number. Its state is JSON in dialog state.
 */
export class ChooseAddressDialog extends Dialog<ChooseAddressOptions> {
  readonly asksAgainWhenResumed = true;

  constructor(private readonly services: ConversationServices) {
    super(CHOOSE_ADDRESS_DIALOG);
  }

  private get lookup(): AddressLookup {
    return (
      this.services.addresses ??
      new GazetteerAddressLookup(() => this.services.knowledge.current().knowledge.places.gazetteer)
    );
  }

  override async beginDialog(dc: DialogContext, options?: ChooseAddressOptions): Promise<DialogTurnResult> {
    const state: State = {
      step: 'postcode',
      offered: [],
      tries: 0,
      intro: options?.intro,
      through: options?.letsNewQuestionsThrough ?? false,
    };
    if (options?.postcode) return this.readPostcode(dc, state, options.postcode);
    return this.ask(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = stateSchema.parse(dc.activeDialog?.state);
    const text = activity.text ?? '';
    if (state.through && isNewQuestion(text)) {
      return dc.endDialog({ kind: 'newMessage', text } satisfies ChooseAddressResult);
    }
    if (state.step === 'postcode') return this.readPostcode(dc, state, text);
    return this.readPremises(dc, state, text);
  }

  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.activeDialog) await this.repromptDialog(dc.context, dc.activeDialog);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = stateSchema.parse(instance.state);
    await context.sendActivity(addressPromptReply(state.step, await this.offered(state), { postcode: state.postcode }));
  }

  private async readPostcode(dc: DialogContext, state: State, text: string): Promise<DialogTurnResult> {
    const parsed = ukPostcodeSchema.safeParse(findPostcode(text) ?? text);
    if (!parsed.success) {
      return this.retry(dc, state, parsed.error.issues[0]?.message ?? "That doesn't look like a postcode.");
    }
    const postcode = parsed.data;
    const found = await this.lookup.findByPostcode(postcode);
    if (!found.ok)
      return dc.endDialog({ kind: 'notFound', postcode, reason: 'unavailable' } satisfies ChooseAddressResult);
    if (found.addresses.length === 0) {
      if (state.tries + 1 >= MAX_TRIES) {
        return dc.endDialog({ kind: 'notFound', postcode, reason: 'noAddresses' } satisfies ChooseAddressResult);
      }
      return this.retry(
        dc,
        state,
        `I couldn't find any addresses at **${postcode}** in our area. Please check the postcode.`,
      );
    }
    return this.offer(dc, { ...state, postcode, tries: 0 }, found.addresses);
  }

  private async readPremises(dc: DialogContext, state: State, text: string): Promise<DialogTurnResult> {
    const found = state.postcode ? await this.lookup.findByPostcode(state.postcode) : undefined;
    if (!found?.ok) {
      return dc.endDialog({
        kind: 'notFound',
        postcode: state.postcode,
        reason: 'unavailable',
      } satisfies ChooseAddressResult);
    }
    const among =
      state.step === 'choose'
        ? found.addresses.filter((address) => state.offered.includes(address.uprn))
        : found.addresses;
    const matches = matchPremises(among, text);
    if (matches.length === 0 && state.step === 'choose' && findPostcode(text))
      return this.readPostcode(dc, state, text);
    if (matches.length === 0) {
      const problem = `I couldn't find that at **${state.postcode ?? ''}**.`;
      if (state.tries + 1 >= MAX_TRIES)
        return dc.endDialog({
          kind: 'notFound',
          postcode: state.postcode,
          reason: 'notAnswered',
        } satisfies ChooseAddressResult);
      return this.retry(dc, state, problem);
    }
    return this.offer(dc, { ...state, tries: 0 }, matches);
  }

  /** One address: done; a few: buttons; many: the house number or name. */
  private async offer(dc: DialogContext, state: State, addresses: Address[]): Promise<DialogTurnResult> {
    const [only] = addresses;
    if (only && addresses.length === 1)
      return dc.endDialog({ kind: 'found', address: only } satisfies ChooseAddressResult);
    if (addresses.length <= MAX_ADDRESS_BUTTONS) {
      return this.ask(dc, { ...state, step: 'choose', offered: addresses.map((address) => address.uprn) });
    }
    return this.ask(dc, { ...state, step: 'premises', offered: [] });
  }

  private async ask(dc: DialogContext, state: State, problem?: string): Promise<DialogTurnResult> {
    if (dc.activeDialog) dc.activeDialog.state = state;
    const intro = state.step === 'postcode' && state.tries === 0 && !problem ? state.intro : undefined;
    await dc.context.sendActivity(
      addressPromptReply(state.step, await this.offered(state), { postcode: state.postcode, problem, intro }),
    );
    return Dialog.EndOfTurn;
  }

  private async retry(dc: DialogContext, state: State, problem: string): Promise<DialogTurnResult> {
    if (state.tries + 1 > MAX_TRIES) {
      return dc.endDialog({
        kind: 'notFound',
        postcode: state.postcode,
        reason: 'notAnswered',
      } satisfies ChooseAddressResult);
    }
    return this.ask(dc, { ...state, tries: state.tries + 1 }, problem);
  }

  private async offered(state: State): Promise<string[]> {
    if (state.step !== 'choose') return [];
    const labels: string[] = [];
    for (const uprn of state.offered) {
      const found = await this.lookup.findByUprn(uprn);
      if (found.ok && found.address) labels.push(firstLineOf(found.address));
    }
    return labels;
  }
}

const QUESTION_START =
  /^(?:thanks|thank you|cheers|ok|okay|right|also|and|but|what|whats|how|when|whens|where|who|whos|why|which|can|could|do|does|is|are|will|would|should|i need|i want|i'd like|id like|tell me)\b/i;

/**
 * A message that asks something rather than giving an address: no postcode in it, three words or more, and a
 * question mark or the opening of a question or a new topic ("thanks, also how do I...", "and the recycling?").
 */
export function isNewQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (findPostcode(trimmed)) return false;
  if (trimmed.split(/\s+/).length < 3) return false;
  return trimmed.includes('?') || QUESTION_START.test(trimmed.replace(/^[^a-z]+/i, ''));
}
