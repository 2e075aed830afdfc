import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { articleText, TempKnowledge } from '../support/tempKnowledge';
import { SHIPPED_KNOWLEDGE } from '../support/testBot';

const REQUIRED_IDS = `bin-collection-days missed-bin-collection new-bin-request garden-waste bulky-waste recycling-guide
household-waste-recycling-centres fly-tipping graffiti dog-fouling-and-litter abandoned-vehicles noise-nuisance
pest-control roads-and-pavements street-lighting council-tax-payment council-tax-bands council-tax-discounts
council-tax-moving-home council-tax-difficulty-paying housing-benefit-council-tax-support business-rates homelessness
housing-register private-rented-housing planning-applications planning-permission-advice building-control
parking-permits parking-fines car-parks taxi-licensing premises-licences food-safety-complaints register-to-vote
polling-stations-and-voting leisure-centres parks-and-play-areas cost-of-living-support contact-us
complaints-and-feedback councillors freedom-of-information data-protection accessibility-and-other-formats
county-council-services`.split(/\s+/);

describe('the shipped knowledge base', () => {
  test('is valid and has exactly the 46 required articles', async () => {
    const result = await loadKnowledgeBase(SHIPPED_KNOWLEDGE);
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.knowledge.articles.map((article) => article.id).sort()).toEqual([...REQUIRED_IDS].sort());
    expect(result.warnings.filter((w) => w.problem.includes('does not exist'))).toEqual([]);
    expect(result.warnings.filter((w) => w.problem.includes('shortTitle'))).toEqual([]);
  });

  test('marks its contact details as examples', async () => {
    const result = await loadKnowledgeBase(SHIPPED_KNOWLEDGE);
    expect(result.ok && result.knowledge.profile.example).toBe(true);
  });
});

describe('front matter validation', () => {
  let kb: TempKnowledge;
  beforeEach(() => {
    kb = new TempKnowledge();
  });
  afterEach(() => kb.remove());

  test('a short title longer than fits on a phone button is refused, naming the limit', async () => {
    kb.write('parks/allotments.md', articleText({ shortTitle: 'Allotments, plots and the waiting list' }));
    const result = await loadKnowledgeBase(kb.dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.problem).toMatch(/shortTitle: must fit on a button on a phone \(at most 30/);
  });

  test('a long title without a short one is a warning', async () => {
    kb.write('parks/allotments.md', articleText({ title: 'Allotments, plots and the allotment waiting list' }));
    const result = await loadKnowledgeBase(kb.dir);
    expect(result.warnings.map((w) => w.problem)).toContain(
      'title is longer than 30 characters: add a shortTitle for buttons on phones',
    );
  });

  test('a valid article loads, with its id taken from its file name', async () => {
    kb.write('parks/allotments.md', articleText());
    const result = await loadKnowledgeBase(kb.dir);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.knowledge.byId.get('allotments')).toMatchObject({ title: 'Allotments', handledBy: 'council' });
  });

  test.each([
    ['a missing title', { title: null }, /title/],
    ['a missing summary', { summary: null }, /summary/],
    ['a too short summary', { summary: 'Too short.' }, /summary: is too short/],
    ['too few example questions', { questions: '[one question]' }, /questions: needs at least 3/],
    ['a bad url', { url: 'www.eastmere.example/x' }, /url/],
    ['a missing owning service', { service: null }, /service/],
    ['a missing review date', { lastReviewed: null }, /lastReviewed/],
    ['an impossible review date', { lastReviewed: '2026-13-45' }, /lastReviewed/],
    ['an unknown field', { colour: 'red' }, /colour/],
    ['an unknown request type', { requestType: 'potholes' }, /requestType/],
    ['an unknown handler', { handledBy: 'parish' }, /handledBy/],
  ])('%s is reported with the file and the field', async (_name, overrides, problem) => {
    kb.write('parks/allotments.md', articleText(overrides));
    const result = await loadKnowledgeBase(kb.dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'parks/allotments.md', problem: expect.stringMatching(problem) }),
      ]),
    );
  });

  test('broken YAML is reported, not thrown', async () => {
    kb.write('a.md', '---\ntitle: [unclosed\n---\nbody');
    const result = await loadKnowledgeBase(kb.dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'a.md', problem: expect.stringMatching(/YAML/) });
  });

  test('an article without front matter or body is reported', async () => {
    kb.write('no-front-matter.md', '# Just a heading\n\nSome text that is long enough to be a body of an article.');
    kb.write('no-body.md', articleText({}, ''));
    const result = await loadKnowledgeBase(kb.dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.file).sort()).toEqual(['no-body.md', 'no-front-matter.md']);
  });

  test('a file name that is not an id, and duplicate ids, are reported', async () => {
    kb.write('Bad Name.md', articleText());
    kb.write('a/allotments.md', articleText());
    kb.write('b/allotments.md', articleText());
    const result = await loadKnowledgeBase(kb.dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'Bad Name.md' }),
        expect.objectContaining({ file: 'b/allotments.md', problem: expect.stringMatching(/same id/) }),
      ]),
    );
  });

  test('a broken council profile is reported with the field', async () => {
    kb.write('allotments.md', articleText());
    kb.write('council.yaml', 'name: Eastmere\n');
    const result = await loadKnowledgeBase(kb.dir);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.some((p) => p.file === 'council.yaml' && /phone/.test(p.problem))).toBe(true);
  });

  test('links to missing articles and overdue reviews are warnings, not errors', async () => {
    kb.write('allotments.md', articleText({ related: '[no-such-article]', lastReviewed: '2020-01-01' }));
    const result = await loadKnowledgeBase(kb.dir, new Date('2026-11-01'));
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.problem)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no-such-article/),
        expect.stringMatching(/review was due on 2021-01-01/),
      ]),
    );
  });
});
