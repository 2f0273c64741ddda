import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../i18n/locales.ts';
import type { Diagnostic } from '../markdown/diagnostic.ts';
import { canView, type Article, type Viewer } from './article.ts';
import { ArticleIndex } from './article-index.ts';
import type { Category } from './categories.ts';
import { scanStamps, settled, stampOf, type Stamp } from './disk-stamps.ts';
import { isArticlePath, placeArticle } from './load-file.ts';
import { parseArticle, type ParsedArticle } from './parse-article.ts';
import type { ParseCache, ParsedParts } from './parse-cache.ts';

export type ContentChange = { type: 'upsert'; article: Article; previous?: Article } | { type: 'remove'; article: Article };

export interface ListOptions {
  locale?: Locale;
  category?: Category;
  viewer: Viewer;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function sha256(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

/**
 * A file's text as the store takes it: its parse, and its fingerprint, which tells a real edit from the
 * store's own write or a touch. With a parse cache the fingerprint is the cache key, so a restart can take
 * a file whose stamp is unchanged from the cache by that key, without reading it.
 */
interface Text {
  fingerprint: string;
  parsed: ParsedArticle;
}

function walk(dir: string, root: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) walk(full, root, out);
    else if (entry.isFile() && isArticlePath(toPosix(path.relative(root, full)))) out.push(toPosix(path.relative(root, full)));
  }
}

export interface ContentStoreOptions {
  /** Parse results kept across restarts (site/lib/app.ts); without one every file is parsed. */
  cache?: ParseCache;
}

/**
 * How the last loadAll() went: files parsed, taken from the cache (`unread` of them on their unchanged
 * stamp, without reading the file), cache entries pruned, milliseconds.
 */
export interface LoadStats {
  parsed: number;
  cached: number;
  unread: number;
  pruned: number;
  ms: number;
}

/**
 * Every article under the content directory, kept in memory and in step with the files.
 * Problems are kept per file; a file with problems is simply absent from the articles.
 */
export class ContentStore extends EventEmitter<{ change: [ContentChange]; invalid: [string, Diagnostic[]] }> {
  private readonly byFile = new Map<string, Article>();
  private readonly byId = new Map<string, Article>();
  private readonly index = new ArticleIndex();
  /** The fingerprint of the text each article in byFile came from. */
  private readonly fingerprints = new Map<string, string>();
  readonly problems = new Map<string, Diagnostic[]>();
  /** The stamp of every file as last read, for reconcile() to find what the watcher missed. */
  private readonly stamps = new Map<string, Stamp>();
  /** Files whose stamp was taken too soon after a write to vouch for their text at the next start. */
  private readonly unsettled = new Set<string>();
  private reconciling: Promise<number> | undefined;
  private stopReconciling: () => void = () => undefined;
  /** One watcher per folder under the root, by path relative to it ('' is the root); empty when not watching. */
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly cache: ParseCache | undefined;
  /** Cache keys of the files read by the loadAll() under way, so it can prune the others. */
  private loadingKeys: Set<string> | undefined;
  private counts = { parsed: 0, cached: 0, unread: 0 };
  lastLoad: LoadStats | undefined;

  constructor(readonly root: string, options: ContentStoreOptions = {}) {
    super();
    this.cache = options.cache;
  }

  loadAll(): this {
    const load = this.beginLoad();
    try {
      // Every file is taken as read, held or not: a skipped one would leave its cache key out of the pruning.
      for (const file of load.files) this.take(file, this.unread(file) ?? this.read(file));
    } finally {
      this.loadingKeys = undefined;
    }
    return this.endLoad(load);
  }

  /**
   * loadAll() with the files the cache does not hold parsed by `parser`'s workers, several at once: on a
   * first start that is nearly every file, and both cores work. Files are still taken in the same order
   * as loadAll() takes them (so the same file wins a clash), and only `window` texts are held at a time.
   */
  async loadAllInParallel(parser: { parse(source: string): Promise<ParsedArticle> }, window = 32): Promise<this> {
    const load = this.beginLoad();
    const prepare = async (file: string): Promise<[string, Text | undefined]> => {
      const known = this.unread(file);
      if (known) return [file, known];
      const source = this.readSource(file);
      if (source === undefined) return [file, undefined];
      const found = this.lookUp(file, source);
      if (found.parsed) return [file, { fingerprint: found.fingerprint, parsed: found.parsed }];
      const pooled = await parser.parse(source);
      // A failure is parsed again here, as loadAll() would: workers that cannot start (or crash) must not
      // leave the knowledge base empty, and a file with problems gets the same diagnostics either way.
      if (!pooled.ok) return [file, this.parse(file, source)];
      this.counts.parsed++;
      return [file, { fingerprint: found.fingerprint, parsed: this.own(pooled, found.key) }];
    };
    try {
      const inFlight: Array<ReturnType<typeof prepare>> = [];
      const takeOldest = async () => this.take(...(await inFlight.shift()!));
      for (const file of load.files) {
        inFlight.push(prepare(file));
        if (inFlight.length >= window) await takeOldest();
      }
      while (inFlight.length) await takeOldest();
    } finally {
      this.loadingKeys = undefined;
    }
    return this.endLoad(load);
  }

