import fs from 'node:fs';
import type { Article } from '@core/content/article.ts';
import type { Category } from '@core/content/categories.ts';
import { loadArticleSource, placeArticle, type LoadedFile } from '@core/content/load-file.ts';
import { parseArticle, type ParsedArticle } from '@core/content/parse-article.ts';
import type { ParsePool } from '@core/content/parse-pool.ts';
import type { ContentStore } from '@core/content/store.ts';
import type { Db } from '@core/db/database.ts';
import { defaultLocale, locales, type Locale } from '@core/i18n/locales.ts';
import type { Diagnostic } from '@core/markdown/diagnostic.ts';
import { splitFrontmatter } from '@core/markdown/frontmatter.ts';
import { recordAudit } from '@core/staff/audit.ts';
import { removeFileDurably, writeFileAtomic, type AtomicWriteHooks } from './atomic-write.ts';
import { checkArticleFile, PathError, resolveInside } from './paths.ts';
import { contentHash, type RevisionAction, type RevisionStore, type RevisionSummary } from './revisions.ts';

/** Largest article file the editor writes: 1 MiB of UTF-8. */
export const maxArticleBytes = 1024 * 1024;

export type EntryStatus = 'published' | 'draft' | 'problem' | 'deleted';
export const entryStatuses: readonly EntryStatus[] = ['published', 'draft', 'problem', 'deleted'];

export interface EditorEntry {
  file: string;
  locale: Locale;
  slug: string;
  title: string;
  category?: Category;
  audience?: 'public' | 'internal';
  status: EntryStatus;
  updated?: string;
  translationKey?: string;
  /** The article, when the file is valid and present. */
  article?: Article;
}

export interface EditorFilter {
  locale?: Locale;
  category?: Category;
  audience?: 'public' | 'internal';
  status?: EntryStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

export type CheckResult = { ok: true; article: Article; diagnostics: [] } | { ok: false; diagnostics: Diagnostic[] };

export interface Conflict {
  /** What the file holds now (null when it was deleted). */
  source: string | null;
  hash: string;
  /** The revision that put it there, when the editor made it. */
  revision?: RevisionSummary;
}

export type SaveResult =
  | { ok: true; file: string; hash: string; revisionId: number }
  | { ok: false; reason: 'invalid'; diagnostics: Diagnostic[] }
  | { ok: false; reason: 'too-large' }
  | { ok: false; reason: 'conflict'; conflict: Conflict };

export interface SaveInput {
  file: string;
  source: string;
  /** Hash of the file the editor started from; '' for a new file that must not exist yet. */
  baseHash: string;
  authorId: number;
  action: Extract<RevisionAction, 'create' | 'save' | 'publish' | 'unpublish' | 'restore'>;
  message?: string;
  /** parse(source), when the caller has it already; otherwise the text is parsed here. */
  parsed?: ParsedArticle;
  /** A minor change (typo fix): people who read the article are not asked to read it again. */
  minor?: boolean;
}

export interface TranslationRow {
  locale: Locale;
  /** source: the version others follow; current: as new as the source; outdated: older than the source. */
  state: 'source' | 'current' | 'outdated' | 'missing';
  article?: Article;
  /** The version being edited. */
  isThis: boolean;
}

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw new PathError('is a folder, not an article file');
    throw error;
  }
}

