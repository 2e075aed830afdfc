import { redactPersonalData } from '../privacy/redactPersonalData';
import type { Repositories } from '../storage/repositories/openRepositories';
import { readConversationTranscript } from '../storage/repositories/readConversationTranscript';

/** What the conversation reports about how well the knowledge base served a resident. */
export interface FeedbackPort {
  /**
   * "Was this helpful?": yes or no to an answer. A no keeps the question (the resident's message `questionId`, read
   * from the conversation's record) for editors.
   */
  answerRated(rating: {
    conversationId: string;
    articleId: string;
    helpful: boolean;
    questionId: string;
  }): Promise<void>;
  /** The bot had no answer: the question is kept for editors, with the closest article found. */
  questionUnanswered(question: { conversationId: string; question: string; closestArticleId?: string }): Promise<void>;
}

/**
 * Records answers' helpfulness (analytics, for the figures) and the questions the knowledge base did not answer
 * well (for editors' `kb gaps`), with personal data redacted before anything is stored.
 */
export class FeedbackService implements FeedbackPort {
  constructor(
    private readonly repositories: Pick<
      Repositories,
      'analytics' | 'editorQuestions' | 'conversations' | 'transcripts'
    >,
  ) {}

  async answerRated(rating: {
    conversationId: string;
    articleId: string;
    helpful: boolean;
    questionId: string;
  }): Promise<void> {
    await this.repositories.analytics.record({
      kind: 'feedback',
      conversationId: rating.conversationId,
      articleId: rating.articleId,
      helpful: rating.helpful,
    });
    if (!rating.helpful) {
      const question = await this.questionText(rating.conversationId, rating.questionId);
      await this.repositories.editorQuestions.record({
        kind: 'unhelpful',
        question: redactPersonalData(question).text,
        articleId: rating.articleId,
        conversationId: rating.conversationId,
      });
    }
  }

  async questionUnanswered(question: {
    conversationId: string;
    question: string;
    closestArticleId?: string;
  }): Promise<void> {
    await this.repositories.editorQuestions.record({
      kind: 'unanswered',
      question: redactPersonalData(question.question).text,
      articleId: question.closestArticleId,
      conversationId: question.conversationId,
    });
  }

  /** The words of a resident's message, from the conversation's record ('' when it is not there). */
  private async questionText(conversationId: string, activityId: string): Promise<string> {
    if (activityId === '') return '';
    const transcript = await readConversationTranscript(this.repositories, conversationId);
    const message = transcript.find((entry) => entry.activityId === activityId);
    const text = message?.activity.text;
    return typeof text === 'string' ? text : '';
  }
}
