import type { Logger } from 'pino';
import type { ConversationTopic } from '../conversation/conversationTopic';
import { MAX_TOPIC_WORDS } from '../conversation/conversationTopic';
import { contextOverridesModel } from '../conversation/contextOverridesModel';
import { knownWords } from '../conversation/knownWords';
import { readInContext, topicAfter } from '../conversation/readInContext';
import {
  type AnswerOutcome,
  answerQuestion,
  type GeneratedAnswer,
  knownWord,
  screenedOutcome,
} from '../knowledge/answerQuestion';
import type { Article } from '../knowledge/articleSchema';
import type { ArticleSearch } from '../knowledge/articleSearch';
import { decideHybrid, HYBRID, type HybridTuning } from '../knowledge/decideHybrid';
import { checkAnswerGuardrails } from '../guardrails/checkAnswerGuardrails';
import { screenMessage } from '../guardrails/screenMessage';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { KnowledgeSource } from '../knowledge/knowledgeService';
import type { SectionIndex, SemanticMatch } from '../knowledge/sectionIndex';
import { checkGroundedAnswer } from '../llm/checkGroundedAnswer';
import type { ConversationTurn, LanguageModel } from '../llm/languageModel';
import type { LlmFallbackReason, LlmUsageRecorder } from '../llm/llmUsage';
import { redactPersonalData } from '../privacy/redactPersonalData';
import { answerSections } from './answerSections';
import { describeTurn } from './describeTurn';

/** What the conversation knows when a message arrives. */
export interface AnswerContext {
  /** The conversation's recent turns, already redacted (see `dialogs/conversationData.ts`). */
  history?: readonly ConversationTurn[];
  /** What the conversation is about (see `src/conversation/conversationTopic.ts`), for reading follow-ups. */
  topic?: ConversationTopic;
}

export interface AnsweredQuestion {
  outcome: AnswerOutcome;
  /**
   * What to remember of this turn for follow-up questions: the resident's question (redacted, standalone) and what
   * the bot gave. Empty without a language model, which cannot use it: nothing is kept that is not needed.
   */
  remember: ConversationTurn[];
  /** What the conversation is about after this message (undefined after an emergency); the dialog keeps it. */
  topic: ConversationTopic | undefined;
}

/** How dialogs, `kb ask` and `kb eval` get an answer: one decision for all three. */
export interface QuestionAnswering {
  answer(text: string, context?: AnswerContext): Promise<AnsweredQuestion>;
  /** What to remember when the resident picks an article from a clarification. */
  rememberChoice(article: Article): ConversationTurn[];
}

export interface AnsweringServiceOptions {
  logger: Logger;
  /** The language model, when one is configured; without it the answer is `answerQuestion`'s, exactly. */
  model?: LanguageModel;
  /** Section vectors for hybrid retrieval (needs `model`). */
  sectionIndex?: SectionIndex;
  usage?: LlmUsageRecorder;
  /** The most a turn may spend waiting for the model, all calls together; then the deterministic answer is given. */
  turnBudgetMs?: number;
  hybrid?: HybridTuning;
  now?: () => number;
}

type Deterministic = Extract<AnswerOutcome, { kind: 'answer' | 'clarify' | 'noMatch' }>;

/**
 * Answers a resident's message. Without a language model: `answerQuestion` (the routing step, then the lexical
 * search). With one, in this order: the same routing step (`screenMessage`: emergencies, messages to decline, other
 * languages, small talk), all deterministic; then the redacted message is checked by the model, which can only add
 * a decline; then a follow-up is rewritten as a standalone question
 * using the recent turns, articles are found by words and by meaning (hybrid retrieval), the decision is made as
 * without a model, and for an answer the model writes a short reply from the retrieved sections only. A reply
 * citing anything not retrieved, or making a claim the sections do not support, or advice the council must not
 * give, is discarded for the deterministic answer; so is everything when the model is slow, down or unusable.
 */
export class AnsweringService implements QuestionAnswering {
  private readonly turnBudgetMs: number;
  private readonly now: () => number;

