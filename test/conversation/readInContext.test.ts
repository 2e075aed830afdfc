import type { ConversationTopic } from '../../src/conversation/conversationTopic';
import { knownWords } from '../../src/conversation/knownWords';
import { readInContext } from '../../src/conversation/readInContext';
import type { KnowledgeSnapshot } from '../../src/knowledge/knowledgeSnapshot';
import { shippedKnowledge } from '../support/testBot';

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = (await shippedKnowledge()).current();
});

/** A conversation read turn by turn, as the bot keeps its topic between turns. */
function converse(turns: readonly string[]) {
  let topic: ConversationTopic | undefined;
  const read = turns.map((turn) => {
    const answer = readInContext(turn, topic, snapshot.knowledge, snapshot.search);
    topic = answer.topic;
    return answer;
  });
  return { last: read[read.length - 1], topic };
}

function answered(turns: readonly string[]): string | undefined {
  const { last } = converse(turns);
  return last?.outcome.kind === 'answer' ? last.outcome.article.id : last?.outcome.kind;
}

describe('reading a message in its conversation, without a language model', () => {
  test('a first message is read on its own and starts a topic of the knowledge base words only', () => {
    const { last, topic } = converse(['my name is Zebedee Quark, how do I order a brown bin']);
    expect(last?.reading).toBe('standalone');
    expect(topic?.articleId).toBe('garden-waste');
    expect(topic?.words).not.toContain('zebedee');
    expect(topic?.words).not.toContain('quark');
  });

  test('a follow-up with nothing of its own is about the topic', () => {
    expect(answered(['can the council take away an old piano', 'what does it cost'])).toBe('bulky-waste');
  });

  test('an ellipsis is searched with the topic', () => {
    expect(answered(['what goes in the blue recycling bin', 'and glass jars?'])).toBe('recycling-guide');
  });

  test('a correction rejects the last article and it is not offered again', () => {
    const { last, topic } = converse([
      'where do I pay my council tax',
      'no, not council tax, business rates for my cafe',
    ]);
    expect(last?.reading).toBe('correction');
    expect(last?.outcome.kind === 'answer' && last.outcome.article.id).toBe('business-rates');
    expect(topic?.rejected).toContain('council-tax-payment');
  });

  test('a correction the new words do not settle stays near what was asked', () => {
    expect(answered(['which polling station do i go to', "no, i haven't registered yet, how do i register"])).toBe(
      'register-to-vote',
    );
  });

  test('a rejected article is not offered while the conversation stays near it, but can be asked for anew', () => {
    const correcting = ['how do I pay my council tax', "no, that's not it, i want to pay it for my shop"];
    expect(answered([...correcting, 'can i pay it by direct debit'])).toBe('business-rates');
    expect(answered([...correcting, 'ok thanks. and how do I pay my council tax'])).toBe('council-tax-payment');
    const moved = converse([...correcting, 'when is the garden waste collected']);
    expect(moved.topic).toMatchObject({ articleId: 'garden-waste', rejected: [] });
  });

  test('a new subject does not stick to the old topic', () => {
    expect(answered(['how much is a visitor parking permit', 'ok thanks. what day is the recycling collected'])).toBe(
      'bin-collection-days',
    );
  });

  test("a subject's name typed alone, which the topic article does not cover, is a new subject", () => {
    expect(answered(['how do I book a bulky collection', 'dog fouling'])).toBe('dog-fouling-and-litter');
    expect(answered(['can I recycle egg boxes', 'and margarine tubs?'])).toBe('recycling-guide');
  });

  test('a whole new question made of common words does not stick to the old topic', () => {
    expect(
      answered(['what time does the swimming pool open', 'where do i take an old television and broken kettle']),
    ).not.toBe('leisure-centres');
  });

  test('an emergency in a follow-up is still an emergency, and the topic is dropped', () => {
    const { last, topic } = converse([
      'how do i report a gas smell',
      'actually there is a strong smell of gas in my kitchen now',
    ]);
    expect(last?.outcome.kind).toBe('urgent');
    expect(topic).toBeUndefined();
  });

  test('an out-of-scope question after a topic is still not answered from the articles', () => {
    expect(answered(['when is the tip open', 'who will win the snooker final'])).not.toBe(
      'household-waste-recycling-centres',
    );
  });

  test('only words the knowledge base uses are remembered', () => {
    expect(
      knownWords('Hi I am Priya Venkataraman at 14 Acacia Avenue EM3 9XY, my bin is missing', snapshot.search, 12),
    ).toEqual(expect.not.arrayContaining(['priya', 'venkataraman', 'acacia', 'em3', '14']));
  });
});
