import type { ComplaintCategory } from '@core/content/complaint-categories.ts';
import type { Db } from '@core/db/database.ts';
import { SeededRandom } from '@core/demo/random.ts';
import { locales } from '@core/i18n/locales.ts';
import { ReferenceCounter } from '../complaints/reference.ts';
import type { Channel, Severity } from '../complaints/model.ts';
import type { Routing } from '../routing/routing.ts';

export interface HistoryOptions {
  weeks: number;
  seed: number;
  /** The history ends now (the complaint clock's time). */
  now: Date;
  /** Complaints on an ordinary day; default 35 (about 3,000 over 12 weeks). */
  perDay?: number;
}

export interface HistoryResult {
  complaints: number;
  ratings: number;
  suggestionSessions: number;
}

const dayMs = 86_400_000;

/** How often each product and category turn up on an ordinary day (relative weights). */
const productWeights: Array<[string | null, number]> = [
  ['aquawash', 9], ['frostline', 7], ['sweepbot', 6], ['brewmaster', 6], ['heatpro', 4], ['pureair', 3], ['kestrel-care', 2], ['kestrel-app', 4], [null, 5],
];
const categoryWeights: Array<[ComplaintCategory, number]> = [
  ['product-defect', 30], ['usage-question', 15], ['repair-service', 14], ['delivery', 12], ['billing-payment', 10],
  ['warranty-dispute', 7], ['suggestion', 6], ['staff-conduct', 4], ['privacy', 2],
];
const localeWeights = [50, 15, 10, 10, 15];
const channelWeights: Array<[Channel, number]> = [['web', 70], ['email', 12], ['phone', 12], ['api', 3], ['letter', 1], ['in-person', 2]];

/**
 * What makes the history worth looking at: heating complaints grow towards winter (HeatPro, over the
 * whole period), and a faulty batch of AquaWash door seals makes its defects jump in the last three weeks.
 */
function multiplier(product: string | null, category: ComplaintCategory, weekIndex: number, weeks: number): number {
  let m = 1 + 0.15 * Math.sin((2 * Math.PI * weekIndex) / 12);
  if (product === 'heatpro') m *= 0.6 + (1.8 * weekIndex) / Math.max(1, weeks - 1);
  if (product === 'aquawash' && category === 'product-defect' && weekIndex >= weeks - 3) m *= 3;
  return m;
}

const subjects: Record<ComplaintCategory, string[]> = {
  'product-defect': ['Stopped working after a month', 'Leaks water', 'Makes a loud noise', 'Error code on the display', 'Door seal is broken'],
  'usage-question': ['How do I reset it?', 'Cannot find the eco programme', 'Which detergent should I use?'],
  'repair-service': ['Technician did not come', 'Repair took too long', 'Same fault after the repair'],
  delivery: ['Delivery is late', 'Parcel arrived damaged', 'Installation date was missed'],
  'billing-payment': ['Charged twice', 'Refund has not arrived', 'Wrong amount on the invoice'],
  'warranty-dispute': ['Warranty claim refused', 'Told the fault is my fault'],
  suggestion: ['Please add a quiet mode', 'The app should show energy use'],
  'staff-conduct': ['Rude on the phone', 'Nobody called me back'],
  privacy: ['Delete my data', 'Why do you have my number?'],
};
const severityOf = (c: ComplaintCategory, r: SeededRandom): Severity =>
  c === 'privacy' ? 'high' : r.weighted<Severity>(['low', 'medium', 'high', 'critical'], [20, 55, 20, 5]);
const responseHours: Record<Severity, number> = { low: 48, medium: 24, high: 8, critical: 4 };
const resolutionHours: Record<Severity, number> = { low: 240, medium: 120, high: 72, critical: 24 };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Writes a realistic complaint history straight into the complaint tables (intake would classify,
 * mail and route each one, far too slow for thousands): complaints with teams by the routing rules,
 * deadlines met or missed, resolutions, ratings, and suggestion sessions of the complaint form. Names and
 * addresses are invented (example.com). Deterministic for a seed and an end time.
 */
