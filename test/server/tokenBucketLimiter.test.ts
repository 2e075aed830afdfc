import { perMinute, takeAll, TokenBucketLimiter } from '../../src/server/http/tokenBucketLimiter';

describe('token buckets', () => {
  let now = 0;
  const clock = () => new Date(now);

  test('N per minute: N at once, then one every 60/N seconds, with the wait in whole seconds', () => {
    now = 0;
    const limiter = new TokenBucketLimiter(perMinute(6), clock);
    for (let i = 0; i < 6; i++) expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('b')).toEqual({ ok: true });
    now += 10_000;
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  test('peek takes nothing', () => {
    now = 0;
    const limiter = new TokenBucketLimiter(perMinute(1), clock);
    expect(limiter.peek('a')).toEqual({ ok: true });
    expect(limiter.peek('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.peek('a')).toEqual({ ok: false, retryAfterSeconds: 60 });
  });

  test('takeAll takes from every bucket or from none', () => {
    now = 0;
    const conversation = new TokenBucketLimiter(perMinute(3), clock);
    const address = new TokenBucketLimiter(perMinute(2), clock);
    const checks = [
      [conversation, 'one'],
      [address, 'shared'],
    ] as const;
    expect(takeAll(checks)).toEqual({ ok: true });
    expect(takeAll(checks)).toEqual({ ok: true });
    expect(takeAll(checks)).toEqual({ ok: false, retryAfterSeconds: 30 });
    // Refused by the address, the request used nothing of the conversation's three.
    expect(conversation.take('one')).toEqual({ ok: true });
    expect(conversation.take('one')).toMatchObject({ ok: false });
  });

  test('a clock that goes back refills nothing and takes nothing away', () => {
    now = 60_000;
    const limiter = new TokenBucketLimiter(perMinute(2), clock);
    limiter.take('a');
    limiter.take('a');
    now = 0;
    expect(limiter.take('a')).toMatchObject({ ok: false });
  });
});
