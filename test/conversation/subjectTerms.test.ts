import { subjectTerms } from '../../src/conversation/subjectTerms';
import { shippedKnowledge } from '../support/testBot';

describe('the terms that name subjects', () => {
  test("are the articles' title and keyword terms, not every word of their pages", async () => {
    const { knowledge, search } = (await shippedKnowledge()).current();
    const terms = subjectTerms(knowledge, search);
    for (const term of search.terms('parking graffiti allotments')) expect(terms.has(term)).toBe(true);
    for (const term of search.terms('thursday')) expect(terms.has(term)).toBe(false);
    expect(subjectTerms(knowledge, search)).toBe(terms);
  });
});
