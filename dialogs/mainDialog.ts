import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  type DialogContext,
  DialogSet,
  type DialogState,
  DialogTurnStatus,
  type FoundChoice,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { z } from 'zod';
import { callbackWindowOf } from '../src/contactCentre/callbackWindow';
import type { EscalationReason } from '../src/handoff/handoffDesk';
import type { GeneratedAnswer } from '../src/knowledge/answerQuestion';
import type { Article } from '../src/knowledge/articleSchema';
import { endOfDueDay } from '../src/requests/requestDesk';
import { appendTurns, type ConversationData, conversationDataSchema } from './conversationData';
import type { ConversationServices } from './conversationServices';
import { botMessage } from './councilBotMeta';
import type { Interruption } from './detectInterruption';
import { handOff } from './handOff';
import { InterruptibleDialog } from './interruptibleDialog';
import { type AnswerExtras, answerReply } from './replies/answerReply';
import { declinedReply, notEnglishReply } from './replies/declinedReply';
import { cancelledReply, helpReply, restartedReply, unsupportedReply } from './replies/interruptionReplies';
import { noMatchReply } from './replies/noMatchReply';
import { signpostReply } from './replies/signpostReply';
import { smallTalkReply } from './replies/smallTalkReply';
import { alsoAskedReply } from './replies/alsoAskedReply';
import { urgentReply } from './replies/urgentReply';
import { routinePartOf } from './routinePartOf';
import { clearsLastAnswer, routeMessage } from './routeMessage';
import { REQUEST_FLOW, type RequestFlowOptions, startRequest } from './startRequest';
import { answeredDoubleTap, buttonLabel, recordFeedback, wantsCallback } from './routeHandlers';
import {
  URGENT_CHECK_DIALOG,
  type UrgentCheckOptions,
  UrgentCheckDialog,
  type UrgentCheckResult,
} from './urgentCheckDialog';
import { CheckRequestDialog } from './requests/checkRequestDialog';
import { createRequestDialogs } from './requests/requestDialogs';
import { SATISFACTION_DIALOG, type SatisfactionResult, SatisfactionDialog } from './satisfactionDialog';
import { whileHandedOff } from './whileHandedOff';
import { createPlaceDialogs, placeArticleId, type PlaceDialogResult, placeDialogId } from './places/placeDialogs';

export const MAIN_DIALOG = 'mainDialog';
const ANSWER_FLOW = 'answerFlow';
/** Bin days or councillors for the resident's address (`dialogs/places`). */
const PLACE_FLOW = 'placeFlow';
const placeFlowOptionsSchema = z.object({ dialogId: z.string(), postcode: z.string().optional() });
const URGENT_CHECK_FLOW = 'urgentCheckFlow';
const CLARIFY_PROMPT = 'clarifyPrompt';
const NONE_OF_THESE = 'None of these';

const clarifyValuesSchema = z.object({ articleIds: z.array(z.string()), questionId: z.string().default('') });
const answerFlowOptionsSchema = z.object({ text: z.string().optional(), surveySessionId: z.string().optional() });
type AnswerFlowOptions = z.infer<typeof answerFlowOptionsSchema>;

/** What a request dialog ends with (`RequestDialogResult`) once the request is stored. */
const requestResultSchema = z.object({ reference: z.string(), requestType: z.string() });

/**
 * Answers one message: emergencies first, then commands, service requests ("report fly-tipping", "check my
 * request"), small talk and the knowledge base. When two or three articles are equally likely it asks which one,
 * offering them as buttons; anything else typed instead is taken as a new question. An emergency gets its numbers
 * first (or, when the safety check is not sure, one question: "Is anyone in danger right now?"), then a person as a
 * priority, then anything routine the same message asked; a conversation that raised a concern is never handed over
 * as an ordinary one. It hands the conversation to a person when the resident asks, after two misses in a row, for
 * emergencies, for topics a person must handle and when the resident is frustrated; while a person has the
 * conversation it stays quiet.
 */