  constructor(
    private readonly knowledge: KnowledgeSource,
    private readonly options: AnsweringServiceOptions,
  ) {
    this.turnBudgetMs = options.turnBudgetMs ?? 4000;
    this.now = options.now ?? Date.now;
  }

  async answer(text: string, context: AnswerContext = {}): Promise<AnsweredQuestion> {
    const { knowledge, search } = this.knowledge.current();
    const model = this.options.model;
    if (!model) {
      const read = readInContext(text, context.topic, knowledge, search);
      return { outcome: read.outcome, remember: [], topic: read.topic };
    }
    const started = this.now();
    const modelAnswered = await this.answerWithModel(model, text, context.history ?? [], knowledge, search);
    const read = context.topic ? readInContext(text, context.topic, knowledge, search) : undefined;
    const answered =
      read && contextOverridesModel(modelAnswered.outcome, read, context.topic)
        ? { ...read, remember: [...modelAnswered.remember.slice(0, 1), assistantTurn(read.outcome)] }
        : { ...modelAnswered, topic: modelTopic(modelAnswered.outcome, text, context.topic, search) };
    this.options.logger.info(
      {
        outcome: answered.outcome.kind,
        generated: answered.outcome.kind === 'answer' && answered.outcome.generated !== undefined,
        ms: Math.round(this.now() - started),
      },
      'answered with language model',
    );
    return { outcome: answered.outcome, remember: answered.remember, topic: answered.topic };
  }

  rememberChoice(article: Article): ConversationTurn[] {
    if (!this.options.model) return [];
    return [
      { role: 'resident', text: article.title },
      { role: 'assistant', text: describeTurn({ kind: 'answer', article, candidates: [] }) },
    ];
  }

  private async answerWithModel(
    model: LanguageModel,
    text: string,
    history: readonly ConversationTurn[],
    knowledge: KnowledgeBase,
    search: ArticleSearch,
  ): Promise<Omit<AnsweredQuestion, 'topic'>> {
    const screened = screenMessage(text, knowledge, knownWord(search));
    if (screened?.kind === 'declined') {
      this.options.logger.info({ declined: screened.reason, via: screened.via }, 'message declined');
    }
    if (screened) return { outcome: screenedOutcome(screened, text, search), remember: [] };
    const deadline = this.now() + this.turnBudgetMs;
    const redacted = redactPersonalData(text);
    // The model's reading may add a decline the routing missed; it runs before, never instead of, the answer prompt.
    const checked = await model.checkMessage(
      { message: redacted.text, councilName: knowledge.profile.name },
      { deadline },
    );
    if (checked.ok && checked.verdict !== 'none') {
      this.options.logger.info({ declined: checked.verdict, via: 'model' }, 'message declined');
      return { outcome: { kind: 'declined', reason: checked.verdict, candidates: [] }, remember: [] };
    }
    const lexical = answerQuestion(text, knowledge, search);
    if (lexical.kind === 'signpost') return { outcome: lexical, remember: [] };

    let question = redacted.text;
    // The words search sees are the redacted ones too: personal details only dilute the match.
    let searchText = redacted.text.replace(/\[[a-z ]+\]/g, ' ');
    if (history.length > 0) {
      const rewritten = await model.rewriteQuestion({ question, history }, { deadline });
      if (rewritten.ok && !knowledge.messageGuard.check(rewritten.question)) {
        question = rewritten.question;
        searchText = rewritten.question;
        const urgentInContext = knowledge.urgentDetector.detect(question);
        if (urgentInContext) {
          return {
            outcome: {
              kind: 'urgent',
              category: urgentInContext.category,
              certainty: urgentInContext.certainty,
              candidates: search.search(question),
            },
            remember: [],
          };
        }
      }
    }
    const semantic = await this.semanticMatches(model, knowledge, question, deadline);
    const decided = decideHybrid(search.search(searchText, 10), semantic, knowledge, this.options.hybrid ?? HYBRID);
    if (decided.kind !== 'answer' && decided.kind !== 'clarify' && decided.kind !== 'noMatch') {
      return { outcome: decided, remember: [] };
    }
    const outcome =
      decided.kind !== 'answer'
        ? decided
        : knowledge.messageGuard.isWaryOf(text)
          ? this.wary(decided)
          : await this.generate(model, question, decided, semantic, knowledge, deadline);
    return {
      outcome,
      remember: [
        { role: 'resident', text: question },
        { role: 'assistant', text: describeTurn(outcome) },
      ],
    };
  }