export function writeComplaintHistory(db: Db, routing: Pick<Routing, 'route'>, options: HistoryOptions): HistoryResult {
  const r = new SeededRandom(options.seed);
  const perDay = options.perDay ?? 35;
  const end = options.now.getTime();
  const start = end - options.weeks * 7 * dayMs;
  const references = new ReferenceCounter(db);
  const insert = db.prepare(`INSERT INTO complaints (reference, created_at, updated_at, locale, channel, status, product, subject, description,
      email, name, consent_at, category, severity, classification, team_id, response_due_at, resolution_due_at, first_response_at, resolved_at)
    VALUES (@reference, @createdAt, @updatedAt, @locale, @channel, @status, @product, @subject, @description, @email, @name, @createdAt,
      @category, @severity, @classification, @teamId, @responseDueAt, @resolutionDueAt, @firstResponseAt, @resolvedAt)`);
  const created = db.prepare("INSERT INTO complaint_events (complaint_id, at, kind, actor, public) VALUES (?, ?, 'created', 'customer', 1)");
  const rate = db.prepare('INSERT INTO complaint_ratings (complaint_id, rated_at, rating, comment, team_id, category) VALUES (?, ?, ?, ?, ?, ?)');
  const session = db.prepare('INSERT OR IGNORE INTO complaint_suggestion_sessions (id, locale, day, shown, opened, submitted) VALUES (?, ?, ?, ?, ?, ?)');
  const result: HistoryResult = { complaints: 0, ratings: 0, suggestionSessions: 0 };
  const products = productWeights.map(([p]) => p);
  const categories = categoryWeights.map(([c]) => c);

  db.transaction(() => {
    for (let dayStart = start; dayStart < end; dayStart += dayMs) {
      const weekIndex = Math.floor((dayStart - start) / (7 * dayMs));
      const weekday = new Date(dayStart).getUTCDay();
      const dayMean = perDay * (weekday === 0 || weekday === 6 ? 0.6 : 1.15);
      const draws = r.poisson(dayMean * 3);
      for (let i = 0; i < draws; i++) {
        const product = r.weighted(products, productWeights.map(([, w]) => w));
        const category = r.weighted(categories, categoryWeights.map(([, w]) => w));
        // Thinning keeps the rises' shape: a complaint survives with its cell's multiplier over the largest one.
        if (!r.chance(multiplier(product, category, weekIndex, options.weeks) / 3.6)) continue;
        const at = Math.min(end - 1, dayStart + r.int(0, dayMs - 1));
        const severity = severityOf(category, r);
        const responseDue = at + responseHours[severity] * 3_600_000;
        const resolutionDue = at + resolutionHours[severity] * 3_600_000;
        const responseAt = at + r.weighted([0.2, 0.6, 1.4], [55, 30, 15]) * responseHours[severity] * 3_600_000 * r.next();
        const resolvedAt = at + (0.3 + r.next() * 1.4) * resolutionHours[severity] * 3_600_000;
        const responded = responseAt < end;
        const resolved = resolvedAt < end && r.chance(0.92);
        const n = result.complaints + 1;
        const values = {
          reference: references.take(new Date(at)),
          createdAt: iso(at),
          updatedAt: iso(resolved ? resolvedAt : responded ? responseAt : at),
          locale: r.weighted(locales, localeWeights),
          channel: r.weighted(channelWeights.map(([c]) => c), channelWeights.map(([, w]) => w)),
          status: resolved ? (resolvedAt < end - 14 * dayMs ? 'closed' : 'resolved') : responded ? 'in-progress' : 'new',
          product,
          subject: r.pick(subjects[category]),
          description: `${r.pick(subjects[category])}. Please call me on +1 555 01${String(n % 100).padStart(2, '0')} 23 or write to customer${n}@example.com.`,
          email: `customer${n}@example.com`,
          name: `Demo Customer ${n}`,
          category,
          severity,
          classification: JSON.stringify({ source: 'rules' }),
          teamId: routing.route({ category, product, severity }).teamId,
          responseDueAt: iso(responseDue),
          resolutionDueAt: iso(resolutionDue),
          firstResponseAt: responded ? iso(responseAt) : null,
          resolvedAt: resolved ? iso(resolvedAt) : null,
        };
        const id = Number(insert.run(values).lastInsertRowid);
        created.run(id, values.createdAt);
        result.complaints++;
        if (resolved && r.chance(0.35)) {
          const late = resolvedAt > resolutionDue;
          const rating = Math.max(1, Math.min(5, Math.round(late ? 2 + r.next() * 2 : 3.3 + r.next() * 2)));
          rate.run(id, iso(Math.min(end - 1, resolvedAt + r.int(1, 72) * 3_600_000)), rating, r.chance(0.3) ? (rating >= 4 ? 'Quick and friendly.' : 'It took far too long.') : null, values.teamId, category);
          result.ratings++;
        }
      }
      const sessions = r.poisson(perDay * 0.9);
      for (let i = 0; i < sessions; i++) {
        const opened = r.chance(0.45) ? r.int(1, 2) : 0;
        const submitted = opened ? (r.chance(0.4) ? 1 : 0) : r.chance(0.8) ? 1 : 0;
        session.run(`demo-${options.seed}-${dayStart}-${i}`, r.weighted(locales, localeWeights), iso(dayStart).slice(0, 10), r.int(1, 5), opened, submitted);
        result.suggestionSessions++;
      }
    }
  })();
  return result;
}