export class MainDialog extends InterruptibleDialog {
  constructor(
    services: ConversationServices,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
  ) {
    super(MAIN_DIALOG, services);
    this.addDialog(new ChoicePrompt(CLARIFY_PROMPT, async () => true));
    this.addDialog(new SatisfactionDialog(services));
    this.addDialog(
      new WaterfallDialog(ANSWER_FLOW, [
        this.routeStep.bind(this),
        this.clarifiedStep.bind(this),
        this.afterSurveyStep.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(REQUEST_FLOW, [this.startRequestStep.bind(this), this.requestEndedStep.bind(this)]),
    );
    for (const dialog of Object.values(createRequestDialogs(services))) this.addDialog(dialog);
    this.addDialog(new CheckRequestDialog(services, conversationData));
    for (const dialog of createPlaceDialogs(services)) this.addDialog(dialog);
    this.addDialog(
      new WaterfallDialog(PLACE_FLOW, [
        (step) => {
          const { dialogId, postcode } = placeFlowOptionsSchema.parse(step.options);
          return step.beginDialog(dialogId, { postcode });
        },
        this.afterPlaceStep.bind(this),
      ]),
    );
    this.addDialog(new UrgentCheckDialog(services));
    this.addDialog(
      new WaterfallDialog(URGENT_CHECK_FLOW, [
        (step) => step.beginDialog(URGENT_CHECK_DIALOG, step.options),
        this.afterUrgentCheckStep.bind(this),
      ]),
    );
    this.initialDialogId = ANSWER_FLOW;
  }

  /** The check "Is anyone in danger right now?" reads yes, no and "talk to a person" itself. */
  protected override readsInterruptionsItself(innerDc: DialogContext): boolean {
    return innerDc.activeDialog?.id === URGENT_CHECK_DIALOG;
  }

  /** Runs this dialog for one turn: relays to a person who has the conversation, or carries on, or starts anew. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const conversationId = context.activity.conversation.id;
    const live = await this.services.handoff.live(conversationId);
    const choseCallback = live?.state === 'queued' && wantsCallback(context.activity.text ?? '');
    if (choseCallback) await this.services.handoff.leaveQueue(conversationId, 'choseCallback');
    else if (live) {
      await whileHandedOff(context, live, this.services, this.conversationData);
      return;
    }
    const dc = await this.dialogContext(context, dialogState);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /** After a CSA ends the chat (a proactive turn): whatever was under way is dropped and the resident is asked to rate. */
  async beginSurvey(
    context: TurnContext,
    dialogState: StatePropertyAccessor<DialogState>,
    sessionId: string,
  ): Promise<void> {
    const dc = await this.dialogContext(context, dialogState);
    await dc.cancelAllDialogs();
    await dc.beginDialog(this.id, { surveySessionId: sessionId } satisfies AnswerFlowOptions);
  }

  private async dialogContext(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>) {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    return dialogSet.createContext(context);
  }

  /** Routes the message (`routeMessage`, a pure decision) and hands it to the handler for its route. */
  private async routeStep(step: WaterfallStepContext<AnswerFlowOptions>) {
    const options = answerFlowOptionsSchema.parse(step.options ?? {});
    const text = options.text ?? step.context.activity.text ?? '';
    const data = await this.updateData(step.context, {});
    const route = routeMessage(text, {
      surveySessionId: options.surveySessionId,
      data,
      knowledge: this.services.knowledge.current().knowledge,
      now: this.services.clock(),
    });
    if (clearsLastAnswer(route) && data.lastAnswer) await this.updateData(step.context, { lastAnswer: undefined });
    switch (route.kind) {
      case 'survey':
        return step.beginDialog(SATISFACTION_DIALOG, { sessionId: route.sessionId });
      case 'empty':
        await step.context.sendActivity(unsupportedReply());
        return step.endDialog();
      case 'interruption':
        await this.handleTopLevelInterruption(step.context, route.interruption);
        return step.endDialog();
      case 'feedback':
        await recordFeedback(step.context, this.services, route);
        return step.endDialog();
      case 'frustration':
        await this.updateData(step.context, { noMatchStreak: 0 });
        await this.handOffHere(step.context, 'frustration');
        return step.endDialog();
      case 'request':
        return startRequest(step, this.services, (change) => this.updateData(step.context, change), route.intent);
      case 'place':
        // Its own flow: a new question asked instead of an address comes back to be answered, read against the
        // journey's article ("and the recycling?" after a bin-day question).
        await this.updateData(step.context, {
          topic: { articleId: placeArticleId(route.place), words: [], rejected: [] },
        });
        return step.replaceDialog(PLACE_FLOW, { dialogId: placeDialogId(route.place), postcode: route.place.postcode });
      case 'doubleTap':
        if (await answeredDoubleTap(step.context, this.services, route.reference)) return step.endDialog();
        return this.answerStep(step, text);
      case 'answer':
        return this.answerStep(step, text);
    }
  }

  /** The answering service's outcome for the message, each kind with its reply. */
  private async answerStep(step: WaterfallStepContext<AnswerFlowOptions>, text: string) {
    const { history, topic } = conversationDataSchema.parse((await this.conversationData.get(step.context)) ?? {});
    const { outcome, remember, topic: nextTopic } = await this.services.answering.answer(text, { history, topic });
    await this.updateData(step.context, (c) => ({ history: appendTurns(c.history, remember), topic: nextTopic }));
    if (outcome.kind === 'answer' || outcome.kind === 'noMatch' || outcome.kind === 'clarify') {
      await this.updateData(step.context, { lastQuestionId: step.context.activity.id });
    }
    switch (outcome.kind) {
      case 'urgent': {
        await this.updateData(step.context, { noMatchStreak: 0, flagged: outcome.category });
        const alsoAsked = routinePartOf(text, outcome.candidates, this.services.knowledge.current());
        if (outcome.certainty === 'check') {
          const options: UrgentCheckOptions = {
            category: outcome.category,
            alsoAsked: alsoAsked.map((article) => article.id),
          };
          return step.replaceDialog(URGENT_CHECK_FLOW, options);
        }
        await step.context.sendActivity(urgentReply(outcome.category, this.services));
        await handOff(step.context, this.services, 'urgent', { urgentCategory: outcome.category, numbersShown: true });
        if (alsoAsked.length > 0) await step.context.sendActivity(alsoAskedReply(alsoAsked));
        return step.endDialog();
      }
      case 'smallTalk':
        await step.context.sendActivity(smallTalkReply(outcome.smallTalk, this.services));
        return step.endDialog();
      case 'declined':
        await step.context.sendActivity(declinedReply(outcome.reason, this.services));
        return step.endDialog();
      case 'notEnglish':
        await step.context.sendActivity(notEnglishReply(this.services));
        return step.endDialog();
      case 'signpost':
        await this.updateData(step.context, { noMatchStreak: 0 });
        await step.context.sendActivity(signpostReply(outcome.signpost));
        return step.endDialog();
      case 'answer':
        await this.sendAnswer(step.context, outcome.article, step.context.activity.id ?? '', outcome.generated, {
          section: outcome.section,
          upset: outcome.upset,
          also: outcome.also,
        });
        return step.endDialog();
      case 'noMatch': {
        await this.services.feedback.questionUnanswered({
          conversationId: step.context.activity.conversation.id,
          question: text,
          closestArticleId: outcome.candidates[0]?.id,
        });
        const data = await this.updateData(step.context, (current) => ({ noMatchStreak: current.noMatchStreak + 1 }));
        if (data.noMatchStreak >= 2) {
          await this.updateData(step.context, { noMatchStreak: 0 });
          await this.handOffHere(step.context, 'botFailedTwice');
        } else {
          await step.context.sendActivity(noMatchReply(data.noMatchStreak, outcome.candidates, this.services));
        }
        return step.endDialog();
      }
      case 'clarify': {
        Object.assign(step.values, {
          articleIds: outcome.articles.map((article) => article.id),
          questionId: step.context.activity.id ?? '',
        });
        const titles = outcome.articles.map(buttonLabel);
        const prompt = botMessage('I can help with a few things like that. Which one do you mean?', {
          action: 'clarify',
          candidates: outcome.articles.map((article) => article.id),
        });
        return step.prompt(CLARIFY_PROMPT, {
          prompt,
          choices: [...titles, NONE_OF_THESE],
          style: ListStyle.suggestedAction,
        });
      }
    }
  }

  private async clarifiedStep(step: WaterfallStepContext<AnswerFlowOptions>) {
    if (answerFlowOptionsSchema.parse(step.options ?? {}).surveySessionId) return step.next(step.result);
    const choice: FoundChoice | undefined = step.result;
    const values = clarifyValuesSchema.safeParse(step.values);
    const articleIds = values.success ? values.data.articleIds : [];
    if (!choice) return step.replaceDialog(ANSWER_FLOW, { text: step.context.activity.text ?? '' });
    const article = this.services.knowledge.current().knowledge.byId.get(articleIds[choice.index] ?? '');
    if (article) {
      await this.sendAnswer(step.context, article, values.success ? values.data.questionId : '');
      const chosen = this.services.answering.rememberChoice(article);
      await this.updateData(step.context, (c) => ({
        history: appendTurns(c.history, chosen),
        // The words kept are the clarified question's, unless the topic was already an article (then they are its).
        topic: {
          articleId: article.id,
          words: c.topic?.articleId === undefined ? (c.topic?.words ?? []) : [],
          rejected: c.topic?.rejected ?? [],
        },
      }));
    } else {
      await step.context.sendActivity(
        botMessage('OK. Please tell me a little more about what you need, in your own words.', {
          action: 'noMatch',
          noMatchStreak: 0,
          candidates: [],
        }),
      );
    }
    return step.endDialog();
  }

  private async startRequestStep(step: WaterfallStepContext<RequestFlowOptions>) {
    return step.beginDialog(step.options.dialogId, { prefill: step.options.prefill });
  }

  /**
   * Remembers a submitted request, so a double tap on "Yes, send it" is answered with its reference. A callback
   * closes any wait for a person and carries the conversation's brief to whoever calls back.
   */
  private async requestEndedStep(step: WaterfallStepContext<RequestFlowOptions>) {
    const result = requestResultSchema.safeParse(step.result);
    if (result.success) {
      const { reference, requestType } = result.data;
      await this.updateData(step.context, { lastSubmission: { reference, at: this.services.clock().toISOString() } });
      if (requestType === 'callback') {
        const request = await this.services.requests.findByReference(reference);
        const { profile } = this.services.knowledge.current().knowledge;
        const window = request && callbackWindowOf(request, this.services.contactCentre.hours(profile));
        const promisedBy = window?.end ?? endOfDueDay(request?.responseDueBy);
        await this.services.handoff.callbackBooked(step.context.activity.conversation.id, reference, promisedBy);
      }
    }
    return step.endDialog();
  }

  /** A survey answered with something other than a rating: that was a new question, so answer it. */
  private async afterSurveyStep(step: WaterfallStepContext<AnswerFlowOptions>) {
    const result: SatisfactionResult | undefined = step.result;
    if (result && !result.rated && result.text.trim() !== '') {
      return step.replaceDialog(ANSWER_FLOW, { text: result.text } satisfies AnswerFlowOptions);
    }
    return step.endDialog();
  }

  private async sendAnswer(
    context: TurnContext,
    article: Article,
    questionId: string,
    generated?: GeneratedAnswer,
    extras?: AnswerExtras,
  ): Promise<void> {
    await this.updateData(context, {
      noMatchStreak: 0,
      lastArticleId: article.id,
      lastAnswer: { articleId: article.id, questionId },
    });
    const { knowledge } = this.services.knowledge.current();
    const related = article.related.flatMap((id) => knowledge.byId.get(id)?.title ?? []);
    await context.sendActivity(answerReply(article, knowledge.profile, related, generated, extras));
    if (article.needsPerson) await this.handOffHere(context, 'needsPerson');
  }

  private async handleTopLevelInterruption(context: TurnContext, interruption: Interruption): Promise<void> {
    if (interruption === 'help') await context.sendActivity(helpReply(this.services));
    else if (interruption === 'cancel') await context.sendActivity(cancelledReply(false));
    else if (interruption === 'startOver') await context.sendActivity(restartedReply());
    else await this.handOffHere(context, 'residentAsked');
  }

  /** A handoff for `reason`; in a conversation that raised a concern, always urgent (never a callback alone). */
  private async handOffHere(context: TurnContext, reason: EscalationReason): Promise<void> {
    const { flagged } = await this.updateData(context, {});
    if (flagged) await handOff(context, this.services, 'urgent', { urgentCategory: flagged });
    else await handOff(context, this.services, reason);
  }

  /** Bin days or councillors answered; or the resident asked something else instead of an address: answer it. */
  private async afterPlaceStep(step: WaterfallStepContext) {
    const result = step.result as PlaceDialogResult | undefined;
    if (result?.newMessage)
      return step.replaceDialog(ANSWER_FLOW, { text: result.newMessage } satisfies AnswerFlowOptions);
    return step.endDialog();
  }

  /** The check answered: done; or the resident wrote something else instead, which is read as a new message. */
  private async afterUrgentCheckStep(step: WaterfallStepContext) {
    const result: UrgentCheckResult | undefined = step.result;
    if (result?.kind === 'newMessage' && result.text.trim() !== '') {
      return step.replaceDialog(ANSWER_FLOW, { text: result.text } satisfies AnswerFlowOptions);
    }
    return step.endDialog();
  }

  private async updateData(
    context: TurnContext,
    change: Partial<ConversationData> | ((current: ConversationData) => Partial<ConversationData>),
  ): Promise<ConversationData> {
    const current = conversationDataSchema.parse((await this.conversationData.get(context)) ?? {});
    const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
    await this.conversationData.set(context, next);
    return next;
  }
}
