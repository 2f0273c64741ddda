/**
 * The search engine contract (tests/search/contract.ts) against a live Meilisearch server.
 *
 * Skipped unless MEILI_HOST is set; no Meilisearch server exists on the development machines, so this
 * suite has NOT been run against a live server yet (the adapter's settings, document mapping, filters and
 * escaping are unit-tested in meilisearch-adapter.test.ts). To run it:
 *
 *   docker run --rm -p 7700:7700 -e MEILI_MASTER_KEY=dev-master-key getmeili/meilisearch:v1.16
 *   MEILI_HOST=http://127.0.0.1:7700 MEILI_API_KEY=dev-master-key npx vitest run tests/search/meilisearch-contract.test.ts
 *
 * The key needs the rights to create, configure and delete indexes (the master key or an admin key).
 * Every engine the suite makes gets its own index prefix (`contract_<run>_<n>_`), so runs never see each
 * other's documents and never touch a portal's `kb_` indexes on a shared server; its indexes are deleted
 * afterwards. Meilisearch does not stem words, so the inflection test is left out (`stemming: false`).
 */
import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { describe, vi } from 'vitest';
import { locales } from '@core/i18n/locales.ts';
import { MeilisearchEngine } from '@search/meilisearch/engine.ts';
import { indexUid } from '@search/meilisearch/settings.ts';
import type { SearchEngine } from '@search/port.ts';
import { describeSearchEngineContract } from './contract.ts';

const host = process.env.MEILI_HOST;
const apiKey = process.env.MEILI_API_KEY;
const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const prefixes = new WeakMap<SearchEngine, string>();
let made = 0;

// Every write waits for Meilisearch to finish its task; creating and configuring five indexes takes a while.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

describe.runIf(!!host)('Meilisearch (live server at MEILI_HOST)', () => {
  describeSearchEngineContract(
    'meilisearch',
    () => {
      const prefix = `contract_${run}_${made++}_`;
      const engine = new MeilisearchEngine({ host: host!, ...(apiKey ? { apiKey } : {}), prefix, taskTimeoutMs: 60_000 });
      prefixes.set(engine, prefix);
      return engine;
    },
    {
      stemming: false,
      async dispose(engine) {
        const prefix = prefixes.get(engine);
        if (!prefix) return;
        const client = new Meilisearch({ host: host!, ...(apiKey ? { apiKey } : {}) });
        for (const locale of locales) await client.deleteIndexIfExists(indexUid(prefix, locale));
      },
    },
  );
});
