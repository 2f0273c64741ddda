import { defineConfig } from 'vitest/config';
import { roomAliases } from './scripts/rooms.mjs';

// The fault suite (`npm run test:faults`): each file breaks something on purpose (bodies, disk, mail,
// processes, content) and checks that the portal still answers and lost nothing it acknowledged. Files
// run one at a time: several start a built portal of their own, and the machine may be busy.
export default defineConfig({
  resolve: { alias: roomAliases },
  test: {
    include: ['tests/faults/**/*.fault.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    reporters: ['verbose'],
  },
});