function rawMeta(source: string): Record<string, unknown> {
  const data = splitFrontmatter(source).data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function entryFromFile(file: string, source: string | null, status: EntryStatus): EditorEntry {
  const meta = source ? rawMeta(source) : {};
  const parts = file.split('/');
  const slug = (parts.at(-1) ?? file).replace(/\.mdx?$/, '');
  return {
    file,
    locale: (parts[0] ?? defaultLocale) as Locale,
    slug,
    title: typeof meta.title === 'string' && meta.title.trim() ? meta.title : slug,
    category: typeof meta.category === 'string' ? (meta.category as Category) : undefined,
    audience: meta.audience === 'internal' || meta.audience === 'public' ? meta.audience : undefined,
    status,
    updated: typeof meta.updated === 'string' ? meta.updated : undefined,
    translationKey: typeof meta.translationKey === 'string' ? meta.translationKey : undefined,
  };
}

/**
 * The article editor's storage: checks text with the site's own pipeline, writes files atomically,
 * keeps every version in SQLite and refuses to overwrite a file changed since the editor loaded it.
 */
export class ArticleEditor {
  constructor(
    private readonly deps: { root: string; content: ContentStore; revisions: RevisionStore; db: Db; hooks?: AtomicWriteHooks; parser?: ParsePool },
  ) {}

  /**
   * parseArticle(source) off the request thread when there is a parse pool, so a large or hostile text
   * neither holds up other requests nor runs past the pool's time limit.
   */
  parse(source: string): Promise<ParsedArticle> {
    return this.deps.parser ? this.deps.parser.parse(source) : Promise.resolve(parseArticle(source));
  }

  get root(): string {
    return this.deps.root;
  }

  /** The file's current text and hash; null when it does not exist. Throws PathError for unsafe paths. */
  read(file: string): { source: string; hash: string } | null {
    const source = readIfExists(resolveInside(this.deps.root, checkArticleFile(file)));
    return source === null ? null : { source, hash: contentHash(source) };
  }

  /**
   * Runs the public pipeline on the text as if it were saved at `file`, plus the store's uniqueness rules.
   * `parsed`: parse(source), when the caller has it already.
   */
  check(file: string, source: string, parsed?: ParsedArticle): CheckResult {
    return this.checkLoaded(file, parsed ? placeArticle(file, parsed) : loadArticleSource(file, source));
  }

  private checkLoaded(file: string, loaded: LoadedFile): CheckResult {
    if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
    const article = loaded.article;
    const diagnostics: Diagnostic[] = [];
    for (const other of this.deps.content.all()) {
      if (other.file === file) continue;
      if (other.id === article.id) diagnostics.push({ line: 1, column: 1, field: 'slug', message: `"${article.slug}" is already used in ${article.locale} by ${other.file}` });
      else if (other.locale === article.locale && other.meta.translationKey === article.meta.translationKey) {
        diagnostics.push({ line: 1, column: 1, field: 'translationKey', message: `"${article.meta.translationKey}" is already used in ${article.locale} by ${other.file}` });
      }
    }
    return diagnostics.length ? { ok: false, diagnostics } : { ok: true, article, diagnostics: [] };
  }

  private conflict(file: string, source: string | null): Conflict {
    const hash = source === null ? '' : contentHash(source);
    const latest = this.deps.revisions.latest(file);
    return { source, hash, revision: latest && latest.hash === hash ? latest : undefined };
  }

  /** Records what is on disk as a revision when the editor has not seen that version yet. */
  private importIfUnknown(file: string, current: string | null): void {
    if (current === null) return;
    const latest = this.deps.revisions.latest(file);
    if (latest && latest.hash === contentHash(current) && latest.action !== 'delete') return;
    this.deps.revisions.add({ file, action: 'import', authorId: null, message: 'Version found on disk (written outside the editor)', content: current });
  }

  save(input: SaveInput): SaveResult {
    const file = checkArticleFile(input.file);
    const full = resolveInside(this.deps.root, file);
    if (Buffer.byteLength(input.source, 'utf8') > maxArticleBytes) return { ok: false, reason: 'too-large' };
    // Parsed once: the store takes this result instead of reading the file back and parsing it again.
    const parsed = input.parsed ?? parseArticle(input.source);
    const checked = this.checkLoaded(file, placeArticle(file, parsed));
    if (!checked.ok) return { ok: false, reason: 'invalid', diagnostics: checked.diagnostics };

    // IMMEDIATE takes the database's write lock first, so two servers sharing it cannot interleave a save.
    const result = this.deps.db
      .transaction((): SaveResult => {
        const current = readIfExists(full);
        const currentHash = current === null ? '' : contentHash(current);
        if (currentHash !== input.baseHash) return { ok: false, reason: 'conflict', conflict: this.conflict(file, current) };
        this.importIfUnknown(file, current);
        const revisionId = this.deps.revisions.add({ file, action: input.action, authorId: input.authorId, message: input.message, content: input.source, minor: input.minor });
        recordAudit(this.deps.db, { actorId: input.authorId, action: `article.${input.action}`, objectType: 'article', objectId: file, detail: input.minor ? { revision: revisionId, minor: true } : { revision: revisionId } });
        // Last: if the write fails the revision rolls back with it; the file is either old or new.
        if (current !== input.source) writeFileAtomic(full, input.source, this.deps.hooks);
        return { ok: true, file, hash: contentHash(input.source), revisionId };
      })
      .immediate();
    if (result.ok) this.deps.content.reloadFile(file, { source: input.source, parsed });
    return result;
  }

  /** Soft delete: the text goes into a `delete` revision, the file goes away; `restoreDeleted` brings it back. */
  remove(input: { file: string; baseHash: string; authorId: number; message?: string }): { ok: true } | { ok: false; reason: 'conflict'; conflict: Conflict } {
    const file = checkArticleFile(input.file);
    const full = resolveInside(this.deps.root, file);
    const result = this.deps.db
      .transaction(() => {
        const current = readIfExists(full);
        if (current === null || contentHash(current) !== input.baseHash) return { ok: false as const, reason: 'conflict' as const, conflict: this.conflict(file, current) };
        this.importIfUnknown(file, current);
        const revisionId = this.deps.revisions.add({ file, action: 'delete', authorId: input.authorId, message: input.message, content: current });
        recordAudit(this.deps.db, { actorId: input.authorId, action: 'article.delete', objectType: 'article', objectId: file, detail: { revision: revisionId } });
        removeFileDurably(full);
        return { ok: true as const };
      })
      .immediate();
    if (result.ok) this.deps.content.reloadFile(file);
    return result;
  }

  /** Puts a deleted article back from its `delete` revision. */
  restoreDeleted(input: { file: string; authorId: number }): SaveResult {
    const file = checkArticleFile(input.file);
    const latest = this.deps.revisions.latest(file);
    if (!latest || latest.action !== 'delete') {
      return { ok: false, reason: 'conflict', conflict: this.conflict(file, this.read(file)?.source ?? null) };
    }
    return this.save({ file, source: latest.content, baseHash: '', authorId: input.authorId, action: 'restore', message: `Restored after deletion (revision #${latest.id})` });
  }

  /** Makes an old revision the current text, as a new revision; `baseHash` guards against overwriting newer work. */
  restoreRevision(input: { revisionId: number; baseHash: string; authorId: number }): SaveResult | { ok: false; reason: 'not-found' } {
    const revision = this.deps.revisions.get(input.revisionId);
    if (!revision) return { ok: false, reason: 'not-found' };
    return this.save({
      file: revision.file,
      source: revision.content,
      baseHash: input.baseHash,
      authorId: input.authorId,
      action: 'restore',
      message: `Restored revision #${revision.id} from ${revision.createdAt.slice(0, 16).replace('T', ' ')}`,
    });
  }

  /** Every article file the editor knows: valid ones, files with problems and deleted ones. */
  entries(): EditorEntry[] {
    const out: EditorEntry[] = [];
    const seen = new Set<string>();
    for (const article of this.deps.content.all()) {
      seen.add(article.file);
      out.push({
        file: article.file,
        locale: article.locale,
        slug: article.slug,
        title: article.meta.title,
        category: article.meta.category,
        audience: article.meta.audience,
        status: article.meta.status,
        updated: article.meta.updated,
        translationKey: article.meta.translationKey,
        article,
      });
    }
    for (const file of this.deps.content.problems.keys()) {
      if (seen.has(file)) continue;
      seen.add(file);
      let source: string | null = null;
      try {
        source = this.read(file)?.source ?? null;
      } catch {
        continue;
      }
      out.push(entryFromFile(file, source, 'problem'));
    }
    for (const revision of this.deps.revisions.deleted()) {
      if (seen.has(revision.file)) continue;
      let exists = false;
      try {
        exists = this.read(revision.file) !== null;
      } catch {
        continue;
      }
      if (exists) continue;
      seen.add(revision.file);
      out.push(entryFromFile(revision.file, revision.content, 'deleted'));
    }
    return out;
  }

  list(filter: EditorFilter = {}): { entries: EditorEntry[]; total: number; page: number; pages: number } {
    const q = filter.q?.trim().toLowerCase();
    const matching = this.entries()
      .filter(
        (e) =>
          (!filter.locale || e.locale === filter.locale) &&
          (!filter.category || e.category === filter.category) &&
          (!filter.audience || e.audience === filter.audience) &&
          (filter.status ? e.status === filter.status : e.status !== 'deleted') &&
          (!q || e.title.toLowerCase().includes(q) || e.file.includes(q) || (e.article?.meta.summary.toLowerCase().includes(q) ?? false)),
      )
      .sort((a, b) => (b.updated ?? '').localeCompare(a.updated ?? '') || a.title.localeCompare(b.title));
    const pageSize = filter.pageSize ?? 25;
    const pages = Math.max(1, Math.ceil(matching.length / pageSize));
    const page = Math.min(Math.max(1, filter.page ?? 1), pages);
    return { entries: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pages };
  }

  /**
   * Which locales have this article, which lack it and which are older than the source. The source is
   * the default-locale version when there is one, else the most recently updated.
   */
  translations(translationKey: string, currentFile?: string): { source?: Article; rows: TranslationRow[] } {
    const versions = this.deps.content.versions(translationKey);
    const source =
      versions.find((a) => a.locale === defaultLocale) ?? [...versions].sort((a, b) => b.meta.updated.localeCompare(a.meta.updated))[0];
    const rows = locales.map((locale): TranslationRow => {
      const article = versions.find((a) => a.locale === locale);
      if (!article) return { locale, state: 'missing', isThis: false };
      const isThis = article.file === currentFile;
      if (article === source) return { locale, state: 'source', article, isThis };
      return { locale, state: article.meta.updated < (source?.meta.updated ?? '') ? 'outdated' : 'current', article, isThis };
    });
    return { source, rows };
  }
}
