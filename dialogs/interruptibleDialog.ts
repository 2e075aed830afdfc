import { ActivityTypes } from 'botbuilder';
import {
  ComponentDialog,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
  Prompt,
} from 'botbuilder-dialogs';
import type { ConversationServices } from './conversationServices';
import { detectInterruption } from './detectInterruption';
import { handOff } from './handOff';
import { cancelledReply, helpReply, restartedReply } from './replies/interruptionReplies';
import { urgentReply } from './replies/urgentReply';
import { URGENT_CHECK_DIALOG, type UrgentCheckOptions } from './urgentCheckDialog';

/**
 * Base of every dialog that waits for the resident: an emergency is signposted at once and handed to a person as a
 * priority (the dialog is kept, to carry on later); when the safety check is not sure (`check`), the resident is first
 * asked whether anyone is in danger now, above the question they were answering, which is asked again once the check
 * is answered; and "help", "cancel", "start over" and "talk to a person" work
 * at any step. Help keeps the dialog where it was; cancel and start over end it; a person ends it too, since they
 * take over with the whole conversation in front of them.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly services: ConversationServices,
  ) {
    super(id);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  /** True while a step reads these words itself (e.g. "Is anyone in danger right now?" with its own buttons). */
  protected readsInterruptionsItself(_innerDc: DialogContext): boolean {
    return false;
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    if (this.readsInterruptionsItself(innerDc)) return undefined;
    const deepest = deepestOf(innerDc);
    if (deepest.activeDialog?.id === URGENT_CHECK_DIALOG) return undefined;
    const activity = innerDc.context.activity;
    if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return undefined;
    const urgent = this.services.knowledge.current().knowledge.urgentDetector.detect(activity.text);
    if (urgent?.certainty === 'check' && waitsOnPrompt(deepest) && deepest.findDialog(URGENT_CHECK_DIALOG)) {
      // Not sure: ask first, on top of the question the resident was answering; it is asked again afterwards.
      const options: UrgentCheckOptions = { category: urgent.category, alsoAsked: [] };
      await deepest.beginDialog(URGENT_CHECK_DIALOG, options);
      return { status: DialogTurnStatus.waiting };
    }
    if (urgent) {
      // The dialog stays where it was: a resident who stops waiting for the person carries on with it.
      await innerDc.context.sendActivity(urgentReply(urgent.category, this.services));
      await handOff(innerDc.context, this.services, 'urgent', { urgentCategory: urgent.category, numbersShown: true });
      return { status: DialogTurnStatus.waiting };
    }
    switch (detectInterruption(activity.text)) {
      case 'help':
        await innerDc.context.sendActivity(helpReply(this.services));
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'person': {
        const ended = await innerDc.cancelAllDialogs(true);
        await handOff(innerDc.context, this.services, 'residentAsked');
        return ended;
      }
      case 'cancel':
        await innerDc.context.sendActivity(cancelledReply(true));
        return innerDc.cancelAllDialogs(true);
      case 'startOver':
        await innerDc.context.sendActivity(restartedReply());
        return innerDc.cancelAllDialogs(true);
      case undefined:
        return undefined;
    }
  }
}

/** The innermost dialog context with a dialog running (or the safety check's, when it runs): where the answer is awaited. */
function deepestOf(dc: DialogContext): DialogContext {
  let deepest = dc;
  while (deepest.child && deepest.activeDialog?.id !== URGENT_CHECK_DIALOG) deepest = deepest.child;
  return deepest;
}

/**
 * True when the awaited answer is a prompt's or a form's (`asksAgainWhenResumed`), which asks its question again when
 * a dialog started above it ends: a waterfall would instead take the check's result as its answer.
 */
function waitsOnPrompt(dc: DialogContext): boolean {
  const id = dc.activeDialog?.id;
  const dialog = id === undefined ? undefined : dc.findDialog(id);
  return dialog instanceof Prompt || (dialog !== undefined && 'asksAgainWhenResumed' in dialog);
}
