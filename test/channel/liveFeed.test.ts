import { LiveFeed } from '../../src/channel/directline/liveFeed';

describe('LiveFeed', () => {
  test('a stream that connects after unsaved activities were sent is given them; typing indicators are not kept', () => {
    let now = 0;
    const feed = new LiveFeed({ now: () => now });
    feed.publish('c1', { kind: 'ephemeral', json: '"typing"' });
    feed.publish('c1', { kind: 'unsaved', json: '"hello"' });
    feed.publish('c2', { kind: 'unsaved', json: '"other"' });
    const seen: string[] = [];
    feed.subscribe('c1', (event) => seen.push(`${event.kind}:${'json' in event ? event.json : ''}`));
    feed.publish('c1', { kind: 'unsaved', json: '"answer"' });
    expect(seen).toEqual(['unsaved:"hello"', 'unsaved:"answer"']);

    now += 11 * 60_000;
    const later: string[] = [];
    feed.subscribe('c1', (event) => later.push(event.kind));
    expect(later).toEqual([]);
  });
});

test('an activity stored where no stream of this process follows the conversation is reported, for other instances', () => {
  const unheard: string[] = [];
  const feed = new LiveFeed({ onUnheard: (conversationId) => unheard.push(conversationId) });
  const kinds: string[] = [];
  feed.subscribe('followed', (event) => kinds.push(event.kind));
  feed.publish('followed', { kind: 'stored', seq: 1, json: '{}' });
  feed.publish('elsewhere', { kind: 'stored', seq: 1, json: '{}' });
  feed.publish('elsewhere', { kind: 'ephemeral', json: '{}' });
  feed.nudge('followed');
  feed.nudge('elsewhere');
  expect(unheard).toEqual(['elsewhere']);
  expect(kinds).toEqual(['stored', 'nudge']);
});
