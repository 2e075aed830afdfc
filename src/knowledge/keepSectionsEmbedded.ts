import type { Logger } from 'pino';
import type { KnowledgeService } from './knowledgeService';
import type { SectionIndex } from './sectionIndex';

/**
 * Embeds the knowledge base's sections now, again after every reload (only changed sections reach the model), and
 * retries every `retryMs` while some are missing because the model was unavailable. Returns the function that stops.
 */
export function keepSectionsEmbedded(
  knowledge: KnowledgeService,
  index: SectionIndex,
  logger: Logger,
  retryMs = 60_000,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const refresh = () => {
    clearTimeout(timer);
    if (stopped) return;
    index.refresh(knowledge.current().knowledge).then(
      (result) => {
        if (!stopped && result.missing > 0) timer = setTimeout(refresh, retryMs).unref();
      },
      (error: unknown) => logger.error({ err: error }, 'embedding knowledge sections failed'),
    );
  };
  knowledge.onReload(refresh);
  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
    index.close();
  };
}
