import type { Audience } from '@core/content/schema.ts';
import type { Db } from '@core/db/database.ts';
import type { SearchEngine } from '../port.ts';
import { learnAskedAs, type LearnOptions } from './asked-as.ts';
import { AskedAsStore } from './store.ts';

/** Uses older than this many half-lives weigh under 1/1000 and are not read at all. */
const horizonHalfLives = 10;

/**
 * Keeps the engine's "asked as" field in step with the portal's use: `restore` gives it what was learned
 * last (at start-up), `refresh` learns again from the analytics and stores the result; `start` refreshes
 * periodically. Never per request: a refresh reads every recent click.
 */
export class AskedAsLearning {
  private readonly store: AskedAsStore;

  constructor(
    db: Db,
    private readonly engine: SearchEngine,
    /** The audience of every published article by id, read once per refresh (drafts and removed articles learn nothing). */
    private readonly audiences: () => ReadonlyMap<string, Audience>,
    private readonly options: LearnOptions,
    private readonly log: (line: string) => void = (line) => console.info(line),
  ) {
    this.store = new AskedAsStore(db);
  }

  async restore(): Promise<number> {
    const learned = this.store.learned();
    await this.engine.setAskedAs(learned);
    return learned.length;
  }

  async refresh(now = new Date()): Promise<number> {
    const since = new Date(now.getTime() - horizonHalfLives * this.options.halfLifeDays * 86_400_000).toISOString();
    const audiences = this.audiences();
    const learned = learnAskedAs(this.store.uses(since), (id) => audiences.get(id), this.options, now);
    this.store.replace(learned);
    await this.engine.setAskedAs(learned);
    return learned.length;
  }

  /** Refreshes every `intervalMs` (and once soon after start); returns the stop function. */
  start(intervalMs: number): () => void {
    let busy = false;
    const run = () => {
      if (busy) return;
      busy = true;
      this.refresh()
        .catch((error: unknown) => this.log(`[search] learning "asked as" failed: ${error instanceof Error ? error.message : error}`))
        .finally(() => {
          busy = false;
        });
    };
    const timer = setInterval(run, intervalMs);
    timer.unref();
    const first = setTimeout(run, Math.min(intervalMs, 5000));
    first.unref();
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }
}
