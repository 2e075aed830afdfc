import { LiveFeed } from '../../src/channel/directline/liveFeed';

describe('LiveFeed', () => {
  test('a stream that connects after unsaved activities were sent is given them; typing indicators are not kept', () => {
    let now = 0;
    const feed = new LiveFeed(() => now);
    feed.publish('c1', { kind: 'ephemeral', json: '"typing"' });
    feed.publish('c1', { kind: 'unsaved', json: '"hello"' });
    feed.publish('c2', { kind: 'unsaved', json: '"other"' });
    const seen: string[] = [];
    feed.subscribe('c1', (event) => seen.push(`${event.kind}:${event.json}`));
    feed.publish('c1', { kind: 'unsaved', json: '"answer"' });
    expect(seen).toEqual(['unsaved:"hello"', 'unsaved:"answer"']);

    now += 11 * 60_000;
    const later: string[] = [];
    feed.subscribe('c1', (event) => later.push(event.json));
    expect(later).toEqual([]);
  });
});