  private beginLoad(): { files: string[]; keys: Set<string> | undefined; started: number } {
    const started = performance.now();
    const files: string[] = [];
    walk(this.root, this.root, files);
    this.counts = { parsed: 0, cached: 0, unread: 0 };
    const keys = (this.loadingKeys = this.cache ? new Set<string>() : undefined);
    return { files: files.sort(), keys, started };
  }

  private endLoad({ keys, started }: { keys: Set<string> | undefined; started: number }): this {
    // Entries of files that are gone or changed (or of an older pipeline) would otherwise stay forever.
    const pruned = keys && this.cache ? this.cache.prune(keys) : 0;
    this.cache?.keepStamps(this.settledStamps());
    this.lastLoad = { ...this.counts, pruned, ms: Math.round(performance.now() - started) };
    return this;
  }

  /** The stamp and text key of every article whose stamp can vouch for its text at the next start. */
  private settledStamps(): Map<string, [Stamp, string]> {
    const out = new Map<string, [Stamp, string]>();
    for (const file of this.byFile.keys()) {
      const stamp = this.stamps.get(file);
      const key = this.fingerprints.get(file);
      if (stamp && key && !this.unsettled.has(file)) out.set(file, [stamp, key]);
    }
    return out;
  }

  /**
   * The file's parse from the cache without reading the file, when the file still has the stamp it had
   * when the cache last saw it; undefined when it differs or is unknown, and the file is read as usual.
   */
  private unread(relPath: string): Text | undefined {
    if (!this.cache) return undefined;
    let stamp: Stamp;
    try {
      stamp = stampOf(fs.statSync(path.join(this.root, relPath), { bigint: true }));
    } catch {
      return undefined;
    }
    const key = this.cache.keyOf(relPath, stamp);
    const parsed = key === undefined ? undefined : this.fromCache(relPath, key);
    if (!key || !parsed) return undefined;
    this.note(relPath, stamp);
    this.counts.unread++;
    return { fingerprint: key, parsed };
  }

  /** The file's text, parsed (undefined: no file). */
  private read(relPath: string): Text | undefined {
    const source = this.readSource(relPath);
    return source === undefined ? undefined : this.parse(relPath, source);
  }

  /** The cached parse under this key, if any (a cached entry is fresh from JSON, so it owns its strings: see own()). */
  private fromCache(relPath: string, key: string): ParsedArticle | undefined {
    this.loadingKeys?.add(key);
    const hit = this.cache?.get(key, relPath);
    if (!hit) return undefined;
    this.counts.cached++;
    return { ok: true, ...hit };
  }

  /** A text's fingerprint, the key to cache its parse under (none without a cache), and its cached parse. */
  private lookUp(relPath: string, source: string): { fingerprint: string; key?: string; parsed?: ParsedArticle } {
    const key = this.cache?.key(source);
    if (key === undefined) return { fingerprint: sha256(source) };
    return { fingerprint: key, key, parsed: this.fromCache(relPath, key) };
  }

