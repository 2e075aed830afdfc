import type { StatePropertyAccessor } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { Answers } from '../../src/requests/requestFields';
import { STATUS_FORM } from '../../src/requests/statusForm';
import { type ConversationData, conversationDataSchema } from '../conversationData';
import type { ConversationServices } from '../conversationServices';
import { InterruptibleDialog } from '../interruptibleDialog';
import {
  referenceLockedReply,
  requestNotFoundReply,
  requestStatusReply,
  statusCheckLockedReply,
} from '../replies/requestReplies';
import { type FormOptions, RequestForm } from './requestForm';

export const CHECK_REQUEST_DIALOG = 'checkRequest';

/** Failed checks allowed in one conversation: enough for typing slips, too few to guess someone's postcode. */
export const MAX_FAILED_STATUS_CHECKS = 5;

/**
 * "Check my request": asks for the reference and the postcode, email or phone number given with it, then tells the
 * status and its history. Whether the reference or the proof was wrong, the reply is the same; after
 * `MAX_FAILED_STATUS_CHECKS` failures the conversation is given the phone number and offered a person (not queued:
 * a guesser opening chat after chat must not fill the CSAs' queue). The request desk also limits wrong proofs per
 * reference across conversations.
 */
export class CheckRequestDialog extends InterruptibleDialog {
  constructor(
    services: ConversationServices,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
  ) {
    super(CHECK_REQUEST_DIALOG, services);
    const formId = `${CHECK_REQUEST_DIALOG}.form`;
    this.addDialog(new RequestForm(formId, STATUS_FORM, services, (dc, answers) => this.tellStatus(dc, answers)));
    this.initialDialogId = formId;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: FormOptions): Promise<DialogTurnResult> {
    if ((await this.data(innerDc)).failedStatusChecks >= MAX_FAILED_STATUS_CHECKS) {
      // Too many references that did not match: a person can check who the resident is, if they ask.
      const { profile } = this.services.knowledge.current().knowledge;
      await innerDc.context.sendActivity(statusCheckLockedReply(profile, this.services));
      return innerDc.endDialog();
    }
    return super.onBeginDialog(innerDc, options);
  }

  private async tellStatus(dc: DialogContext, answers: Answers): Promise<DialogTurnResult> {
    const reference = answers.reference?.value ?? '';
    const proof = answers.proof?.value ?? '';
    const found = await this.services.requests.lookUp(reference, proof, dc.context.activity.conversation.id);
    if (found.found) {
      await dc.context.sendActivity(requestStatusReply(found.request, found.definition));
      return dc.endDialog();
    }
    const data = await this.data(dc);
    const failed = data.failedStatusChecks + 1;
    await this.conversationData.set(dc.context, { ...data, failedStatusChecks: failed });
    const { profile } = this.services.knowledge.current().knowledge;
    await dc.context.sendActivity(
      found.reason === 'tooManyTries'
        ? referenceLockedReply(profile, this.services)
        : requestNotFoundReply(Math.max(0, MAX_FAILED_STATUS_CHECKS - failed), profile),
    );
    return dc.endDialog();
  }

  private async data(dc: DialogContext): Promise<ConversationData> {
    return conversationDataSchema.parse((await this.conversationData.get(dc.context)) ?? {});
  }
}
