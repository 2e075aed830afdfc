import { type Activity, MemoryStorage, type StoreItems, type TestAdapter } from 'botbuilder';
import { HYBRID } from '../../src/knowledge/decideHybrid';
import { MemoryEmbeddingCache, SectionIndex } from '../../src/knowledge/sectionIndex';
import { FakeOpenAiServer, languageModelFor } from '../support/fakeOpenAiServer';
import { createTestBot, metaOf, shippedKnowledge, silentLogger } from '../support/testBot';

/** Sends each message in turn and returns the `channelData.councilBot` of every reply to each. */
async function converse(adapter: TestAdapter, turns: readonly string[]) {
  const replies: Array<Array<ReturnType<typeof metaOf>>> = [];
  for (const turn of turns) {
    adapter.activeQueue.splice(0);
    await adapter.receiveActivity(turn);
    const sent: Partial<Activity>[] = adapter.activeQueue.splice(0);
    replies.push(sent.filter((activity) => activity.type === 'message').map(metaOf));
  }
  return replies;
}

/** The article the last message was answered from (or the action when it was not an answer). */
async function lastAnswer(turns: readonly string[]): Promise<string> {
  const { adapter } = await createTestBot();
  const replies = await converse(adapter, turns);
  const last = replies[replies.length - 1] ?? [];
  const answer = last.find((meta) => meta.action === 'answer');
  return answer ? String(answer.articleId) : last.map((meta) => meta.action).join(',');
}

describe('a resident carries on a conversation, without a language model', () => {
  test('a follow-up question is about the article just given', async () => {
    expect(await lastAnswer(['can the council take away an old piano', 'what does it cost'])).toBe('bulky-waste');
  });

  test('an ellipsis ("and glass jars?") is read with the question before it', async () => {
    expect(await lastAnswer(['what goes in the blue recycling bin', 'and glass jars?'])).toBe('recycling-guide');
  });

  test('a correction gets another article, and the rejected one is not offered again', async () => {
    const { adapter } = await createTestBot();
    const replies = await converse(adapter, [
      'how do I pay my council tax',
      "no, that's not it, i want to pay it for my shop",
      'how do i pay it',
    ]);
    expect(replies[0]).toContainEqual(expect.objectContaining({ action: 'answer', articleId: 'council-tax-payment' }));
    expect(replies[1]).toContainEqual(expect.objectContaining({ action: 'answer', articleId: 'business-rates' }));
    expect(replies[2]).toContainEqual(expect.objectContaining({ action: 'answer', articleId: 'business-rates' }));
    for (const meta of [...(replies[1] ?? []), ...(replies[2] ?? [])]) {
      expect(meta.articleId).not.toBe('council-tax-payment');
      expect(meta.candidates ?? []).not.toContain('council-tax-payment');
    }
  });

  test('an article picked from a clarification is the topic', async () => {
    const { adapter } = await createTestBot();
    const replies = await converse(adapter, ['parking', 'Resident and visitor parking permits', 'how much is it?']);
    expect(replies[0]?.[0]?.action).toBe('clarify');
    expect(replies[1]).toContainEqual(expect.objectContaining({ action: 'answer', articleId: 'parking-permits' }));
    expect(replies[2]).toContainEqual(expect.objectContaining({ action: 'answer', articleId: 'parking-permits' }));
  });

  test('a request under way is the topic: a follow-up after it is read against its article', async () => {
    const { adapter } = await createTestBot();
    const replies = await converse(adapter, [
      'I need to report a missed bin',
      'cancel',
      'how many days until they come back for it?',
    ]);
    expect(replies[0]?.[0]?.action).toBe('prompt');
    expect(replies[2]).toContainEqual(
      expect.objectContaining({ action: 'answer', articleId: 'missed-bin-collection' }),
    );
  });

  test('a new topic after thanks does not stick to the old one', async () => {
    expect(
      await lastAnswer(['how much is a visitor parking permit', 'ok thanks. what day is the recycling collected']),
    ).toBe('bin-collection-days');
  });

  test('an emergency inside a follow-up is still an emergency', async () => {
    const { adapter, handoff } = await createTestBot();
    const replies = await converse(adapter, [
      "my landlord won't fix my boiler",
      "and now there's a smell of gas in the hall",
    ]);
    expect(replies[0]).toContainEqual(
      expect.objectContaining({ action: 'answer', articleId: 'private-rented-housing' }),
    );
    expect(replies[1]).toContainEqual(
      expect.objectContaining({ action: 'urgent', urgent: true, urgentCategory: 'gas' }),
    );
    expect(handoff.requests.map((request) => request.reason)).toContain('urgent');
  });

  test('the topic is kept in conversation state without the personal details the resident gave', async () => {
    const memory: StoreItems = {};
    const { adapter } = await createTestBot({ storage: new MemoryStorage(memory) });
    const replies = await converse(adapter, [
      'My name is Ottoline Brackenbury, at 7 Quillfeather Close. How do I order a brown bin?',
      'how much is it?',
    ]);
    expect(replies[1]).toContainEqual(expect.objectContaining({ action: 'answer', articleId: 'garden-waste' }));
    const stored = Object.values(memory).map(String).join('\n').toLowerCase();
    expect(stored).toContain('"topic":{"articleid":"garden-waste"');
    expect(stored).not.toMatch(/ottoline|brackenbury|quillfeather/);
  });
});

describe('a resident corrects the bot, with a language model', () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await FakeOpenAiServer.start();
  });
  afterAll(() => server.close());

  test('the article the resident rejected is not given again, even when the rewrite leads back to it', async () => {
    const sectionIndex = new SectionIndex(languageModelFor(server), new MemoryEmbeddingCache(), silentLogger);
    await sectionIndex.refresh((await shippedKnowledge()).current().knowledge);
    const { adapter } = await createTestBot({
      answering: {
        model: languageModelFor(server),
        sectionIndex,
        turnBudgetMs: 3000,
        hybrid: { ...HYBRID, minSimilarity: 0.55 },
      },
    });
    const replies = await converse(adapter, [
      'how do I pay my council tax',
      "no, that's not it, i want to pay it for my shop",
    ]);
    expect(replies[0]).toContainEqual(expect.objectContaining({ action: 'answer', articleId: 'council-tax-payment' }));
    expect(server.chatRequests('rewrite').length).toBeGreaterThan(0);
    expect(replies[1]).toContainEqual(expect.objectContaining({ action: 'answer', articleId: 'business-rates' }));
  });
});
