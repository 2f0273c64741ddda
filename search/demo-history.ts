import type { Db } from '@core/db/database.ts';
import { SeededRandom } from '@core/demo/random.ts';
import type { Locale } from '@core/i18n/locales.ts';
import { normalizeQuery } from './analytics.ts';

/** What customers search for, per locale: [query, results it finds, chance a result is opened]. */
const queries: Record<Locale, Array<[string, number, number]>> = {
  en: [['washing machine leaking', 6, 0.7], ['reset wifi', 4, 0.6], ['descale coffee machine', 5, 0.8], ['door seal replacement', 0, 0], ['heat pump noise', 3, 0.2],
    ['refund status', 2, 0.5], ['error e21', 0, 0], ['warranty length', 4, 0.7], ['robot vacuum not charging', 5, 0.6], ['energy label', 3, 0.1]],
  es: [['lavadora pierde agua', 4, 0.6], ['estado del reembolso', 2, 0.4], ['error e21', 0, 0], ['garantía', 3, 0.6]],
  'zh-Hant': [['洗衣機漏水', 3, 0.6], ['咖啡機除垢', 2, 0.7], ['退款', 0, 0]],
  el: [['πλυντήριο διαρροή', 3, 0.5], ['εγγύηση', 2, 0.6]],
  fi: [['pesukone vuotaa', 3, 0.6], ['takuu', 2, 0.6], ['lämpöpumppu ääni', 0, 0]],
};
const localeWeights: Record<Locale, number> = { en: 50, es: 15, 'zh-Hant': 10, el: 10, fi: 15 };

/** Writes `perDay` public searches a day over `weeks` weeks ending at `now`, with clicks on some of them. */
export function writeSearchHistory(db: Db, options: { weeks: number; seed: number; now: Date; perDay?: number }): { searches: number; clicks: number } {
  const r = new SeededRandom(options.seed + 7919);
  const perDay = options.perDay ?? 60;
  const insert = db.prepare("INSERT INTO search_queries (at, locale, query, normalized, results, scope, source) VALUES (?, ?, ?, ?, ?, 'public', 'page')");
  const click = db.prepare('INSERT INTO search_clicks (query_id, article_id, position, at) VALUES (?, ?, ?, ?)');
  const all = Object.keys(queries) as Locale[];
  const end = options.now.getTime();
  const out = { searches: 0, clicks: 0 };
  db.transaction(() => {
    for (let t = end - options.weeks * 7 * 86_400_000; t < end; t += 86_400_000) {
      for (let i = r.poisson(perDay); i > 0; i--) {
        const locale = r.weighted(all, all.map((l) => localeWeights[l]));
        const [query, results, clickChance] = r.pick(queries[locale]);
        const at = new Date(Math.min(end - 1, t + r.int(0, 86_399_999))).toISOString();
        const id = Number(insert.run(at, locale, query, normalizeQuery(query), results).lastInsertRowid);
        out.searches++;
        if (results > 0 && r.chance(clickChance)) {
          click.run(id, `${locale}/demo-article`, r.int(1, Math.min(3, results)), at);
          out.clicks++;
        }
      }
    }
  })();
  return out;
}

/** What a customer types before complaining about a category, per locale (the category's demo query). */
const topicQueries: Record<Locale, Record<string, string>> = {
  en: { 'product-defect': 'heat pump noise', 'billing-payment': 'refund status', delivery: 'order not delivered', 'warranty-dispute': 'warranty length', 'repair-service': 'repair appointment', 'usage-question': 'reset wifi' },
  es: { 'product-defect': 'lavadora pierde agua', 'billing-payment': 'estado del reembolso', delivery: 'pedido no llega', 'warranty-dispute': 'garantía', 'repair-service': 'cita de reparación' },
  'zh-Hant': { 'product-defect': '洗衣機漏水', 'billing-payment': '退款', delivery: '訂單沒送到', 'warranty-dispute': '保固期限' },
  el: { 'product-defect': 'πλυντήριο διαρροή', 'warranty-dispute': 'εγγύηση', delivery: 'παράδοση παραγγελίας' },
  fi: { 'product-defect': 'lämpöpumppu ääni', 'warranty-dispute': 'takuu', 'billing-payment': 'hyvitys', delivery: 'tilaus ei saapunut' },
};

/**
 * For each complaint a customer sent after searching, writes the public search that led to the form,
 * 2 to 40 minutes before it, in the complaint's language and about its category; returns the search ids
 * in the same order (undefined where the category has no demo query in that language).
 */
export function writeSearchesBefore(db: Db, complaints: ReadonlyArray<{ at: string; locale: Locale; category: string | null }>, seed: number): Array<number | undefined> {
  const r = new SeededRandom(seed + 15_485_863);
  const insert = db.prepare("INSERT INTO search_queries (at, locale, query, normalized, results, scope, source) VALUES (?, ?, ?, ?, ?, 'public', 'page')");
  return db.transaction(() =>
    complaints.map((c) => {
      const query = c.category ? topicQueries[c.locale]?.[c.category] : undefined;
      if (!query) return undefined;
      const at = new Date(Date.parse(c.at) - r.int(2, 40) * 60_000).toISOString();
      return Number(insert.run(at, c.locale, query, normalizeQuery(query), r.int(0, 4)).lastInsertRowid);
    }),
  )();
}
