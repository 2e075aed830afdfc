import { CachedValue } from '../../src/web/cachedValue';

describe('a cached value', () => {
  test('is computed once per period, shared by callers at the same time, and again once it expires', async () => {
    let now = 0;
    let computed = 0;
    const cached = new CachedValue(
      async () => ++computed,
      1000,
      () => new Date(now),
    );
    await expect(Promise.all([cached.get(), cached.get()])).resolves.toEqual([1, 1]);
    now = 999;
    await expect(cached.get()).resolves.toBe(1);
    now = 1000;
    await expect(cached.get()).resolves.toBe(2);
    expect(computed).toBe(2);
  });

  test('a failure is not kept', async () => {
    let fail = true;
    const cached = new CachedValue(
      async () => {
        if (fail) throw new Error('store unavailable');
        return 'figures';
      },
      60_000,
      () => new Date(0),
    );
    await expect(cached.get()).rejects.toThrow('store unavailable');
    fail = false;
    await expect(cached.get()).resolves.toBe('figures');
  });
});
