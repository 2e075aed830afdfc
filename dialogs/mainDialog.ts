import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  DialogSet,
  type DialogState,
  DialogTurnStatus,
  type FoundChoice,
  ListStyle,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { z } from 'zod';
import { type GeneratedAnswer } from '../src/knowledge/answerQuestion';
import { detectUrgent } from '../src/knowledge/detectUrgent';
import type { Article } from '../src/knowledge/articleSchema';
import { appendTurns, type ConversationData, conversationDataSchema } from './conversationData';
import type { ConversationServices } from './conversationServices';
import { botMessage } from './councilBotMeta';
import { detectInterruption, type Interruption } from './detectInterruption';
import { InterruptibleDialog } from './interruptibleDialog';
import { answerReply } from './replies/answerReply';
import { declinedReply } from './replies/declinedReply';
import {
  cancelledReply,
  contactReply,
  helpReply,
  restartedReply,
  unsupportedReply,
} from './replies/interruptionReplies';
import { noMatchReply } from './replies/noMatchReply';
import { smallTalkReply } from './replies/smallTalkReply';
import { urgentReply } from './replies/urgentReply';

export const MAIN_DIALOG = 'mainDialog';
const ANSWER_FLOW = 'answerFlow';
const CLARIFY_PROMPT = 'clarifyPrompt';
const NONE_OF_THESE = 'None of these';

const clarifyValuesSchema = z.object({ articleIds: z.array(z.string()) });

interface AnswerFlowOptions {
  text?: string;
}

/**
 * Answers one message: emergencies first, then commands, small talk and the knowledge base. When two or three
 * articles are equally likely it asks which one, offering them as buttons; anything else typed instead is taken
 * as a new question.
 */
export class MainDialog extends InterruptibleDialog {
  constructor(
    services: ConversationServices,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
  ) {
    super(MAIN_DIALOG, services);
    this.addDialog(new ChoicePrompt(CLARIFY_PROMPT, async () => true));
    this.addDialog(new WaterfallDialog(ANSWER_FLOW, [this.routeStep.bind(this), this.clarifiedStep.bind(this)]));
    this.initialDialogId = ANSWER_FLOW;
  }

  /** Runs this dialog for one turn: continues what is under way, or starts answering the new message. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private async routeStep(step: WaterfallStepContext<AnswerFlowOptions>) {
    const text = step.options.text ?? step.context.activity.text ?? '';
    if (text.trim() === '') {
      await step.context.sendActivity(unsupportedReply());
      return step.endDialog();
    }
    const interruption = detectUrgent(text) ? undefined : detectInterruption(text);
    if (interruption) {
      await this.handleTopLevelInterruption(step.context, interruption);
      return step.endDialog();
    }
    const { history } = conversationDataSchema.parse((await this.conversationData.get(step.context)) ?? {});
    const { outcome, remember } = await this.services.answering.answer(text, { history });
    if (remember.length > 0)
      await this.updateData(step.context, (c) => ({ history: appendTurns(c.history, remember) }));
    switch (outcome.kind) {
      case 'urgent':
        await this.updateData(step.context, { noMatchStreak: 0 });
        await step.context.sendActivity(urgentReply(outcome.category, this.services));
        return step.endDialog();
      case 'smallTalk':
        await step.context.sendActivity(smallTalkReply(outcome.smallTalk, this.services));
        return step.endDialog();
      case 'declined':
        await step.context.sendActivity(declinedReply(this.services));
        return step.endDialog();
      case 'answer':
        await this.sendAnswer(step.context, outcome.article, outcome.generated);
        return step.endDialog();
      case 'noMatch': {
        const data = await this.updateData(step.context, (current) => ({ noMatchStreak: current.noMatchStreak + 1 }));
        await step.context.sendActivity(noMatchReply(data.noMatchStreak, outcome.candidates, this.services));
        return step.endDialog();
      }
      case 'clarify': {
        Object.assign(step.values, { articleIds: outcome.articles.map((article) => article.id) });
        const titles = outcome.articles.map((article) => article.title);
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
    const choice: FoundChoice | undefined = step.result;
    const values = clarifyValuesSchema.safeParse(step.values);
    const articleIds = values.success ? values.data.articleIds : [];
    if (!choice) return step.replaceDialog(ANSWER_FLOW, { text: step.context.activity.text ?? '' });
    const article = this.services.knowledge.current().knowledge.byId.get(articleIds[choice.index] ?? '');
    if (article) {
      await this.sendAnswer(step.context, article);
      const chosen = this.services.answering.rememberChoice(article);
      if (chosen.length > 0) await this.updateData(step.context, (c) => ({ history: appendTurns(c.history, chosen) }));
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

  private async sendAnswer(context: TurnContext, article: Article, generated?: GeneratedAnswer): Promise<void> {
    await this.updateData(context, { noMatchStreak: 0, lastArticleId: article.id });
    const { knowledge } = this.services.knowledge.current();
    const related = article.related.flatMap((id) => knowledge.byId.get(id)?.title ?? []);
    await context.sendActivity(answerReply(article, knowledge.profile, related, generated));
  }

  private async handleTopLevelInterruption(context: TurnContext, interruption: Interruption): Promise<void> {
    if (interruption === 'help') await context.sendActivity(helpReply(this.services));
    else if (interruption === 'cancel') await context.sendActivity(cancelledReply(false));
    else if (interruption === 'startOver') await context.sendActivity(restartedReply());
    else await context.sendActivity(contactReply(this.services));
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
