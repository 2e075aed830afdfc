import { type FSWatcher, watch } from 'chokidar';
import type { Logger } from 'pino';
import type { KnowledgeProblem } from './knowledgeBase';
import { buildSnapshot, type KnowledgeSnapshot } from './knowledgeSnapshot';
import { loadKnowledgeBase } from './loadKnowledgeBase';

/** Where the conversation reads the knowledge base from: always the last good snapshot. */
export interface KnowledgeSource {
  current(): KnowledgeSnapshot;
}

export type ReloadResult = { ok: true; snapshot: KnowledgeSnapshot } | { ok: false; problems: KnowledgeProblem[] };

/**
 * Holds the current knowledge snapshot and reloads it when an editor saves a file. A broken edit never replaces a
 * good snapshot: residents keep getting the last good answers, and the log names the file and the problem.
 */
export class KnowledgeService implements KnowledgeSource {
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private reloading: Promise<ReloadResult> | undefined;
  private reloadAgain = false;
  private readonly listeners: ((snapshot: KnowledgeSnapshot) => void)[] = [];

  private constructor(
    private readonly dir: string,
    private readonly logger: Logger,
    private snapshot: KnowledgeSnapshot,
  ) {}

  /** Loads the folder; fails with every problem listed when the knowledge base is not valid at start. */
  static async load(
    dir: string,
    logger: Logger,
  ): Promise<{ ok: true; service: KnowledgeService } | { ok: false; problems: KnowledgeProblem[] }> {
    const result = await loadKnowledgeBase(dir);
    if (!result.ok) return { ok: false, problems: result.problems };
    for (const warning of result.warnings)
      logger.warn({ file: warning.file, problem: warning.problem }, 'knowledge warning');
    return { ok: true, service: new KnowledgeService(dir, logger, buildSnapshot(result.knowledge)) };
  }

  current(): KnowledgeSnapshot {
    return this.snapshot;
  }

  /** Calls `listener` with every new snapshot after a successful reload (e.g. to embed the changed sections). */
  onReload(listener: (snapshot: KnowledgeSnapshot) => void): void {
    this.listeners.push(listener);
  }

  /** Reloads now. Concurrent calls share one reload, and a change during a reload triggers one more. */
  reload(): Promise<ReloadResult> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = this.reloadOnce().finally(() => {
      this.reloading = undefined;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        void this.reload();
      }
    });
    return this.reloading;
  }

  /** Watches the folder and reloads shortly after files stop changing. */
  watch(debounceMs = 150): Promise<void> {
    if (this.watcher) return Promise.resolve();
    const watcher = watch(this.dir, { ignoreInitial: true, ignored: (file) => /(^|[/\\])\.[^/\\]/.test(file) });
    this.watcher = watcher;
    watcher.on('all', () => {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => void this.reload(), debounceMs);
    });
    watcher.on('error', (error) => this.logger.error({ err: error }, 'knowledge folder watch failed'));
    return new Promise((resolve) => watcher.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    clearTimeout(this.debounce);
    await this.watcher?.close();
    this.watcher = undefined;
    await this.reloading;
  }

  private async reloadOnce(): Promise<ReloadResult> {
    const started = performance.now();
    const result = await loadKnowledgeBase(this.dir);
    if (!result.ok) {
      for (const problem of result.problems) {
        this.logger.error(
          { file: problem.file, problem: problem.problem },
          'knowledge edit rejected; still serving the last good version',
        );
      }
      return { ok: false, problems: result.problems };
    }
    this.snapshot = buildSnapshot(result.knowledge);
    this.logger.info(
      { articles: result.knowledge.articles.length, ms: Math.round(performance.now() - started) },
      'knowledge base reloaded',
    );
    for (const listener of this.listeners) listener(this.snapshot);
    return { ok: true, snapshot: this.snapshot };
  }
}
