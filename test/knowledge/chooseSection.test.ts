import { answerQuestion } from '../../src/knowledge/answerQuestion';
import { shippedKnowledge } from '../support/testBot';

async function ask(text: string) {
  const { knowledge, search } = (await shippedKnowledge()).current();
  return answerQuestion(text, knowledge, search);
}

describe('answering the part that was asked', () => {
  test.each([
    ['how much is garden waste', 'garden-waste', /^Cost/],
    ['what does a bulky collection cost', 'bulky-waste', /^Cost/],
    ['how do i book pest control', 'pest-control', /book/i],
  ])('"%s" gets the section of %s that answers it', async (text, id, heading) => {
    const outcome = await ask(text);
    expect(outcome.kind).toBe('answer');
    if (outcome.kind === 'answer') {
      expect(outcome.article.id).toBe(id);
      expect(outcome.section?.heading).toMatch(heading);
    }
  });

  test('a question about the topic as a whole gets the summary', async () => {
    const outcome = await ask('garden waste collection');
    expect(outcome.kind).toBe('answer');
    if (outcome.kind === 'answer') expect(outcome.section).toBeUndefined();
  });

  test('a message with two needs is answered for one, with the other offered', async () => {
    const outcome = await ask('can i book a bulky waste collection for a sofa, and also how do i order a new recycling bin');
    expect(outcome.kind).toBe('answer');
    if (outcome.kind === 'answer') {
      expect([outcome.article.id, outcome.also?.id].sort()).toEqual(['bulky-waste', 'new-bin-request']);
    }
  });

  test('run-together words, text-speak, names and details do not stop an answer', async () => {
    for (const [text, id] of [
      ['whatsmy binday', 'bin-collection-days'],
      ['counciltax directdebit setup', 'council-tax-payment'],
      ['When do my bins get collected', 'bin-collection-days'],
      ['hi, Tom Price here, 22 Willow Road EM2 5PL, when is my bin day', 'bin-collection-days'],
      ['wot day r the bins 2moro', 'bin-collection-days'],
      ['ppl keep dumpin rubbish in r lane', 'fly-tipping'],
    ]) {
      const outcome = await ask(text ?? '');
      expect(outcome.kind === 'answer' && outcome.article.id).toBe(id);
    }
  });
});
