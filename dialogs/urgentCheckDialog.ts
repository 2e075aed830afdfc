import { ComponentDialog, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { URGENT_CATEGORIES } from '../src/safety/urgentCategory';
import type { ConversationServices } from './conversationServices';
import { handOff } from './handOff';
import { readDangerAnswer } from './readDangerAnswer';
import { notInDangerReply, urgentCheckReply } from './replies/urgentCheckReplies';
import { alsoAskedReply } from './replies/alsoAskedReply';
import { urgentReply } from './replies/urgentReply';

export const URGENT_CHECK_DIALOG = 'urgentCheckDialog';
const ANSWER_PROMPT = 'urgentCheckAnswer';
const STEPS = 'urgentCheckSteps';

const optionsSchema = z.object({
  category: z.enum(URGENT_CATEGORIES),
  /** Articles the same message also asked about (its routine part), answered once the check is answered. */
  alsoAsked: z.array(z.string()).default([]),
});
export type UrgentCheckOptions = z.input<typeof optionsSchema>;

/**
 * What the check ended with: `handled` (the resident answered and was helped), or `newMessage` with the text they
 * typed instead of an answer, which the caller reads as a new message.
 */
export type UrgentCheckResult = { kind: 'handled' } | { kind: 'newMessage'; text: string };

/**
 * The middle band of the safety check: "It sounds like someone may be at risk. Is anyone in danger right now?", with
 * 999 shown. Yes: the full emergency reply and urgent routing to a person. No: the category's other numbers and a
 * person offered. "Talk to a person": urgent routing. Anything else typed is handed back as a new message.
 */
export class UrgentCheckDialog extends ComponentDialog {
  constructor(private readonly services: ConversationServices) {
    super(URGENT_CHECK_DIALOG);
    this.addDialog(new TextPrompt(ANSWER_PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.answeredStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askStep(step: WaterfallStepContext<UrgentCheckOptions>) {
    const { category } = optionsSchema.parse(step.options);
    return step.prompt(ANSWER_PROMPT, { prompt: urgentCheckReply(category) });
  }

  private async answeredStep(step: WaterfallStepContext<UrgentCheckOptions>) {
    const { category, alsoAsked } = optionsSchema.parse(step.options);
    const text = typeof step.result === 'string' ? step.result : '';
    const answer = readDangerAnswer(text);
    if (answer === undefined) return step.endDialog({ kind: 'newMessage', text } satisfies UrgentCheckResult);
    if (answer === 'yes') {
      await step.context.sendActivity(urgentReply(category, this.services));
      await handOff(step.context, this.services, 'urgent', { urgentCategory: category, numbersShown: true });
    } else if (answer === 'no') {
      await step.context.sendActivity(notInDangerReply(category, this.services));
    } else {
      await handOff(step.context, this.services, 'urgent', { urgentCategory: category });
    }
    const { byId } = this.services.knowledge.current().knowledge;
    const articles = alsoAsked.flatMap((id) => byId.get(id) ?? []);
    if (articles.length > 0) await step.context.sendActivity(alsoAskedReply(articles));
    return step.endDialog({ kind: 'handled' } satisfies UrgentCheckResult);
  }
}
