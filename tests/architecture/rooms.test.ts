import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rules of the house (docs/architecture.md), checked on the source: imports point one way, nobody
 * climbs more than one folder, and pages only read, call and render.
 */
const root = path.resolve(import.meta.dirname, '../..');
const rooms = ['core', 'search', 'feedback', 'admin', 'site', 'tests', 'scripts'] as const;
type Room = (typeof rooms)[number];

/** Which rooms each room may import from (besides itself and packages). */
const allowed: Record<Room, readonly Room[]> = {
  core: [],
  search: ['core'],
  feedback: ['core'],
  admin: ['core'],
  site: ['core', 'search', 'feedback', 'admin'],
  scripts: ['core', 'search', 'feedback', 'admin'],
  tests: ['core', 'search', 'feedback', 'admin', 'site', 'scripts'],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'fixtures') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|astro|mjs)$/.test(e.name)) out.push(full);
  }
  return out;
}

const files = rooms.flatMap((room) => sourceFiles(path.join(root, room)).map((file) => ({ room, file, rel: path.relative(root, file).split(path.sep).join('/') })));

/** Every module specifier: static and dynamic imports, re-exports and `import('...')` types. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm)) out.push(m[2]!);
  return out;
}

function targetRoom(file: string, spec: string): Room | undefined {
  const alias = /^@(core|search|feedback|admin|site|tests)\//.exec(spec);
  if (alias) return alias[1] as Room;
  if (!spec.startsWith('.')) return undefined;
  const top = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
  return (rooms as readonly string[]).includes(top!) ? (top as Room) : undefined;
}

function frontmatter(text: string): string | undefined {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return m?.[1];
}

const staffPages = files.filter((f) => /^site\/pages\/(admin|api\/admin)\//.test(f.rel));

describe('the rooms', () => {
  it('finds the source it checks', () => {
    expect(files.length).toBeGreaterThan(200);
    for (const room of rooms) expect(files.some((f) => f.room === room), room).toBe(true);
    expect(specifiers("import a from '@core/x.ts';\nexport { b } from './y.ts';\nconst c = await import('../z.ts');\nimport './style.css';")).toEqual(['@core/x.ts', './y.ts', '../z.ts', './style.css']);
  });

  it('imports point one way: core uses no other room, search, feedback and admin use only core', () => {
    const wrong: string[] = [];
    for (const f of files) {
      for (const spec of specifiers(fs.readFileSync(f.file, 'utf8'))) {
        const to = targetRoom(f.file, spec);
        if (to && to !== f.room && !allowed[f.room].includes(to)) wrong.push(`${f.rel} -> ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no import climbs more than one folder; other rooms are reached through their alias', () => {
    const climbing: string[] = [];
    for (const f of files) {
      for (const spec of specifiers(fs.readFileSync(f.file, 'utf8'))) if (/^(\.\.\/){2,}/.test(spec)) climbing.push(`${f.rel} -> ${spec}`);
    }
    expect(climbing).toEqual([]);
  });

  it('pages only read, call and render: no SQL, no audit writes, no permission checks under site/', () => {
    const found: string[] = [];
    for (const f of files.filter((x) => x.room === 'site')) {
      const text = fs.readFileSync(f.file, 'utf8');
      if (/\.prepare\(|\b(SELECT\s+[\w*]|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET)\b/.test(text)) found.push(`${f.rel}: SQL`);
      if (/recordAudit/.test(text)) found.push(`${f.rel}: recordAudit`);
      if (/\bcan\(|\bguard\(/.test(text)) found.push(`${f.rel}: permission check`);
    }
    expect(found).toEqual([]);
  });

  it('no staff page has more than 40 lines of frontmatter', () => {
    expect(staffPages.filter((f) => f.rel.endsWith('.astro')).length).toBeGreaterThan(10);
    const long = staffPages
      .map((f) => ({ rel: f.rel, lines: frontmatter(fs.readFileSync(f.file, 'utf8'))?.split('\n').length ?? 0 }))
      .filter((p) => p.lines > 40)
      .map((p) => `${p.rel}: ${p.lines} lines`);
    expect(long).toEqual([]);
  });
});
