// The parse pool's worker when running from sources (Vitest, the tsx tools): Node cannot load TypeScript
// by itself, so tsx is registered in the worker before the worker code loads. The built server runs the
// compiled worker chunk instead (see astro.config.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
