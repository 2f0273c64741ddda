import { describe, expect, it } from 'vitest';
import { openDatabase } from '@core/db/database.ts';
import { registry } from '@core/metrics/registry.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { takeComplaint } from '@feedback/intake/intake.ts';
import { SearchAnalytics, searchAnalyticsMigrations } from '@search/analytics.ts';
import { searchArticles } from '@search/service.ts';
import type { SearchEngine } from '@search/port.ts';
import { complaintInput, setup } from './helpers.ts';

/** The value of one series of a metric (a histogram's `_count` too), as /metrics would show it. */
async function value(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = registry.getSingleMetric(name.replace(/_count$/, ''));
  if (!metric) throw new Error(`${name} is not registered`);
  const series = (await metric.get()).values.filter((v) => ((v as { metricName?: string }).metricName ?? name) === name && Object.entries(labels).every(([k, l]) => String(v.labels[k]) === l));
  return series.reduce((sum, v) => sum + v.value, 0);
}

describe('metrics for the scheduler, intake and search', () => {
  it('counts every scheduler job per round, a failing job as a failure without stopping the others, and the last success', async () => {
    const f = setup();
    const before = Date.now() / 1000;
    await f.feedback.tick();
    for (const job of ['escalation', 'digests', 'retention', 'classifier', 'outbox']) {
      expect(await value('kb_scheduler_job_runs_total', { job })).toBe(1);
      expect(await value('kb_scheduler_job_failures_total', { job })).toBe(0);
      expect(await value('kb_scheduler_job_last_success_timestamp_seconds', { job })).toBeGreaterThanOrEqual(before);
      expect(await value('kb_scheduler_job_duration_seconds_count', { job })).toBe(1);
    }
    f.feedback.complaints.escalateOverdue = () => {
      throw new Error('database is locked');
    };
    f.feedback.complaints.submit(complaintInput(), { channel: 'web' });
    const round = await f.feedback.tick();
    expect(round.escalated).toEqual([]);
    expect(round.outbox.sent).toBe(1);
    expect(await value('kb_scheduler_job_failures_total', { job: 'escalation' })).toBe(1);
    expect(await value('kb_scheduler_job_runs_total', { job: 'outbox' })).toBe(2);
    expect(f.logs).toContain('[complaints] scheduler job escalation failed: database is locked');
  });

  it('counts complaints taken and refused, by channel and outcome', async () => {
    const f = setup();
    const { idempotencyKey: _unused, ...input } = complaintInput();
    expect((await takeComplaint(f.feedback, { ...input }, { channel: 'api', clientAddress: '192.0.2.1' })).status).toBe('created');
    expect((await takeComplaint(f.feedback, { ...input, email: 'not an address' }, { channel: 'web', clientAddress: '192.0.2.1' })).status).toBe('invalid');
    expect((await takeComplaint(f.feedback, { ...input, website: 'spam' }, { channel: 'web', clientAddress: '192.0.2.1' })).status).toBe('honeypot');
    expect(await value('kb_complaint_intake_total', { channel: 'api', outcome: 'created' })).toBe(1);
    expect(await value('kb_complaint_intake_total', { channel: 'web', outcome: 'invalid' })).toBe(1);
    expect(await value('kb_complaint_intake_total', { channel: 'web', outcome: 'honeypot' })).toBe(1);
  });

  it('counts complaints staff record, by the channel they came in on', async () => {
    const f = setup();
    const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
    const start = await value('kb_complaint_intake_total', { channel: 'letter', outcome: 'created' });
    const letter = { channel: 'letter', locale: 'fi', product: 'aquawash', subject: 'Kirje vuotavasta koneesta', description: 'Kone vuotaa edelleen, kirjoitan kirjeen.' };
    expect(f.feedback.handling.record(agent, letter).ok).toBe(true);
    expect(f.feedback.handling.record(agent, { ...letter, subject: '' }).ok).toBe(false);
    expect(await value('kb_complaint_intake_total', { channel: 'letter', outcome: 'created' })).toBe(start + 1);
  });

  it('counts searches with and without results, times the engine and counts its failures', async () => {
    const analytics = new SearchAnalytics(openDatabase(':memory:', searchAnalyticsMigrations));
    analytics.recordQuery({ locale: 'en', query: 'leak', results: 3, scope: 'public', source: 'page' });
    analytics.recordQuery({ locale: 'en', query: 'zzz', results: 0, scope: 'public', source: 'instant' });
    expect(await value('kb_search_queries_total', { scope: 'public', source: 'page', found: 'hits' })).toBe(1);
    expect(await value('kb_search_queries_total', { scope: 'public', source: 'instant', found: 'none' })).toBe(1);
    const failing = { search: () => Promise.reject(new Error('index not ready')) } as unknown as SearchEngine;
    await expect(searchArticles(failing, { q: 'leak', locale: 'en', page: 1, limit: 10 }, { kind: 'public' })).rejects.toThrow('index not ready');
    expect(await value('kb_search_failures_total')).toBe(1);
    expect(await value('kb_search_duration_seconds_count')).toBe(1);
    expect(await registry.metrics()).toMatch(/^kb_search_duration_seconds_bucket\{le="0.001"\} \d+$/m);
  });
});
