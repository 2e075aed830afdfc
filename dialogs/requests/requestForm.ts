import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { z } from 'zod';
import { normaliseText } from '../../src/knowledge/textAnalyzer';
import {
  type Answers,
  type FieldDefinition,
  type FieldInput,
  isSkip,
  matchChoice,
} from '../../src/requests/requestFields';
import type { FormDefinition } from '../../src/requests/requestTypes';
import { findPostcode } from '../../src/requests/validation/findPostcode';
import type { ConversationServices } from '../conversationServices';
import { handOff } from '../handOff';
import { phoneLine } from '../replies/contactLine';
import {
  CHANGE_BUTTON,
  changeWhichPrompt,
  CONFIRM_BUTTON,
  fieldPrompt,
  NOTHING_TO_CHANGE_BUTTON,
  summaryPrompt,
} from '../replies/requestReplies';

const answerSchema = z.object({ value: z.string(), display: z.string() }).nullable();

const stepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), fieldId: z.string(), returnToSummary: z.boolean() }),
  z.object({ kind: z.literal('summary') }),
  z.object({ kind: z.literal('changeWhich') }),
]);
type Step = z.infer<typeof stepSchema>;

/** A form in progress, as kept in dialog state (and so in the store): JSON only, re-parsed on every turn. */
const formStateSchema = z.object({
  /** Made when the form starts; with the conversation id it is the submission's idempotency key. */
  instanceId: z.string(),
  answers: z.record(z.string(), answerSchema),
  step: stepSchema,
  /** Bad answers in a row at the current step. */
  invalidStreak: z.number().int().min(0),
});
export type FormState = z.infer<typeof formStateSchema>;

export interface FormOptions {
  /** Answers already known (e.g. a reference typed with "check SR-..."): read like typed answers. */
  prefill?: Record<string, string>;
}

/** What a form does with its answers once they are complete (and confirmed, if it has a summary). */
export type CompleteForm = (dc: DialogContext, answers: Answers, instanceId: string) => Promise<DialogTurnResult>;

const CONFIRM =
  /^(?:y|yes|yeah|yep|yes please|yes send it|send|send it|submit|confirm|correct|ok|okay|thats right|its right|looks good|all good|right)$/;
const CHANGE = /^(?:no|n|nope|change|change something|change it|edit|wrong|thats wrong|its wrong|not right)$/;
const NOTHING = /^(?:nothing|nothing its right|none|back|go back|its right|thats right|no changes?)$/;

/**
 * The engine behind every request dialog: asks a form's questions in order (skipping those that do not apply),
 * reads each answer with the field's zod-backed reader, re-asks with the reason after a bad answer (and offers a
 * person after two in a row), accepts "skip"/"I don't know" for optional questions, then shows a summary where
 * any answer can be changed before the form completes. Everything it remembers is in its dialog state, so a
 * half-finished form carries on after a page reload or a restart.
 */
export class RequestForm extends Dialog<FormOptions> {
  /** A dialog started above the form (the safety check) ends with the current question asked again. */
  readonly asksAgainWhenResumed = true;

