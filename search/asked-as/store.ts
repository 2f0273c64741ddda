import type { Db } from '@core/db/database.ts';
import { isLocale } from '@core/i18n/locales.ts';
import type { AskedAs, Use } from './asked-as.ts';

/** The uses learning reads (opened search results with a visitor key) and the phrases it learned. */
export class AskedAsStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      uses: db.prepare(
        `SELECT c.article_id AS articleId, q.locale, q.normalized AS query, c.visitor, c.at, q.scope
         FROM search_clicks c JOIN search_queries q ON q.id = c.query_id
         WHERE c.visitor IS NOT NULL AND c.at >= ? AND q.results > 0`,
      ),
      learned: db.prepare('SELECT article_id AS id, locale, phrase, weight FROM search_asked_as ORDER BY article_id, weight DESC, phrase'),
      clear: db.prepare('DELETE FROM search_asked_as'),
      insert: db.prepare('INSERT INTO search_asked_as (article_id, locale, phrase, weight) VALUES (?, ?, ?, ?)'),
    };
  }

  /** Opened results since `sinceIso`, oldest rows left out because decay has made them weigh next to nothing. */
  *uses(sinceIso: string): Generator<Use> {
    for (const row of this.s.uses.iterate(sinceIso) as Iterable<{ articleId: string; locale: string; query: string; visitor: string; at: string; scope: 'public' | 'staff' }>) {
      if (isLocale(row.locale)) yield { articleId: row.articleId, locale: row.locale, query: row.query, visitor: row.visitor, at: new Date(row.at), scope: row.scope };
    }
  }

  learned(): AskedAs[] {
    const byId = new Map<string, AskedAs>();
    for (const row of this.s.learned.all() as Array<{ id: string; locale: string; phrase: string; weight: number }>) {
      if (!isLocale(row.locale)) continue;
      let entry = byId.get(row.id);
      if (!entry) byId.set(row.id, (entry = { id: row.id, locale: row.locale, phrases: [] }));
      entry.phrases.push({ text: row.phrase, weight: row.weight });
    }
    return [...byId.values()];
  }

  replace(entries: AskedAs[]): void {
    this.db.transaction(() => {
      this.s.clear.run();
      for (const e of entries) for (const p of e.phrases) this.s.insert.run(e.id, e.locale, p.text, p.weight);
    })();
  }
}
