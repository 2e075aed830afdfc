import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { ConversationServices } from './conversationServices';
import { botMessage } from './councilBotMeta';
import { InterruptibleDialog } from './interruptibleDialog';

export const SATISFACTION_DIALOG = 'satisfactionDialog';
const RATING_PROMPT = 'ratingPrompt';
const COMMENT_PROMPT = 'ratingCommentPrompt';
const STEPS = 'ratingSteps';
const NO_THANKS = 'No thanks';
const MAX_COMMENT = 1000;

const RATINGS = ['1 (very poor)', '2 (poor)', '3 (OK)', '4 (good)', '5 (very good)'];

const optionsSchema = z.object({ sessionId: z.string() });
const valuesSchema = z.object({ sessionId: z.string(), score: z.number().int().min(1).max(5) });

/** Why the survey ended: rated, or the resident said something else (a new question the main dialog answers). */
export type SatisfactionResult = { rated: true } | { rated: false; text: string };

/**
 * After a CSA ends a chat: how would the resident rate the help they had (1 to 5), and anything to add. A reply that
 * is not a rating ends the survey and is answered as a question, so the resident is never stuck in it.
 */
export class SatisfactionDialog extends InterruptibleDialog {
  constructor(services: ConversationServices) {
    super(SATISFACTION_DIALOG, services);
    this.addDialog(new TextPrompt(RATING_PROMPT));
    this.addDialog(new TextPrompt(COMMENT_PROMPT));
    this.addDialog(
      new WaterfallDialog(STEPS, [this.askRating.bind(this), this.askComment.bind(this), this.record.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async askRating(step: WaterfallStepContext) {
    const { sessionId } = optionsSchema.parse(step.options);
    Object.assign(step.values, { sessionId });
    const prompt = botMessage(
      'How would you rate the help you had today, from 1 (very poor) to 5 (very good)?',
      { action: 'prompt', form: 'satisfaction', field: 'rating', retry: false, optional: false },
      RATINGS,
    );
    return step.prompt(RATING_PROMPT, { prompt });
  }

  private async askComment(step: WaterfallStepContext) {
    const text = typeof step.result === 'string' ? step.result : '';
    const score = ratingOf(text);
    if (score === undefined) return step.endDialog({ rated: false, text } satisfies SatisfactionResult);
    Object.assign(step.values, { score });
    const prompt = botMessage(
      `Thank you. Is there anything you'd like to add about the help you had? Type it, or choose **${NO_THANKS}**.`,
      { action: 'prompt', form: 'satisfaction', field: 'comment', retry: false, optional: true },
      [NO_THANKS],
    );
    return step.prompt(COMMENT_PROMPT, { prompt });
  }

  private async record(step: WaterfallStepContext) {
    const { sessionId, score } = valuesSchema.parse(step.values);
    const text = typeof step.result === 'string' ? step.result.trim() : '';
    const comment = text === '' || /^(?:no|no thanks|nope|nothing|none|n\/a)\.?$/i.test(text) ? undefined : text;
    await this.services.handoff.recordRating(sessionId, score, comment?.slice(0, MAX_COMMENT));
    await step.context.sendActivity(
      botMessage('Thank you for your feedback: it helps us improve. Is there anything else I can help with?', {
        action: 'ratingRecorded',
        score,
      }),
    );
    return step.endDialog({ rated: true } satisfies SatisfactionResult);
  }
}

/** A rating from a reply: "4", "4 (good)", "five", "5 stars". */
export function ratingOf(text: string): number | undefined {
  const words = ['one', 'two', 'three', 'four', 'five'];
  const match = /^\s*([1-5]|one|two|three|four|five)\b(?:\s*(?:\(.*\)|stars?|out of 5|\/5))?\s*$/i.exec(text);
  if (!match?.[1]) return undefined;
  const value = match[1].toLowerCase();
  return /^[1-5]$/.test(value) ? Number(value) : words.indexOf(value) + 1;
}
