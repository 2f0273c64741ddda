// The import aliases of the rooms (`@core/...` and so on), shared by Astro's Vite and Vitest; tsconfig.json
// lists the same for the type checker, tsx and Playwright.
import { fileURLToPath } from 'node:url';

export const rooms = ['core', 'admin', 'feedback', 'search', 'site', 'tests'];

export const roomAliases = rooms.map((room) => ({
  find: new RegExp(`^@${room}/`),
  replacement: fileURLToPath(new URL(`../${room}/`, import.meta.url)),
}));
