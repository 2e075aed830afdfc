import { startChannelHarness } from '../support/directLineHarness';
import { metaOf } from '../support/testBot';

jest.setTimeout(30_000);

test('a resident half-way through a dialog carries on after the server restarts', async () => {
  const harness = await startChannelHarness();
  try {
    const { token, conversationId } = await harness.webchatToken();
    const before = await harness.connect({ token, webSocket: true });
    await before.say('parking');
    const [, clarify] = await before.botReplies(2);
    expect(metaOf(clarify ?? {}).action).toBe('clarify');
    const options = clarify?.suggestedActions?.actions ?? [];
    const permits = options.findIndex((action) => /permit/i.test(String(action.title)));
    expect(permits).toBeGreaterThanOrEqual(0);

    const watermark = await before.watermarkCovering(clarify);
    await harness.restart();

    const after = await harness.connect({ token, conversationId, watermark, webSocket: true });
    // "the second one" means nothing to a fresh conversation: only the remembered prompt can answer it.
    await after.say(`number ${permits + 1}`);
    const [answer] = await after.botReplies(1);
    expect(metaOf(answer ?? {})).toMatchObject({ action: 'answer', articleId: 'parking-permits' });
  } finally {
    await harness.close();
  }
});
