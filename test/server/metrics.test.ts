import { startChannelHarness } from '../support/directLineHarness';
import { eventually } from '../support/eventually';

jest.setTimeout(30_000);

describe('Prometheus metrics and the analytics events behind the figures', () => {
  test('turns, replies by action and the queue are counted; events hold codes, never words', async () => {
    const harness = await startChannelHarness({ env: { METRICS_TOKEN: 'a-metrics-token-of-16-chars' } });
    try {
      const { token, conversationId } = await harness.webchatToken();
      const client = await harness.connect({ token, webSocket: true });
      await client.say('green bin subscription');
      await client.botReplies(2);
      await client.say('how tall is mount everest');
      await client.botReplies(3);
      client.end();

      expect((await fetch(`${harness.url}/metrics`)).status).toBe(401);
      const scrape = () =>
        fetch(`${harness.url}/metrics`, { headers: { authorization: 'Bearer a-metrics-token-of-16-chars' } });
      const response = await scrape();
      expect(response.headers.get('content-type')).toMatch(/text\/plain/);
      // A turn is counted when it ends, just after its last reply is sent: give the second turn time to end.
      let text = await response.text();
      await eventually(
        async () => {
          if (/councilbot_turns_total\{channel="directline",type="message"\} 2/.test(text)) return true;
          text = await (await scrape()).text();
          return false;
        },
        { what: 'the second turn counted', everyMs: 100 },
      );
      expect(text).toMatch(/councilbot_turns_total\{channel="directline",type="message"\} 2/);
      expect(text).toMatch(/councilbot_replies_total\{action="answer"\} 1/);
      expect(text).toMatch(/councilbot_replies_total\{action="noMatch"\} 1/);
      expect(text).toMatch(/councilbot_turn_duration_seconds_bucket/);
      expect(text).toMatch(/councilbot_handoff_queue_length 0/);
      expect(text).toMatch(/councilbot_process_resident_memory_bytes/);

      const events = await harness.app.repositories.analytics.list(new Date(0), new Date(Date.now() + 60_000));
      const mine = events.filter((event) => event.conversationId === conversationId);
      expect(mine.map((event) => `${event.kind}:${event.action ?? ''}`).sort()).toEqual([
        'message:',
        'message:',
        'reply:answer',
        'reply:noMatch',
        'reply:welcome',
      ]);
      expect(mine.find((event) => event.action === 'answer')).toMatchObject({
        articleId: 'garden-waste',
        channel: 'directline',
      });
      expect(JSON.stringify(events)).not.toMatch(/green bin|everest/);
    } finally {
      await harness.close();
    }
  });
});