  private async semanticMatches(
    model: LanguageModel,
    knowledge: KnowledgeBase,
    question: string,
    deadline: number,
  ): Promise<SemanticMatch[]> {
    const index = this.options.sectionIndex;
    if (!index?.hasVectors(knowledge)) return [];
    const embedded = await model.embed([question], { deadline });
    const vector = embedded.ok ? embedded.vectors[0] : undefined;
    return vector ? index.search(knowledge, vector) : [];
  }

  /** The model's answer when it passes every check, else the deterministic one. */
  private async generate(
    model: LanguageModel,
    question: string,
    decided: Extract<Deterministic, { kind: 'answer' }>,
    semantic: readonly SemanticMatch[],
    knowledge: KnowledgeBase,
    deadline: number,
  ): Promise<Deterministic> {
    const tuning = this.options.hybrid ?? HYBRID;
    const sections = answerSections(decided, semantic, knowledge, this.options.sectionIndex, tuning.minSimilarity);
    const result = await model.groundedAnswer(
      { question, sections, councilName: knowledge.profile.name },
      { deadline },
    );
    const foundByWords = decided.candidates.some((c) => c.id === decided.article.id && c.coverage > 0);
    if (!result.ok) return this.fallBack(result.reason === 'invalid' ? 'invalidOutput' : 'unavailable', decided);
    if (result.status === 'cannotAnswer') {
      // Found by meaning alone and the model finds no answer in it: say so rather than give a summary off the point.
      return this.fallBack(
        'cannotAnswer',
        foundByWords ? decided : { kind: 'noMatch', candidates: decided.candidates },
      );
    }
    const check = checkGroundedAnswer(result.answer, result.citations, sections);
    if (!check.ok) {
      this.options.logger.info({ problem: check.problem, detail: check.detail }, 'generated answer rejected');
      return this.fallBack(check.problem, decided);
    }
    const guarded = checkAnswerGuardrails(result.answer, {
      councilWebsite: knowledge.profile.website,
      sections,
      articleLinks: knowledge.articles.map((article) => article.url),
    });
    if (!guarded.ok) {
      this.options.logger.info({ guardrail: guarded.guardrail }, 'generated answer failed a guardrail');
      return this.fallBack('failedGuardrail', decided);
    }
    const cited = check.citations.flatMap((id) => knowledge.byId.get(id) ?? []);
    const primary = cited.find((article) => article.id === decided.article.id) ?? cited[0];
    if (!primary) return this.fallBack('unknownCitation', decided);
    const generated: GeneratedAnswer = {
      text: result.answer,
      citations: [primary, ...cited.filter((article) => article !== primary)],
    };
    this.options.usage?.recordGenerated();
    return { ...decided, article: primary, generated };
  }

  /** A message the routing step is wary of gets the article's own answer: nothing of it reaches the answer prompt. */
  private wary(decided: Deterministic): Deterministic {
    this.options.logger.info({ fallback: 'wary' }, 'answered with the article text: the routing step was wary');
    return this.fallBack('wary', decided);
  }

  private fallBack(reason: LlmFallbackReason, outcome: Deterministic): Deterministic {
    this.options.usage?.recordFallback(reason);
    return outcome;
  }
}

function assistantTurn(outcome: AnswerOutcome): ConversationTurn {
  return { role: 'assistant', text: describeTurn(outcome) };
}

/** With a language model the rewrite reads follow-ups; the topic is still kept, for when the model is away. */
function modelTopic(
  outcome: AnswerOutcome,
  text: string,
  previous: ConversationTopic | undefined,
  search: ArticleSearch,
): ConversationTopic | undefined {
  if (outcome.kind === 'urgent') return undefined;
  if (outcome.kind !== 'answer' && outcome.kind !== 'clarify' && outcome.kind !== 'noMatch') return previous;
  return topicAfter(outcome, knownWords(text, search, MAX_TOPIC_WORDS), previous);
}
