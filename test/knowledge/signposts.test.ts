import { answerQuestion } from '../../src/knowledge/answerQuestion';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { TempKnowledge } from '../support/tempKnowledge';
import { shippedKnowledge } from '../support/testBot';

async function ask(text: string) {
  const { knowledge, search } = (await shippedKnowledge()).current();
  return answerQuestion(text, knowledge, search);
}

describe('the signpost directory (knowledge/signposts.yaml)', () => {
  test('the shipped directory loads, with https links for every body', async () => {
    const { knowledge } = (await shippedKnowledge()).current();
    expect(knowledge.signposts.length).toBeGreaterThanOrEqual(12);
    for (const signpost of knowledge.signposts) expect(signpost.url).toMatch(/^https:\/\//);
  });

  test('a broken entry is reported with the file and the field, and a missing file is allowed', async () => {
    const kb = new TempKnowledge({ copyArticles: true });
    try {
      kb.write('signposts.yaml', 'signposts:\n  - id: Bad Id\n    name: X\n    says: short\n    url: http://x\n    phrases: []\n');
      const broken = await loadKnowledgeBase(kb.dir);
      expect(broken.ok).toBe(false);
      if (!broken.ok) {
        expect(broken.problems.every((problem) => problem.file === 'signposts.yaml')).toBe(true);
        expect(broken.problems.map((problem) => problem.problem).join('\n')).toMatch(/0\.id|0\.url|0\.phrases/);
      }
    } finally {
      kb.remove();
    }
    const bare = new TempKnowledge({ copyArticles: false });
    try {
      bare.write(
        'parks/allotments.md',
        '---\ntitle: Allotments\nsummary: Rent an allotment plot from the council; plots cost £40 a year and there is a waiting list for most sites.\nquestions: [allotment, rent a plot, allotment waiting list]\nurl: https://www.eastmere.example/allotments\nservice: Parks\nlastReviewed: 2026-10-01\n---\nAllotments are let by the parks team. Apply online and we will add you to the waiting list for the site you choose.\n',
      );
      const loaded = await loadKnowledgeBase(bare.dir);
      expect(loaded.ok).toBe(true);
      if (loaded.ok) expect(loaded.knowledge.signposts).toEqual([]);
    } finally {
      bare.remove();
    }
  });

  test.each([
    ['how do i renew my passport', 'passports'],
    ['need to tax the car before friday', 'vehicle-tax'],
    ['my universal credit payment is late', 'universal-credit'],
    ['how do i register with a new gp', 'nhs'],
    ['who do i pay my tv licence to', 'tv-licensing'],
    ['paid a parking fine to Leeds City Council by mistake', 'other-councils'],
    ['the gp surgery keeps saying there are no appointments', 'nhs'],
    ['my doctors surgery will not see me', 'nhs'],
  ])('"%s" is signposted to %s', async (text, id) => {
    const outcome = await ask(text);
    expect(outcome.kind).toBe('signpost');
    if (outcome.kind === 'signpost') expect(outcome.signpost.id).toBe(id);
  });

  test('a phrase right after "council" is the council\'s own: a council tax refund is not for HMRC', async () => {
    expect((await ask('how do i claim a council tax refund')).kind).not.toBe('signpost');
  });

  test.each([
    ['i get universal credit now, can i have council tax support', 'housing-benefit-council-tax-support'],
    ['renewing my taxi driver licence before it runs out', 'taxi-licensing'],
  ])('a council matter that mentions a national service ("%s") is still answered from the article', async (text, id) => {
    const outcome = await ask(text);
    expect(outcome.kind).toBe('answer');
    if (outcome.kind === 'answer') expect(outcome.article.id).toBe(id);
  });
});
