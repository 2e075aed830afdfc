import type { ConversationTopic } from '../../src/conversation/conversationTopic';
import { contextOverridesModel } from '../../src/conversation/contextOverridesModel';
import type { ContextReading, ContextualAnswer } from '../../src/conversation/readInContext';
import type { AnswerOutcome } from '../../src/knowledge/answerQuestion';
import type { Article } from '../../src/knowledge/articleSchema';
import type { KnowledgeSnapshot } from '../../src/knowledge/knowledgeSnapshot';
import { shippedKnowledge } from '../support/testBot';

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = (await shippedKnowledge()).current();
});

function article(id: string): Article {
  const found = snapshot.knowledge.byId.get(id);
  if (!found) throw new Error(`no article ${id}`);
  return found;
}

function answer(id: string): AnswerOutcome {
  return { kind: 'answer', article: article(id), candidates: [] };
}

function read(id: string, reading: ContextReading): ContextualAnswer {
  return { outcome: answer(id), reading, topic: { articleId: id, words: [], rejected: [] } };
}

const topic: ConversationTopic = { articleId: 'council-tax-payment', words: ['pay', 'council', 'tax'], rejected: [] };

describe('with a language model, when the reading in context stands in for the model', () => {
  test('the model found nothing and the follow-up was found from the topic', () => {
    expect(
      contextOverridesModel({ kind: 'noMatch', candidates: [] }, read('council-tax-payment', 'followUp'), topic),
    ).toBe(true);
  });

  test('the model offered the article the resident has just rejected', () => {
    expect(contextOverridesModel(answer('council-tax-payment'), read('business-rates', 'correction'), topic)).toBe(
      true,
    );
    const clarify: AnswerOutcome = {
      kind: 'clarify',
      articles: [article('council-tax-payment'), article('business-rates')],
      candidates: [],
    };
    expect(contextOverridesModel(clarify, read('business-rates', 'correction'), topic)).toBe(true);
  });

  test('the model answered: its answer stands', () => {
    expect(contextOverridesModel(answer('business-rates'), read('council-tax-payment', 'followUp'), topic)).toBe(false);
  });

  test('a message read on its own or as a new topic never overrides the model', () => {
    const nothing: AnswerOutcome = { kind: 'noMatch', candidates: [] };
    expect(contextOverridesModel(nothing, read('garden-waste', 'standalone'), topic)).toBe(false);
    expect(contextOverridesModel(nothing, read('garden-waste', 'newTopic'), topic)).toBe(false);
  });

  test('an emergency is never overridden', () => {
    const urgent: AnswerOutcome = { kind: 'urgent', category: 'gas', certainty: 'sure', candidates: [] };
    expect(contextOverridesModel(urgent, read('council-tax-payment', 'followUp'), topic)).toBe(false);
  });
});