  /** parseArticle(), through the cache when there is one. */
  private parse(relPath: string, source: string): Text {
    const found = this.lookUp(relPath, source);
    if (found.parsed) return { fingerprint: found.fingerprint, parsed: found.parsed };
    this.counts.parsed++;
    let parsed: ParsedArticle;
    try {
      parsed = parseArticle(source);
    } catch (error) {
      // Whatever a file holds, it costs that file only: the server and the watcher keep running.
      parsed = { ok: false, diagnostics: [{ line: 1, column: 1, message: `could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }] };
    }
    return { fingerprint: found.fingerprint, parsed: this.own(parsed, found.key) };
  }

  /**
   * A success comes back owning its strings: values cut out of the source (YAML scalars, text nodes) are
   * V8 slices that keep the whole file in memory, and text joined from pieces can stay in a wider encoding
   * than it needs; a JSON round trip copies each into a compact string of its own (measured on 5,000
   * articles: 114 MB of heap down to 71 MB). That JSON text is also what the cache stores under `key`.
   */
  private own(parsed: ParsedArticle, key: string | undefined): ParsedArticle {
    if (!parsed.ok) return parsed;
    const json = JSON.stringify({ meta: parsed.meta, rendered: parsed.rendered } satisfies ParsedParts);
    if (this.cache && key !== undefined) this.cache.put(key, json);
    return { ok: true, ...(JSON.parse(json) as ParsedParts) };
  }

  /** The file's text, noting its stamp from the same open file, so a write after the read shows as a change. */
  private readSource(relPath: string): string | undefined {
    let fd: number | undefined;
    try {
      fd = fs.openSync(path.join(this.root, relPath), 'r');
      this.note(relPath, stampOf(fs.fstatSync(fd, { bigint: true })));
      return fs.readFileSync(fd, 'utf8');
    } catch {
      this.forget(relPath);
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  private stampWritten(relPath: string): void {
    try {
      this.note(relPath, stampOf(fs.statSync(path.join(this.root, relPath), { bigint: true })));
    } catch {
      this.forget(relPath);
    }
  }

  /** Remembers a file's stamp, taken before its text was read (or right after the store wrote it). */
  private note(relPath: string, stamp: Stamp): void {
    this.stamps.set(relPath, stamp);
    if (settled(stamp)) this.unsettled.delete(relPath);
    else this.unsettled.add(relPath);
  }

  private forget(relPath: string): void {
    this.stamps.delete(relPath);
    this.unsettled.delete(relPath);
  }

  /**
   * Brings one file's article up to date and tells listeners what changed. Without `written` it reads the
   * file (a missing one is forgotten); with it, the caller has just written `source` there and parsed it
   * (the editor's save), so neither is done twice. When the text is the one the store already holds (the
   * watcher's echo of an editor save, a touch) nothing happens: no parse, no event.
   */
  reloadFile(relPath: string, written?: { source: string; parsed: ParsedArticle }): void {
    if (written) this.stampWritten(relPath);
    const source = written ? written.source : this.readSource(relPath);
    if (source === undefined) {
      if (this.byFile.has(relPath) || this.problems.has(relPath)) this.take(relPath, undefined);
      return;
    }
    const key = this.cache?.key(source);
    const fingerprint = key ?? sha256(source);
    // Articles only: a file with problems may load now with the same text, once the file it clashed with is gone.
    if (this.byFile.has(relPath) && this.fingerprints.get(relPath) === fingerprint) return;
    this.take(relPath, written ? { fingerprint, parsed: this.own(written.parsed, key) } : this.parse(relPath, source));
  }

  /** Replaces what the store has for the file with this text (undefined: no file). */
  private take(relPath: string, text: Text | undefined): void {
    const previous = this.byFile.get(relPath);
    if (previous) {
      this.byFile.delete(relPath);
      this.byId.delete(previous.id);
      this.index.remove(previous);
      this.fingerprints.delete(relPath);
    }
    this.problems.delete(relPath);
    if (text === undefined) {
      if (previous) this.emit('change', { type: 'remove', article: previous });
      return;
    }
    // The folder and slug checks run on every load: a cached parse says nothing about where the file is.
    const loaded = placeArticle(relPath, text.parsed);
    const clash = loaded.ok ? this.clash(loaded.article) : undefined;
    if (!loaded.ok || clash) {
      const diagnostics = loaded.ok ? [clash as Diagnostic] : loaded.diagnostics;
      this.problems.set(relPath, diagnostics);
      this.emit('invalid', relPath, diagnostics);
      if (previous) this.emit('change', { type: 'remove', article: previous });
      return;
    }
    const article = loaded.article;
    this.byFile.set(relPath, article);
    this.byId.set(article.id, article);
    this.index.add(article);
    this.fingerprints.set(relPath, text.fingerprint);
    this.emit('change', { type: 'upsert', article, previous });
  }

  private clash(article: Article): Diagnostic | undefined {
    const sameId = this.byId.get(article.id);
    if (sameId) return { line: 1, column: 1, message: `slug "${article.slug}" is already used by ${sameId.file}` };
    const other = this.index.inLocale(article.meta.translationKey, article.locale);
    if (other) {
      return { line: 1, column: 1, field: 'translationKey', message: `"${article.meta.translationKey}" is already used in ${article.locale} by ${other.file}` };
    }
    return undefined;
  }

  /**
   * Follows edits made on disk (editor saves, git pulls) while the server runs. Every folder has a watcher
   * of its own, which names whatever changes in it. Node's recursive watch on Linux watches each file's
   * inode instead, and loses a file for good once it is replaced by a rename, which is how the editor
   * saves (atomic writes) and how git updates files.
   */
  watch(): void {
    if (this.watchers.size) return;
    // A new knowledge base may start empty; the staff editor creates the first articles in it.
    fs.mkdirSync(this.root, { recursive: true });
    this.watchFolder('', false);
  }

  /** `arrived`: the folder appeared while watching, so its files may be in place before its watcher is. */
  private watchFolder(rel: string, arrived: boolean): void {
    const dir = path.join(this.root, rel);
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(dir, (_event, name) => {
        if (name) this.noticed(rel ? `${rel}/${toPosix(name.toString())}` : toPosix(name.toString()));
      });
    } catch {
      return;
    }
    // Some platforms report a watched folder's removal as an error; its parent's watcher reports it too.
    watcher.on('error', () => this.unwatchFolder(rel));
    this.watchers.set(rel, watcher);
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      // removed meanwhile: its parent's watcher says so
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) this.watchFolder(child, arrived);
      else if (arrived && isArticlePath(child)) this.schedule(child);
    }
  }

  /** Stops watching a folder and those below it ('' for all of them). */
  private unwatchFolder(rel: string): void {
    for (const [folder, watcher] of this.watchers) {
      if (rel === '' || folder === rel || folder.startsWith(`${rel}/`)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
  }

  /** Something named `rel` changed in a watched folder: an article file, a folder, or anything else. */
  private noticed(rel: string): void {
    if (isArticlePath(rel)) {
      this.schedule(rel);
      return;
    }
    // The editor's temporary files and anything else hidden.
    if (rel.split('/').some((p) => p.startsWith('.'))) return;
    let isFolder: boolean;
    try {
      isFolder = fs.lstatSync(path.join(this.root, rel)).isDirectory();
    } catch {
      isFolder = false;
      // A folder removed or moved away: its articles go with it, though no event names them.
      for (const file of [...this.byFile.keys(), ...this.problems.keys()]) if (file.startsWith(`${rel}/`)) this.schedule(file);
    }
    // Watched afresh even if known: a folder replaced under the same name has a new inode.
    this.unwatchFolder(rel);
    if (isFolder) this.watchFolder(rel, true);
  }

  private schedule(rel: string): void {
    clearTimeout(this.pending.get(rel));
    // Editors and git write in bursts; wait for the burst to settle before reading.
    this.pending.set(
      rel,
      setTimeout(() => {
        this.pending.delete(rel);
        this.reloadFile(rel);
      }, 75),
    );
  }

  /**
   * The safety net under the watcher: compares every article file's size and modification time with what
   * was loaded and reloads the files that differ, arrived or left. Returns how many differed. A file
   * touched without a change costs a read and no event.
   */
  reconcile(): Promise<number> {
    this.reconciling ??= this.compareWithDisk().finally(() => {
      this.reconciling = undefined;
    });
    return this.reconciling;
  }

  private async compareWithDisk(): Promise<number> {
    const onDisk = await scanStamps(this.root);
    const differ = new Set<string>();
    for (const [file, stamp] of onDisk) if (this.stamps.get(file) !== stamp) differ.add(file);
    for (const file of [...this.stamps.keys(), ...this.byFile.keys(), ...this.problems.keys()]) if (!onDisk.has(file)) differ.add(file);
    for (const file of [...differ].sort()) this.reloadFile(file);
    return differ.size;
  }

  /** Runs reconcile() every `intervalMs`; `found` hears of every run that found differences. Returns the stop. */
  reconcileEvery(intervalMs: number, found: (files: number) => void): () => void {
    const timer = setInterval(() => {
      this.reconcile().then((files) => files && found(files), () => undefined);
    }, intervalMs);
    timer.unref();
    this.stopReconciling = () => clearInterval(timer);
    return this.stopReconciling;
  }

  close(): void {
    this.stopReconciling();
    this.unwatchFolder('');
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }

  /** How many articles are loaded, without copying them (health checks ask on every probe). */
  count(): number {
    return this.byId.size;
  }

  all(): Article[] {
    return [...this.byId.values()];
  }

  get(locale: Locale, slug: string, viewer: Viewer): Article | undefined {
    const article = this.byId.get(`${locale}/${slug}`);
    return article && canView(article, viewer) ? article : undefined;
  }

  list({ locale, category, viewer }: ListOptions): Article[] {
    return this.index.list(locale, category, viewer, () => this.byId.values());
  }

  /** Every locale's version of a translation key, drafts and internal ones included (for editors). */
  versions(translationKey: string): Article[] {
    return this.index.versions(translationKey);
  }

  /** The same article in the other locales, as far as the viewer may see them. */
  translations(article: Article, viewer: Viewer): Article[] {
    return this.index.translations(article, viewer);
  }

  /** Articles sharing product, tags or category, best match first. */
  related(article: Article, viewer: Viewer, limit = 5): Article[] {
    return this.index.related(article, viewer, limit);
  }
}
