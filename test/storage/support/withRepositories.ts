import { openRepositories, type Repositories } from '../../../src/storage/repositories/openRepositories';
import { availableHarnesses, type StoreHarness } from './storeHarness';
import { TestClock } from './testClock';

export interface RepositoryContext {
  harness: StoreHarness;
  repositories: Repositories;
  clock: TestClock;
}

/**
 * Runs `body` once per available backend (the embedded store, and MongoDB when `MONGODB_URI` is set), with fresh
 * data and a fresh clock for every test; retention is 90 days.
 */
export function describeWithRepositories(
  title: string,
  body: (context: () => RepositoryContext, backend: string) => void,
): void {
  describe.each(availableHarnesses())(`${title} (%s)`, (backend, openHarness) => {
    let context: RepositoryContext | undefined;
    beforeEach(async () => {
      const harness = await openHarness();
      const clock = new TestClock();
      context = {
        harness,
        clock,
        repositories: await openRepositories(harness.store(), { retentionDays: 90, clock: clock.now }),
      };
    });
    afterEach(async () => {
      await context?.harness.dispose();
      context = undefined;
    });
    body(() => {
      if (!context) throw new Error('repository context used outside a test');
      return context;
    }, backend);
  });
}
