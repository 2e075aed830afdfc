import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { openRepositories } from '../../src/storage/repositories/openRepositories';
import { buttonsOf, createTestBot, metaOf, silentLogger } from '../support/testBot';

describe('a resident makes a service request through the bot', () => {
  test.each([
    ['report fly tipping', 'fly-tipping', 'location'],
    ["my bin wasn't collected, report it", 'missed-bin', 'postcode'],
    ['I need a replacement bin', 'new-bin', 'bin'],
    ['can someone call me back', 'callback', 'topic'],
  ])('"%s" starts the %s dialog', async (text, form, field) => {
    const { adapter } = await createTestBot();
    await adapter
      .send(text)
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'prompt', form, field }));
  });

  test('a knowledge answer about a reportable problem offers "Report it now", which starts that dialog', async () => {
    const { adapter } = await createTestBot();
    await adapter
      .send('someone has dumped a mattress in our lane')
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'answer', articleId: 'fly-tipping' });
        expect(buttonsOf(reply)[0]).toBe('Report it now');
      })
      .send('Report it now')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'prompt', form: 'fly-tipping' }));
  });

  test('an answer about something that cannot be reported offers no such button', async () => {
    const { adapter } = await createTestBot();
    await adapter
      .send('how do I pay my council tax by direct debit')
      .assertReply((reply) => expect(buttonsOf(reply)).not.toContain('Report it now'));
  });

  test('"I want to report a problem" offers the kinds of request as buttons', async () => {
    const { adapter } = await createTestBot();
    await adapter.send('I want to report a problem').assertReply((reply) => {
      expect(metaOf(reply).action).toBe('requestMenu');
      expect(buttonsOf(reply)).toEqual(expect.arrayContaining(['Report a missed bin', 'Report fly-tipping']));
    });
  });

  test('submit, a double tap on "Yes, send it" gets the same reference, then "check my request" finds it', async () => {
    const { adapter, repositories } = await createTestBot();
    let reference = '';
    await adapter
      .send('report a missed bin')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ field: 'postcode' }))
      .send('EM1 1AA')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ field: 'address' }))
      .send('12 Mill Lane')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ field: 'bin' }))
      .send('Black')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ field: 'collectionDate' }))
      .send('today')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ field: 'binLocation' }))
      .send('skip')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ field: 'email' }))
      .send('skip')
      .assertReply((reply) => expect(metaOf(reply).action).toBe('requestSummary'))
      .send('Yes, send it')
      .assertReply((reply) => {
        reference = String(metaOf(reply).reference);
        expect(metaOf(reply)).toMatchObject({ action: 'requestSubmitted', alreadySubmitted: false });
      })
      .send('Yes, send it')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ reference, alreadySubmitted: true }))
      .send('check my request')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'prompt', field: 'reference' }));
    await adapter
      .send(reference)
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ field: 'proof' }))
      .send('em1 1aa')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'requestStatus', status: 'submitted' }));
    expect(await repositories.requests.listFor({ conversationIds: ['Convo1'] })).toHaveLength(1);
  });

  test('a half-finished request carries on after the process restarts, from the dialog state in the store', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'request-restart-'));
    try {
      const firstStore = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
      const firstRepositories = await openRepositories(firstStore, { retentionDays: 90 });
      const firstBot = await createTestBot({ storage: firstRepositories.botState, repositories: firstRepositories });
      await firstBot.adapter
        .send('report fly tipping')
        .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ field: 'location' }))
        .send('Back lane behind 4 Mill Road')
        .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ field: 'postcode' }));
      await firstStore.close();

      const secondStore = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
      const repositories = await openRepositories(secondStore, { retentionDays: 90 });
      const secondBot = await createTestBot({ storage: repositories.botState, repositories });
      await secondBot.adapter
        .send("I don't know")
        .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ form: 'fly-tipping', field: 'waste' }));
      await secondStore.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
