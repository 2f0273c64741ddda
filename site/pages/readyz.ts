import type { APIRoute } from 'astro';
import { json } from '@core/http/responses.ts';
import { readiness } from '../lib/readiness.ts';

/**
 * What works and what is degraded (disk, database, search, mail), with the causes. A degraded part still
 * serves pages (reads go on when writes fail, complaints wait in the outbox), so the answer is 200; only a
 * database that does not answer at all makes it 503, taking the instance out of a load balancer.
 * /healthz stays a liveness check.
 */
export const GET: APIRoute = async ({ locals }) => {
  const report = await readiness(locals.app);
  return json(report, report.checks.database?.answers === false ? 503 : 200);
};
