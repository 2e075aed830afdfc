import { runChannelBench } from './channelBench';
import { runKnowledgeBench } from './knowledgeBench';
import { runReportsBench } from './reportsBench';
import { runSoakBench, soakOptionsFrom } from './soakBench';
import { runStartupBench } from './startupBench';
import { runStoreBench } from './storeBench';

const soak = soakOptionsFrom(process.env);

/** The sections of `npm run bench`, by the name that runs one alone (`npm run bench -- soak`). */
const SECTIONS: Array<{ name: string; title: string; run: () => Promise<string[]> }> = [
  { name: 'knowledge', title: 'Knowledge base', run: runKnowledgeBench },
  { name: 'startup', title: 'Start-up', run: runStartupBench },
  { name: 'store', title: 'Embedded store', run: runStoreBench },
  { name: 'reports', title: 'Reports over 100,000 analytics events (embedded store)', run: runReportsBench },
  {
    name: 'channel',
    title: 'Web chat channel at 300 turns/s (targets: p95 <= 50 ms, >= 300 turns/s, no errors)',
    run: () => runChannelBench({ conversations: 100, seconds: 30, turnsPerSecond: 300 }),
  },
  {
    name: 'capacity',
    title: 'Web chat channel flat out (capacity)',
    run: () => runChannelBench({ conversations: 100, seconds: 15 }),
  },
  {
    name: 'soak',
    title: `Load and soak: ${soak.conversations} residents for ${soak.seconds} s (targets: no errors, p95 <= 100 ms, RSS growth < 10%)`,
    run: () => runSoakBench(soak),
  },
];

/** `npm run bench [-- section ...]`: prints figures; nothing here asserts, since these machines are noisy. */
async function main(): Promise<void> {
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  }
  for (const section of SECTIONS) {
    if (chosen.length > 0 && !chosen.includes(section.name)) continue;
    process.stdout.write(`\n== ${section.title} ==\n`);
    for (const line of await section.run()) process.stdout.write(`${line}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
