import { describe, expect, it } from 'vitest';
import type { StaffMember } from '@core/staff/users.ts';
import { writeComplaintHistory } from '@feedback/insights/demo-history.ts';
import type { InsightsQuery } from '@feedback/insights/query.ts';
import { setup, type Fixture } from '../helpers.ts';

const now = '2026-03-02T09:00:00.000Z';

function withHistory(): Fixture & { admin: StaffMember; product: StaffMember } {
  const f = setup({ start: now });
  writeComplaintHistory(f.db, f.feedback.routing, { weeks: 12, seed: 1, now: new Date(now) });
  const add = (role: StaffMember['role'], email: string): StaffMember => {
    const t = new Date().toISOString();
    const id = Number(f.db.prepare('INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(email, role, role, 'x', t, t, t).lastInsertRowid);
    return { id, email, name: role, role };
  };
  return { ...f, admin: add('admin', 'admin@example.com'), product: add('product', 'pm@example.com') };
}

function query(f: Fixture, params: Record<string, string>): InsightsQuery {
  const parsed = f.feedback.insights.parse(params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
}

const asMap = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));

describe('insights numbers equal direct SQL over the same tables (demo history, seed 1)', () => {
  const f = withHistory();
  const adminScope = f.feedback.insights.scope(f.admin)!;
  const q = query(f, { from: '2026-01-05', to: '2026-03-01' });
  const between = ['2026-01-05T00:00:00.000Z', '2026-03-02T00:00:00.000Z'];

  it('the history has a few thousand complaints over 12 weeks, with ratings and suggestion sessions', () => {
    const count = f.db.prepare('SELECT COUNT(*) FROM complaints').pluck().get() as number;
    expect(count).toBeGreaterThan(2000);
    expect(count).toBeLessThan(6000);
    expect(f.db.prepare('SELECT COUNT(*) FROM complaint_ratings').pluck().get()).toBeGreaterThan(200);
  });

  it('counts by category, product and week', () => {
    const byCategory = f.db.prepare("SELECT COALESCE(category, 'none') AS key, COUNT(*) AS count FROM complaints WHERE created_at >= ? AND created_at < ? GROUP BY 1").all(...between) as Array<{ key: string; count: number }>;
    const byProduct = f.db.prepare("SELECT COALESCE(product, 'none') AS key, COUNT(*) AS count FROM complaints WHERE created_at >= ? AND created_at < ? GROUP BY 1").all(...between) as Array<{ key: string; count: number }>;
    const total = f.db.prepare('SELECT COUNT(*) FROM complaints WHERE created_at >= ? AND created_at < ?').pluck().get(...between) as number;
    expect(asMap(f.feedback.insights.rows(adminScope, { ...q, by: 'category' }).rows)).toEqual(asMap(byCategory));
    expect(asMap(f.feedback.insights.rows(adminScope, { ...q, by: 'product' }).rows)).toEqual(asMap(byProduct));
    const weeks = f.feedback.insights.rows(adminScope, { ...q, by: 'week' });
    expect(weeks.total).toBe(total);
    expect(weeks.rows.map((r) => r.key)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']);
    for (const w of weeks.rows) {
      const end = new Date(Date.parse(`${w.key}T00:00:00Z`) + 7 * 86_400_000).toISOString();
      expect(w.count).toBe(f.db.prepare('SELECT COUNT(*) FROM complaints WHERE created_at >= ? AND created_at < ?').pluck().get(`${w.key}T00:00:00.000Z`, end));
    }
  });

  it('applies every filter the way SQL does', () => {
    const filtered = query(f, { from: '2026-01-05', to: '2026-03-01', product: 'aquawash', locale: 'en', channel: 'web', category: 'product-defect' });
    const direct = f.db.prepare("SELECT COUNT(*) FROM complaints WHERE created_at >= ? AND created_at < ? AND product = 'aquawash' AND locale = 'en' AND channel = 'web' AND category = 'product-defect'").pluck().get(...between) as number;
    expect(direct).toBeGreaterThan(0);
    expect(f.feedback.insights.rows(adminScope, { ...filtered, by: 'week' }).total).toBe(direct);
  });

  it('deadline compliance, satisfaction and deflection', () => {
    const report = f.feedback.insights.report(adminScope, q);
    const one = (sql: string, ...args: unknown[]) => f.db.prepare(sql).pluck().get(...between, ...args) as number;
    const inPeriod = 'FROM complaints WHERE created_at >= ? AND created_at < ?';
    expect(report.compliance.responseMet).toBe(one(`SELECT COUNT(*) ${inPeriod} AND first_response_at <= response_due_at`));
    expect(report.compliance.responseMissed).toBe(one(`SELECT COUNT(*) ${inPeriod} AND (first_response_at > response_due_at OR (first_response_at IS NULL AND response_due_at <= ?))`, now));
    expect(report.compliance.resolutionMet).toBe(one(`SELECT COUNT(*) ${inPeriod} AND resolved_at <= resolution_due_at`));
    expect(report.compliance.resolutionMissed).toBe(one(`SELECT COUNT(*) ${inPeriod} AND (resolved_at > resolution_due_at OR (resolved_at IS NULL AND resolution_due_at <= ?))`, now));
    const ratings = f.db.prepare(`SELECT COUNT(*) AS count, AVG(rating) AS average FROM complaint_ratings WHERE complaint_id IN (SELECT id ${inPeriod})`).get(...between) as { count: number; average: number };
    expect(report.satisfaction.count).toBe(ratings.count);
    expect(report.satisfaction.average).toBeCloseTo(ratings.average, 10);
    expect(report.satisfaction.distribution.reduce((a, b) => a + b, 0)).toBe(ratings.count);
    const sessions = f.db.prepare("SELECT COUNT(*) AS sessions, SUM(opened > 0) AS opened, SUM(submitted = 0) AS abandoned FROM complaint_suggestion_sessions WHERE shown > 0 AND day BETWEEN '2026-01-05' AND '2026-03-01'").get() as { sessions: number; opened: number; abandoned: number };
    expect(report.deflection).toMatchObject(sessions);
  });

  it('product people see every complaint about their product lines, whatever team has it, masked', () => {
    const scope = f.feedback.insights.scope(f.product)!;
    expect(scope.masked).toBe(true);
    expect(scope.products).toEqual(['aquawash', 'brewmaster', 'frostline', 'heatpro', 'kestrel-app', 'pureair', 'sweepbot']);
    const rows = asMap(f.feedback.insights.rows(scope, { ...q, by: 'product' }).rows);
    const direct = f.db.prepare("SELECT product AS key, COUNT(*) AS count FROM complaints WHERE created_at >= ? AND created_at < ? AND product IN ('aquawash', 'brewmaster', 'frostline', 'heatpro', 'kestrel-app', 'pureair', 'sweepbot') GROUP BY 1").all(...between) as Array<{ key: string; count: number }>;
    expect(rows).toEqual(asMap(direct));
    const serviceCentre = f.db.prepare("SELECT COUNT(*) FROM complaints WHERE created_at >= ? AND created_at < ? AND product = 'aquawash' AND team_id = 'service-centre'").pluck().get(...between) as number;
    expect(serviceCentre).toBeGreaterThan(0);

    f.feedback.routing.setMembers('rd-laundry', [f.product.id]);
    const laundry = f.feedback.insights.scope(f.product)!;
    expect(laundry.products).toEqual(['aquawash']);
    const laundryRows = f.feedback.insights.rows(laundry, { ...q, by: 'category' });
    expect(laundryRows.total).toBe(f.db.prepare("SELECT COUNT(*) FROM complaints WHERE created_at >= ? AND created_at < ? AND product = 'aquawash'").pluck().get(...between));
    const examples = f.feedback.insights.report(laundry, q).examples;
    expect(examples).toHaveLength(5);
    for (const c of examples) {
      expect(c.product).toBe('aquawash');
      expect(c.email).toMatch(/^c•••@e•••\.com$/);
      expect(c.description).not.toMatch(/customer\d+@example\.com|555/);
    }
    f.feedback.routing.setMembers('rd-laundry', []);
  });

  it('finds the faulty AquaWash batch rising and calls it more than noise; a steady group is not', () => {
    const report = f.feedback.insights.report(adminScope, query(f, {}));
    expect(report.weeks).toHaveLength(12);
    expect(report.recentWeeks).toBe(3);
    expect(report.testedWeeks).toHaveLength(11);
    const aquawash = report.rising.product.find((r) => r.key === 'aquawash');
    expect(aquawash?.significant).toBe(true);
    expect(report.rising.product[0]?.key).toMatch(/aquawash|heatpro/);
    const steady = f.feedback.insights.rows(adminScope, { ...query(f, {}), by: 'product' }).rows.find((r) => r.key === 'sweepbot');
    expect(steady?.rise?.significant).toBe(false);
  });

  it('stays equal to SQL after complaints are reclassified, moved to another product and deleted (the roll-up triggers)', () => {
    const g = withHistory();
    const scope = g.feedback.insights.scope(g.admin)!;
    g.db.prepare("UPDATE complaints SET category = 'delivery' WHERE id % 7 = 0").run();
    g.db.prepare("UPDATE complaints SET product = NULL WHERE id % 11 = 0").run();
    g.db.prepare('DELETE FROM complaints WHERE id % 13 = 0').run();
    for (const by of ['category', 'product'] as const) {
      const direct = g.db.prepare(`SELECT COALESCE(${by}, 'none') AS key, COUNT(*) AS count FROM complaints WHERE created_at >= ? AND created_at < ? GROUP BY 1`).all(...between) as Array<{ key: string; count: number }>;
      expect(asMap(g.feedback.insights.rows(scope, { ...q, by }).rows)).toEqual(asMap(direct));
      const english = g.db.prepare(`SELECT COALESCE(${by}, 'none') AS key, COUNT(*) AS count FROM complaints WHERE created_at >= ? AND created_at < ? AND locale = 'en' GROUP BY 1`).all(...between) as Array<{ key: string; count: number }>;
      expect(asMap(g.feedback.insights.rows(scope, { ...q, by, locale: 'en' }).rows)).toEqual(asMap(english));
    }
  });

  it('refuses a bad period with the field named', () => {
    expect(f.feedback.insights.parse({ from: '2026-02-30' })).toEqual({ ok: false, status: 400, errors: { from: 'Use a day like 2026-03-31.' } });
    expect(f.feedback.insights.parse({ from: '2026-03-01', to: '2026-02-01' })).toMatchObject({ ok: false, errors: { to: 'The period ends before it starts.' } });
    expect(f.feedback.insights.parse({ from: '2020-01-01', to: '2026-01-01' })).toMatchObject({ ok: false, errors: { from: 'Choose a period of at most 731 days.' } });
    expect(f.feedback.insights.parse({ by: 'team' })).toMatchObject({ ok: false, errors: { by: expect.any(String) } });
    expect(f.feedback.insights.parse({ product: '', category: '' })).toMatchObject({ ok: true });
  });
});
