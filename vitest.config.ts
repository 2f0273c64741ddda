import { defineConfig } from 'vitest/config';
import { roomAliases } from './scripts/rooms.mjs';

export default defineConfig({
  resolve: { alias: roomAliases },
  test: {
    include: ['tests/**/*.test.ts'],
    // tests/faults/ has its own configuration (vitest.faults.config.ts, npm run test:faults).
    exclude: ['tests/browser/**', 'tests/faults/**', 'node_modules/**'],
    testTimeout: 20000,
  },
});
