import { databaseCheck, diskCheck, searchCheck, type CheckResult } from '@core/health/checks.ts';
import { outboxHealth } from '@feedback/outbox/health.ts';
import type { App } from './app.ts';

function mailCheck(app: App): CheckResult {
  const mode = app.config.SMTP_URL ? 'smtp' : 'kept in the outbox (SMTP_URL is not set)';
  try {
    const outbox = outboxHealth(app.db);
    const causes = outbox.failing ? [`${outbox.failing} message${outbox.failing === 1 ? '' : 's'} waiting after failed attempts; last error: ${outbox.lastError}`] : [];
    return { status: causes.length ? 'degraded' : 'ok', causes, mode, ...outbox };
  } catch (error) {
    return { status: 'degraded', causes: [`cannot read the outbox (${error instanceof Error ? error.message : String(error)})`], mode };
  }
}

/** What /readyz reports: each part of the portal, and `degraded` overall when any part is. */
export async function readiness(app: App): Promise<{ status: 'ok' | 'degraded'; checks: Record<string, CheckResult> }> {
  // View counts wait in memory between flushes: written now, a failing (or recovered) write shows as it is now.
  app.popularity.flush();
  const checks: Record<string, CheckResult> = {
    disk: diskCheck(app.config.dataDir),
    database: databaseCheck(app.db),
    search: await searchCheck(app.search.engine),
    mail: mailCheck(app),
  };
  return { status: Object.values(checks).some((c) => c.status === 'degraded') ? 'degraded' : 'ok', checks };
}