  constructor(
    dialogId: string,
    private readonly definition: FormDefinition,
    private readonly services: ConversationServices,
    private readonly complete: CompleteForm,
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, options?: FormOptions): Promise<DialogTurnResult> {
    const state: FormState = { instanceId: randomUUID(), answers: {}, step: { kind: 'summary' }, invalidStreak: 0 };
    for (const field of this.definition.fields) {
      const prefilled = options?.prefill?.[field.id];
      if (prefilled === undefined) continue;
      const outcome = field.read({ text: prefilled, attachments: [] }, this.services.clock());
      if (outcome.kind === 'answered') state.answers[field.id] = { value: outcome.value, display: outcome.display };
    }
    this.save(dc, state);
    return this.advance(dc, state, undefined, false, this.definition.intro);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const state = this.stateOf(dc.activeDialog);
    const input: FieldInput = {
      text: activity.text ?? '',
      conversationId: activity.conversation.id,
      attachments: (activity.attachments ?? []).map((attachment) => ({
        contentType: attachment.contentType,
        contentUrl: attachment.contentUrl,
        name: attachment.name,
      })),
    };
    switch (state.step.kind) {
      case 'field':
        return this.answerField(dc, state, state.step, input);
      case 'summary':
        return this.answerSummary(dc, state, input.text);
      case 'changeWhich':
        return this.answerChangeWhich(dc, state, input.text);
    }
  }

  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.activeDialog) await this.repromptDialog(dc.context, dc.activeDialog);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await context.sendActivity(this.promptFor(this.stateOf(instance)));
  }

  private async answerField(
    dc: DialogContext,
    state: FormState,
    step: Extract<Step, { kind: 'field' }>,
    input: FieldInput,
  ): Promise<DialogTurnResult> {
    const field = this.field(step.fieldId);
    const ahead = field.answersAhead?.(input, this.services.clock());
    if (ahead) {
      state.answers = { ...state.answers, ...ahead };
      state.invalidStreak = 0;
      return step.returnToSummary ? this.advance(dc, state, undefined, true) : this.advance(dc, state, field.id);
    }
    const skipped = input.attachments.length === 0 && isSkip(input.text);
    const outcome =
      skipped && field.optional
        ? ({ kind: 'skipped' } as const)
        : skipped
          ? ({ kind: 'invalid', problem: "I'm afraid I need an answer to this one to pass your request on." } as const)
          : field.read(input, this.services.clock());
    if (outcome.kind === 'invalid') return this.invalid(dc, state, outcome.problem);
    state.answers[field.id] = outcome.kind === 'answered' ? { value: outcome.value, display: outcome.display } : null;
    if (outcome.kind === 'answered') this.takePostcodeFrom(state, field, outcome.value);
    state.invalidStreak = 0;
    if (step.returnToSummary) return this.advance(dc, state, undefined, true);
    return this.advance(dc, state, field.id);
  }

  private async answerSummary(dc: DialogContext, state: FormState, text: string): Promise<DialogTurnResult> {
    const typed = normaliseText(text);
    if (CONFIRM.test(typed) || typed === normaliseText(CONFIRM_BUTTON)) {
      return this.complete(dc, this.applicableAnswers(state.answers), state.instanceId);
    }
    const named = this.fieldNamed(text, state);
    if (named) return this.ask(dc, state, { kind: 'field', fieldId: named.id, returnToSummary: true });
    if (CHANGE.test(typed) || typed === normaliseText(CHANGE_BUTTON)) {
      return this.ask(dc, state, { kind: 'changeWhich' });
    }
    return this.invalid(dc, state, `Please choose **${CONFIRM_BUTTON}** or **${CHANGE_BUTTON}**.`);
  }

  private async answerChangeWhich(dc: DialogContext, state: FormState, text: string): Promise<DialogTurnResult> {
    const typed = normaliseText(text);
    if (NOTHING.test(typed) || typed === normaliseText(NOTHING_TO_CHANGE_BUTTON)) {
      return this.ask(dc, state, { kind: 'summary' });
    }
    const named = this.fieldNamed(text, state);
    if (named) return this.ask(dc, state, { kind: 'field', fieldId: named.id, returnToSummary: true });
    return this.invalid(dc, state, 'Please choose the answer you want to change.');
  }

  /** Moves on: to the next question that applies and is unanswered, then the summary, then completion. */
  private async advance(
    dc: DialogContext,
    state: FormState,
    afterFieldId: string | undefined,
    toSummary = false,
    intro?: string,
  ): Promise<DialogTurnResult> {
    const fields = this.definition.fields;
    const start = afterFieldId === undefined ? 0 : fields.findIndex((field) => field.id === afterFieldId) + 1;
    const next = fields
      .slice(toSummary ? 0 : start)
      .find((field) => this.applies(field, state.answers) && !(field.id in state.answers));
    if (next) return this.ask(dc, state, { kind: 'field', fieldId: next.id, returnToSummary: toSummary }, intro);
    if (this.definition.confirm) return this.ask(dc, state, { kind: 'summary' }, intro);
    return this.complete(dc, this.applicableAnswers(state.answers), state.instanceId);
  }

  private async ask(dc: DialogContext, state: FormState, step: Step, intro?: string): Promise<DialogTurnResult> {
    state.step = step;
    state.invalidStreak = 0;
    this.save(dc, state);
    await dc.context.sendActivity(this.promptFor(state, { intro }));
    return Dialog.EndOfTurn;
  }

  private async invalid(dc: DialogContext, state: FormState, problem: string): Promise<DialogTurnResult> {
    state.invalidStreak++;
    this.save(dc, state);
    if (state.invalidStreak === 2 && this.definition.whenStuck === 'offerAnotherWay') {
      return this.offerAnotherWay(dc, state, problem);
    }
    if (state.invalidStreak === 2) {
      // Stuck twice at one question: a person takes over. The form stays on the stack, so a resident who stops
      // waiting carries on where they were (with the question asked again).
      const start = await handOff(dc.context, this.services, 'repeatedInvalidAnswers');
      if (start.kind !== 'closed') return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(this.promptFor(state, { problem }));
    return Dialog.EndOfTurn;
  }

  /**
   * Stuck twice at a question of a form that is itself the way to a person: a phone number that cannot be read
   * becomes an email address (the answers so far are kept); any other question is asked again with the number to
   * ring instead.
   */
  private async offerAnotherWay(dc: DialogContext, state: FormState, problem: string): Promise<DialogTurnResult> {
    const { profile } = this.services.knowledge.current().knowledge;
    const ring = `If it's easier, you can ${phoneLine(profile, this.services)}.`;
    const step = state.step;
    const emailField = this.definition.fields.find((field) => field.contact === 'email');
    if (step.kind === 'field' && this.field(step.fieldId).contact === 'phone' && emailField) {
      const choice = this.definition.fields.find((field) => field.suggestions.includes('Email'));
      const kept = Object.entries(state.answers).filter(([id]) => id !== step.fieldId);
      state.answers = Object.fromEntries(kept);
      if (choice) state.answers[choice.id] = { value: 'Email', display: 'Email' };
      return this.ask(
        dc,
        state,
        { kind: 'field', fieldId: emailField.id, returnToSummary: step.returnToSummary },
        `${problem}\n\nI still can't read that number, so we can email you instead. ${ring}`,
      );
    }
    state.invalidStreak = 0;
    this.save(dc, state);
    await dc.context.sendActivity(this.promptFor(state, { problem: `${problem} ${ring}` }));
    return Dialog.EndOfTurn;
  }

  /** A postcode written inside another answer (a location, an address) answers the postcode question too. */
  private takePostcodeFrom(state: FormState, answered: FieldDefinition, value: string): void {
    const postcodeField = this.definition.fields.find((field) => field.id === 'postcode');
    if (!postcodeField || answered.id === postcodeField.id || postcodeField.id in state.answers) return;
    const postcode = findPostcode(value);
    if (postcode) state.answers[postcodeField.id] = { value: postcode, display: postcode };
  }

  /** The message for the current step, after the form's intro or what was wrong with the last answer. */
  private promptFor(state: FormState, lead: { intro?: string; problem?: string } = {}) {
    const step = state.step;
    const { problem, intro } = lead;
    if (step.kind === 'summary') return summaryPrompt(this.definition, this.applicableAnswers(state.answers), problem);
    if (step.kind === 'changeWhich') return changeWhichPrompt(this.definition, this.changeableLabels(state), problem);
    const field = this.field(step.kind === 'field' ? step.fieldId : (this.definition.fields[0]?.id ?? ''));
    const current =
      step.kind === 'field' && step.returnToSummary && field.id in state.answers ? state.answers[field.id] : undefined;
    return fieldPrompt(this.definition.id, field, {
      problem,
      intro,
      current: current === undefined ? undefined : (current?.display ?? null),
    });
  }

  private applies(field: FieldDefinition, answers: Answers): boolean {
    return field.askWhen ? field.askWhen(answers) : true;
  }

  /** The answers to the questions that apply now (a changed choice can make an earlier answer irrelevant). */
  private applicableAnswers(answers: Answers): Answers {
    const kept: Record<string, Answers[string]> = {};
    for (const field of this.definition.fields) {
      if (field.id in answers && this.applies(field, answers)) kept[field.id] = answers[field.id] ?? null;
    }
    return kept;
  }

  private changeableLabels(state: FormState): string[] {
    return Object.keys(this.applicableAnswers(state.answers)).map((id) => this.field(id).label);
  }

  /** The answered question a message names ("postcode", "change the postcode", or a label's button). */
  private fieldNamed(text: string, state: FormState): FieldDefinition | undefined {
    const typed = normaliseText(text).replace(/^(?:change|edit|fix) (?:the |my )?/, '');
    const labels = this.changeableLabels(state);
    const label = matchChoice(typed, labels);
    return label ? this.definition.fields.find((field) => field.label === label) : undefined;
  }

  private field(id: string): FieldDefinition {
    const field = this.definition.fields.find((candidate) => candidate.id === id);
    if (!field) throw new Error(`form ${this.definition.id} has no field ${id}`);
    return field;
  }

  private stateOf(instance: DialogInstance | undefined): FormState {
    return formStateSchema.parse(instance?.state);
  }

  private save(dc: DialogContext, state: FormState): void {
    if (dc.activeDialog) dc.activeDialog.state = state;
  }
}
