import { ArticleClassifier, type ClassifiedArticle } from '../../src/knowledge/articleClassifier';
import { answerQuestion } from '../../src/knowledge/answerQuestion';
import { shippedKnowledge } from '../support/testBot';

const words = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean);

function article(id: string, questions: string[], body: string): ClassifiedArticle {
  return { id, title: id, summary: '', body, questions, keywords: [] };
}

describe('the learned model of how residents describe problems', () => {
  const classifier = new ArticleClassifier(
    [
      article('pests', ['mice in the kitchen', 'rats in the garden'], 'droppings gnawed scratching in the loft'),
      article('lights', ['street light out', 'lamp not working'], 'dark road lamp post flickering'),
    ],
    words,
  );

  test('finds the article from words spread over its examples and text', () => {
    const [first] = classifier.guess(words('scratching in the loft and droppings'));
    expect(first?.id).toBe('pests');
    expect(first?.probability).toBeGreaterThan(0.9);
  });

  test('says nothing when no word is known, so out-of-scope messages are left to the search', () => {
    expect(classifier.guess(words('passport renewal'))).toEqual([]);
  });

  test('guesses sum to one', () => {
    const total = classifier.guess(words('dark kitchen')).reduce((sum, guess) => sum + guess.probability, 0);
    expect(total).toBeCloseTo(1);
  });
});

describe('described problems and upset residents, from the shipped knowledge base', () => {
  async function ask(text: string) {
    const { knowledge, search } = (await shippedKnowledge()).current();
    return answerQuestion(text, knowledge, search);
  }

  test.each([
    ['the bin lorry drove straight past our house and left ours full', 'missed-bin-collection'],
    ['there is scribble in spray paint all over the wall by the shops', 'graffiti'],
  ])('"%s" is answered from %s', async (text, expected) => {
    const outcome = await ask(text);
    expect(outcome.kind === 'answer' ? outcome.article.id : outcome.kind).toBe(expected);
  });

  test.each([
    'can you recommend a good takeaway?',
    'know any decent electricians round here',
    'so angry, my broadband provider put the price up again',
    'fuming, the courier left my parcel in the rain',
  ])('"%s" is not answered from an article', async (text) => {
    const outcome = await ask(text);
    // Asking for a recommendation may be declined as unrelated advice: either way, no article answers it.
    expect(['noMatch', 'signpost', 'declined']).toContain(outcome.kind);
  });
});
