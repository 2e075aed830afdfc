/** One message of the conversation so far, already redacted; the resident's words are never sent as they were. */
export interface ConversationTurn {
  role: 'resident' | 'assistant';
  text: string;
}

/** A part of a knowledge article given to the model as the only material it may answer from. */
export interface SourceSection {
  articleId: string;
  articleTitle: string;
  heading: string;
  text: string;
}

/** Why the model gave nothing usable: expected outcomes (the deterministic answer is given instead). */
export type ModelFailureReason =
  /** The time left for this turn ran out, before or during the call. */
  | 'timeout'
  /** The circuit breaker is open: the model failed repeatedly and is being given time to recover. */
  | 'unavailable'
  /** The provider answered with an error, or could not be reached. */
  | 'error'
  /** The reply did not match the structured output it was asked for. */
  | 'invalid';

export type ModelFailure = { ok: false; reason: ModelFailureReason };

export type RewriteOutcome = { ok: true; question: string } | ModelFailure;

export type GroundedAnswerOutcome =
  | { ok: true; status: 'answered'; answer: string; citations: string[] }
  | { ok: true; status: 'cannotAnswer' }
  | ModelFailure;

/**
 * The model's reading of a message before anything answers it: `none` when it is a question for the council (or
 * small talk), else the reason to decline. It can only add a decline to the deterministic routing, never take one
 * away, and never an emergency flag.
 */
export type MessageCheckOutcome =
  { ok: true; verdict: 'none' | 'injection' | 'dataExfiltration' | 'harmful' | 'offTopicGeneration' } | ModelFailure;

export type EmbedOutcome = { ok: true; vectors: Float32Array[] } | ModelFailure;

export interface ModelCallOptions {
  /** Epoch milliseconds by which the call must have finished (the turn's budget); otherwise `timeoutMs` from now. */
  deadline?: number;
  timeoutMs?: number;
}

export interface GroundedAnswerInput {
  /** The resident's question, redacted and made standalone. */
  question: string;
  sections: readonly SourceSection[];
  councilName: string;
}

/**
 * What the bot asks of a language model. Every method resolves (never rejects) with an outcome, so a slow, broken or
 * misbehaving model always leaves the caller free to give the deterministic answer. Implementations bound every call
 * in time and record token use and latency. Callers send only redacted text.
 */
export interface LanguageModel {
  /** The chat model's name and the embedding model's name, for logs and the embedding cache. */
  readonly chatModel: string;
  readonly embeddingModel: string;

  /** Rewrites a follow-up ("how much is it?") as a standalone question, using the recent turns. */
  rewriteQuestion(
    input: { question: string; history: readonly ConversationTurn[] },
    options?: ModelCallOptions,
  ): Promise<RewriteOutcome>;

  /** A short answer to the question from the given sections only, citing the article ids it used. */
  groundedAnswer(input: GroundedAnswerInput, options?: ModelCallOptions): Promise<GroundedAnswerOutcome>;

  /** Whether a (redacted) message is one to decline; sent before the answer-writing prompt, never instead of it. */
  checkMessage(
    input: { message: string; councilName: string },
    options?: ModelCallOptions,
  ): Promise<MessageCheckOutcome>;

  /** One vector per text, in order. */
  embed(texts: readonly string[], options?: ModelCallOptions): Promise<EmbedOutcome>;
}
