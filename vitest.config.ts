import { defineConfig } from 'vitest/config';
import { roomAliases } from './scripts/rooms.mjs';

export default defineConfig({
  resolve: { alias: roomAliases },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    testTimeout: 20000,
  },
});
