import type { Config } from '../config/config';
import { startOpen311 } from '../open311/startOpen311';

type StartInput = Parameters<typeof startOpen311>[0];
type Started = Awaited<ReturnType<typeof startOpen311>>;

/**
 * The back office over Open311 when `OPEN311_ENDPOINT` is set (undefined otherwise): its service codes are checked
 * against `services.json` before anything is taken, and a code it does not list is a start-up problem.
 */
export async function connectOpen311(
  config: Config,
  parts: Omit<StartInput, 'settings' | 'pollSeconds' | 'knowledgeDir'>,
): Promise<Started | undefined> {
  if (!config.OPEN311_ENDPOINT) return undefined;
  return startOpen311({
    ...parts,
    settings: {
      endpoint: config.OPEN311_ENDPOINT,
      apiKey: config.OPEN311_API_KEY,
      jurisdictionId: config.OPEN311_JURISDICTION_ID,
    },
    pollSeconds: config.OPEN311_POLL_SECONDS,
    knowledgeDir: config.KNOWLEDGE_DIR,
  });
}
