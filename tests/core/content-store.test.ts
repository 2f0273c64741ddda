import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publicViewer } from '@core/content/article.ts';
import { ContentStore, type ContentChange } from '@core/content/store.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/content');
const staff = { kind: 'staff' } as const;

const copies: string[] = [];

function copyFixtures(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-content-'));
  fs.cpSync(fixtures, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

describe('ContentStore', () => {
  let store: ContentStore | undefined;
  afterEach(() => {
    store?.close();
    for (const dir of copies.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves every good article and leaves out bad files with file, field and reason', () => {
    store = new ContentStore(fixtures).loadAll();
    expect(store.all().map((a) => a.id).sort()).toEqual(['en/draft-article', 'en/good-article', 'en/internal-guide', 'es/cuanto-dura-la-garantia']);
    const bad = store.problems.get('en/faq/bad-frontmatter.mdx');
    expect(bad).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'category', line: 4 }),
        expect.objectContaining({ field: 'updated', line: 8 }),
      ]),
    );
    const hostile = store.problems.get('en/faq/hostile.mdx');
    expect(hostile?.[0]).toMatchObject({ line: 14, column: 1 });
    expect(hostile?.[0]?.message).toContain('<script>');
  });

  it('hides internal articles and drafts from the public, shows internal ones to staff', () => {
    store = new ContentStore(fixtures).loadAll();
    expect(store.get('en', 'good-article', publicViewer)).toBeDefined();
    expect(store.get('en', 'internal-guide', publicViewer)).toBeUndefined();
    expect(store.get('en', 'internal-guide', staff)).toBeDefined();
    expect(store.get('en', 'draft-article', publicViewer)).toBeUndefined();
    expect(store.get('en', 'draft-article', staff)).toBeUndefined();
    expect(store.list({ locale: 'en', viewer: publicViewer }).map((a) => a.slug)).toEqual(['good-article']);
  });

  it('links translations through translationKey and uses the file name as slug', () => {
    store = new ContentStore(fixtures).loadAll();
    const en = store.get('en', 'good-article', publicViewer);
    expect(en && store.translations(en, publicViewer).map((a) => a.id)).toEqual(['es/cuanto-dura-la-garantia']);
  });

  it('rejects a second article with the same slug or translation key in a locale', () => {
    const dir = copyFixtures();
    fs.copyFileSync(path.join(dir, 'en/faq/good-article.mdx'), path.join(dir, 'en/copy.mdx'));
    store = new ContentStore(dir).loadAll();
    expect(store.problems.get('en/faq/good-article.mdx')?.[0]).toMatchObject({ field: 'translationKey' });
  });

  it('rejects an article whose locale does not match its folder', () => {
    const dir = copyFixtures();
    const source = fs.readFileSync(path.join(dir, 'es/faq/cuanto-dura-la-garantia.mdx'), 'utf8');
    fs.writeFileSync(path.join(dir, 'es/faq/cuanto-dura-la-garantia.mdx'), source.replace('locale: es', 'locale: fi'));
    store = new ContentStore(dir).loadAll();
    expect(store.problems.get('es/faq/cuanto-dura-la-garantia.mdx')?.[0]).toMatchObject({ field: 'locale' });
  });

  it('picks up files changed on disk while running', async () => {
    const dir = copyFixtures();
    store = new ContentStore(dir).loadAll();
    store.watch();
    const changes: ContentChange[] = [];
    store.on('change', (c) => changes.push(c));
    const file = path.join(dir, 'en/faq/good-article.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('How long is the warranty?', 'Warranty length'));
    await expect.poll(() => store?.get('en', 'good-article', publicViewer)?.meta.title, { timeout: 5000 }).toBe('Warranty length');
    fs.rmSync(file);
    await expect.poll(() => store?.get('en', 'good-article', publicViewer), { timeout: 5000 }).toBeUndefined();
    expect(changes.map((c) => c.type)).toEqual(['upsert', 'remove']);
  });

  it('stops serving an article that becomes invalid, and keeps the others', async () => {
    const dir = copyFixtures();
    store = new ContentStore(dir).loadAll();
    store.watch();
    const file = path.join(dir, 'en/faq/good-article.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('a **two-year**', 'a {two} year'));
    await expect.poll(() => store?.problems.has('en/faq/good-article.mdx'), { timeout: 5000 }).toBe(true);
    expect(store.get('en', 'good-article', publicViewer)).toBeUndefined();
    expect(store.get('es', 'cuanto-dura-la-garantia', publicViewer)).toBeDefined();
  });
});
