import { runChannelBench } from './channelBench';
import { runKnowledgeBench } from './knowledgeBench';
import { runStartupBench } from './startupBench';
import { runStoreBench } from './storeBench';

/** `npm run bench`: prints figures; nothing here asserts, since these machines are noisy. */
async function main(): Promise<void> {
  const sections: Array<[string, () => Promise<string[]>]> = [
    ['Knowledge base', runKnowledgeBench],
    ['Start-up', runStartupBench],
    ['Embedded store', runStoreBench],
    [
      'Web chat channel at 300 turns/s (targets: p95 <= 50 ms, >= 300 turns/s, no errors)',
      () => runChannelBench({ conversations: 100, seconds: 30, turnsPerSecond: 300 }),
    ],
    ['Web chat channel flat out (capacity)', () => runChannelBench({ conversations: 100, seconds: 15 })],
  ];
  for (const [title, run] of sections) {
    process.stdout.write(`\n== ${title} ==\n`);
    for (const line of await run()) process.stdout.write(`${line}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
