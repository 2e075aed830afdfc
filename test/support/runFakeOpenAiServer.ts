import { FakeOpenAiServer } from './fakeOpenAiServer';

/**
 * The tests' local OpenAI-compatible server, run on its own so `kb eval` and `kb ask` can be measured with a
 * language model configured and nothing leaving the machine:
 *
 *   npm run --silent fake-openai &        # prints OPENAI_BASE_URL=http://127.0.0.1:<port>/v1
 *   OPENAI_API_KEY=test OPENAI_BASE_URL=... npm run kb -- eval ../shared/eval/guardrails-dev.tsv
 *
 * It answers as the tests' default careful model (the check before answering finds nothing to decline, so the
 * figures with it are the deterministic routing's plus the plumbing), and prints how many answer-writing prompts it
 * received when stopped.
 */
async function main(): Promise<void> {
  const server = await FakeOpenAiServer.start();
  process.stdout.write(`OPENAI_BASE_URL=${server.baseUrl}\n`);
  const stop = async () => {
    process.stderr.write(
      `fake-openai: ${server.chatRequests('check').length} checks, ${server.chatRequests('answer').length} answer prompts, ` +
        `${server.chatRequests('rewrite').length} rewrites\n`,
    );
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
