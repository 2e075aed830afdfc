import { buttonsOf, createTestBot, metaOf } from '../support/testBot';

describe('residents write as they talk', () => {
  test('a national service the council does not run is signposted, not answered from an article', async () => {
    const { adapter } = await createTestBot();
    await adapter.send('how do i get a new passport for my son').assertReply((reply) => {
      expect(metaOf(reply)).toMatchObject({ action: 'signpost', signpostId: 'passports' });
      expect(metaOf(reply).articleId).toBeUndefined();
      expect(reply.text).toMatch(/not something the council handles/);
      expect(reply.text).toMatch(/Passport Office/);
      expect(reply.text).toContain('https://www.gov.uk/');
      expect(buttonsOf(reply)).toContain('Talk to a person');
    });
  });

  test('anything else out of scope still gets the honest no-match with the phone number', async () => {
    const { adapter } = await createTestBot();
    // Not a request to write something (a recipe, a poem), which is declined as unrelated: a question elsewhere.
    await adapter.send('what time does the big supermarket on the ring road close tonight').assertReply((reply) => {
      expect(metaOf(reply).action).toBe('noMatch');
      expect(reply.text).toMatch(/01632 960000/);
    });
  });

  test('a message with two needs is answered for one, and the other is a button that answers it', async () => {
    const { adapter, services } = await createTestBot();
    const needs = ['household-waste-recycling-centres', 'parking-permits'];
    let offered = '';
    let other = '';
    await adapter.send('when is the recycling centre open, and how do i get a parking permit').assertReply((reply) => {
      const meta = metaOf(reply);
      expect(meta.action).toBe('answer');
      expect([meta.articleId, meta.alsoArticleId].sort()).toEqual(needs);
      expect(reply.text).toMatch(/You also asked about/);
      other = String(meta.alsoArticleId);
      offered = services.knowledge.current().knowledge.byId.get(other)?.title ?? '';
      expect(buttonsOf(reply)).toContain(offered);
    });
    await adapter
      .send(offered)
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'answer', articleId: other }));
  });

  test('a tapped article title naming a request is answered, and the answer offers the form', async () => {
    const { adapter, services } = await createTestBot();
    const title = services.knowledge.current().knowledge.byId.get('missed-bin-collection')?.title ?? '';
    expect(title).toMatch(/^Report/);
    await adapter.send(title).assertReply((reply) => {
      expect(metaOf(reply)).toMatchObject({ action: 'answer', articleId: 'missed-bin-collection' });
      expect(buttonsOf(reply)).toContain('Report it now');
    });
  });

  test('a request beside another need is answered, not turned into a form that loses the question', async () => {
    const { adapter } = await createTestBot();
    await adapter
      .send('i want to report dumped rubbish in the alley, and when is the recycling centre open?')
      .assertReply((reply) => {
        const meta = metaOf(reply);
        expect(meta.action).toBe('answer');
        expect([meta.articleId, meta.alsoArticleId]).toContain('household-waste-recycling-centres');
      });
  });

  test('"how much" gets the price: the section under its heading, with the link to the full page', async () => {
    const { adapter } = await createTestBot();
    await adapter.send('how much is garden waste').assertReply((reply) => {
      const meta = metaOf(reply);
      expect(meta).toMatchObject({ action: 'answer', articleId: 'garden-waste' });
      expect(meta.section).toMatch(/^Cost/);
      expect(reply.text).toMatch(/\*\*Cost \(2026 to 2027\)\*\*/);
      expect(reply.text).toMatch(/£52/);
      expect(reply.text).toContain('(https://www.eastmere.example/');
    });
  });

  test('a worried resident is acknowledged in one short sentence before the answer', async () => {
    const { adapter } = await createTestBot();
    await adapter
      .send("I'm so worried, our landlord has given us notice to leave in two months, what help is there")
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'answer', articleId: 'homelessness' });
        expect(reply.text?.split('\n\n')[0]).toMatch(/^I'm sorry/);
      });
  });
});
