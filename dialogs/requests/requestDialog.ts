import { callbackWindowOf } from '../../src/contactCentre/callbackWindow';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { StoreUnavailableError } from '../../src/storage/storageErrors';
import type { Answers } from '../../src/requests/requestFields';
import { REQUEST_DEFINITIONS, type RequestDefinition, type RequestType } from '../../src/requests/requestTypes';
import type { ConversationServices } from '../conversationServices';
import { InterruptibleDialog } from '../interruptibleDialog';
import { requestNotSavedReply, requestSubmittedReply } from '../replies/requestReplies';
import { RequestForm } from './requestForm';

/** The dialog id of a request type's dialog: `request:fly-tipping`. */
export function requestDialogId(requestType: RequestType): string {
  return `request:${requestType}`;
}

/** What a request dialog ends with when the request was stored. */
export interface RequestDialogResult {
  reference: string;
  requestType: RequestType;
  instanceId: string;
}

/**
 * A guided service request: the form's questions, a summary to confirm, then the submission. The request is stored
 * (idempotently: the key is the conversation id and the form's instance id, kept in dialog state) before the
 * confirmation with its reference and promised reply date is sent. Interruptions work at every step. One class for
 * every request type: a type's questions and wording are its definition in `src/requests/requestTypes.ts`.
 */
export class RequestDialog extends InterruptibleDialog {
  constructor(
    protected readonly definition: RequestDefinition,
    services: ConversationServices,
  ) {
    super(requestDialogId(definition.id), services);
    const formId = `${this.id}.form`;
    this.addDialog(new RequestForm(formId, definition, services, (dc, answers, id) => this.submit(dc, answers, id)));
    this.initialDialogId = formId;
  }

  private async submit(dc: DialogContext, answers: Answers, instanceId: string): Promise<DialogTurnResult> {
    const conversationId = dc.context.activity.conversation?.id;
    let submitted;
    try {
      submitted = await this.services.requests.submit({
        idempotencyKey: `${conversationId ?? 'no-conversation'}/${instanceId}`,
        requestType: this.definition.id,
        conversationId,
        answers,
      });
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Not stored, so not confirmed: the answers stay, to send again, and the resident gets the phone number.
      const { profile } = this.services.knowledge.current().knowledge;
      await dc.context.sendActivity(requestNotSavedReply(this.definition, profile, this.services));
      return Dialog.EndOfTurn;
    }
    const { profile } = this.services.knowledge.current().knowledge;
    const window = callbackWindowOf(submitted.request, this.services.contactCentre.hours(profile));
    await dc.context.sendActivity(
      requestSubmittedReply(
        submitted.request,
        REQUEST_DEFINITIONS[this.definition.id],
        profile,
        !submitted.created,
        window,
      ),
    );
    const result: RequestDialogResult = {
      reference: submitted.request.reference,
      requestType: this.definition.id,
      instanceId,
    };
    return dc.endDialog(result);
  }
}
