import { Gauge } from 'prom-client';
import { counter, histogram, registry } from '@core/metrics/registry.ts';
import { outboxHealth } from '@feedback/outbox/health.ts';
import type { App } from './app.ts';

export { registry };

const requests = counter({ name: 'kb_http_requests_total', help: 'Requests answered, by route pattern, method and status', labelNames: ['route', 'method', 'status'] });
const latency = histogram({
  name: 'kb_http_request_duration_seconds',
  help: 'Time to the response head, by route pattern',
  labelNames: ['route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});
const failures = counter({ name: 'kb_http_unhandled_errors_total', help: 'Requests whose route threw (answered 500)', labelNames: ['route'] });

/** Counts one answered request (the middleware calls it for every request). */
export function observeRequest(route: string, method: string, status: number, seconds: number, threw: boolean): void {
  requests.inc({ route, method, status: String(status) });
  latency.observe({ route }, seconds);
  if (threw) failures.inc({ route });
}

let watching = false;

/** Gauges read when scraped: search documents, outbox state (mail, webhooks, retries); registered at the first scrape. */
export function watchApp(app: App): void {
  if (watching) return;
  watching = true;
  new Gauge({
    name: 'kb_search_documents',
    help: 'Documents in the search index',
    registers: [registry],
    async collect() {
      this.set(await app.search.engine.count().catch(() => -1));
    },
  });
  new Gauge({
    name: 'kb_outbox_messages',
    help: 'Outbox rows by state: pending, failing (pending after a failed attempt), dead',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const h = outboxHealth(app.db);
      this.set({ state: 'pending' }, h.pending);
      this.set({ state: 'failing' }, h.failing);
      this.set({ state: 'dead' }, h.dead);
    },
  });
}
