import { conversationDataSchema } from '../../dialogs/conversationData';
import { clearsLastAnswer, routeMessage } from '../../dialogs/routeMessage';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { shippedKnowledge } from '../support/testBot';

let knowledge: KnowledgeBase;
beforeAll(async () => {
  knowledge = (await shippedKnowledge()).current().knowledge;
});

const now = new Date('2026-12-04T12:00:00Z');
const route = (text: string, data: Record<string, unknown> = {}, surveySessionId?: string) =>
  routeMessage(text, { data: conversationDataSchema.parse(data), knowledge, now, surveySessionId });

describe('the main dialog routing, as a pure decision', () => {
  test.each([
    ['', 'empty'],
    ['help', 'interruption'],
    ['talk to a person', 'interruption'],
    ['report fly-tipping', 'request'],
    ['when is my bin day', 'place'],
    ['who is my councillor', 'place'],
    ['what day are the bins collected in Eastmere', 'answer'],
  ])('"%s" -> %s', (text, kind) => {
    expect(route(text).kind).toBe(kind);
  });

  test('a survey to begin comes before anything typed', () => {
    expect(route('help', {}, 'session-1')).toEqual({ kind: 'survey', sessionId: 'session-1' });
  });

  test('an emergency is never an interruption or a request: the answering service puts it first', () => {
    expect(route('help, there is a strong smell of gas in my kitchen').kind).toBe('answer');
  });

  test('"yes" right after an answer is feedback; without an answer it is not', () => {
    const lastAnswer = { articleId: 'garden-waste', questionId: 'q1' };
    expect(route('yes', { lastAnswer })).toEqual({ kind: 'feedback', helpful: true, ...lastAnswer });
    expect(route('yes').kind).not.toBe('feedback');
  });

  test('"Yes, send it" again soon after a submission is a double tap; much later it is not', () => {
    const soon = { lastSubmission: { reference: 'EDC-1', at: '2026-12-04T11:50:00.000Z' } };
    const later = { lastSubmission: { reference: 'EDC-1', at: '2026-12-04T09:00:00.000Z' } };
    expect(route('Yes, send it', soon)).toEqual({ kind: 'doubleTap', reference: 'EDC-1' });
    expect(route('Yes, send it', later).kind).toBe('answer');
  });

  test('"Was this helpful?" passes with anything read after an interruption', () => {
    expect(clearsLastAnswer({ kind: 'answer' })).toBe(true);
    expect(clearsLastAnswer({ kind: 'interruption', interruption: 'help' })).toBe(false);
  });
});
