import fs from 'node:fs';
import path from 'node:path';
import { locales, type Locale } from '@core/i18n/locales.ts';
import type { Diagnostic } from '@core/markdown/diagnostic.ts';
import { parseSynonymFile, type SynonymGroups } from './synonym-file.ts';

/** The folder of the synonyms files, inside the content directory. */
export const synonymsFolder = 'synonyms';

const none: SynonymGroups = [];

interface CatalogEntry {
  /** undefined: there is no file. */
  mtime: number | undefined;
  checkedAt: number;
  groups: SynonymGroups;
  problems: Diagnostic[];
}

export interface SynonymCatalogOptions {
  /**
   * How long a look-up trusts the last check of the file (default 0: every look-up checks). Searches pass
   * a second: a stat on every query cost more than the rest of a cached search, and an editor's change
   * may wait that long.
   */
  recheckMs?: number;
  now?: () => number;
}

/**
 * The synonyms of each locale, read from the content directory. A file is read again when it changes on
 * disk (checked by mtime: one stat, at most once per `recheckMs`), so editors' changes apply to searches
 * with no re-index. A file with a problem counts as empty until fixed; `content:check` names the problem.
 */
export class SynonymCatalog {
  private readonly cached = new Map<Locale, CatalogEntry>();
  private readonly recheckMs: number;
  private readonly now: () => number;

  constructor(private readonly contentDir: string, options: SynonymCatalogOptions = {}) {
    this.recheckMs = options.recheckMs ?? 0;
    this.now = options.now ?? Date.now;
  }

  static fileOf(locale: Locale): string {
    return `${synonymsFolder}/${locale}.yaml`;
  }

  private entry(locale: Locale): CatalogEntry {
    const now = this.now();
    const known = this.cached.get(locale);
    if (known && now - known.checkedAt < this.recheckMs) return known;
    const full = path.join(this.contentDir, SynonymCatalog.fileOf(locale));
    let mtime: number | undefined;
    try {
      mtime = fs.statSync(full).mtimeMs;
    } catch {
      mtime = undefined;
    }
    if (known && known.mtime === mtime) {
      known.checkedAt = now;
      return known;
    }
    let entry: CatalogEntry = { mtime, checkedAt: now, groups: none, problems: [] };
    if (mtime !== undefined) {
      const result = parseSynonymFile(SynonymCatalog.fileOf(locale), fs.readFileSync(full, 'utf8'));
      entry = result.ok ? { ...entry, groups: result.groups } : { ...entry, problems: result.diagnostics };
    }
    this.cached.set(locale, entry);
    return entry;
  }

  /** The same array while the file is unchanged, so callers can keep what they derive from it. */
  groups(locale: Locale): SynonymGroups {
    return this.entry(locale).groups;
  }

  /** Problems per file, for content:check: a file named after no locale is one too (it would be ignored). */
  problems(): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    for (const locale of locales) {
      const { problems } = this.entry(locale);
      if (problems.length) out.set(SynonymCatalog.fileOf(locale), problems);
    }
    let names: string[] = [];
    try {
      names = fs.readdirSync(path.join(this.contentDir, synonymsFolder));
    } catch {
      return out;
    }
    for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
      const file = `${synonymsFolder}/${name}`;
      if (out.has(file) || locales.some((l) => SynonymCatalog.fileOf(l) === file)) continue;
      out.set(file, [{ line: 1, column: 1, message: `not read: synonyms files are named <locale>.yaml (${locales.join(', ')})` }]);
    }
    return out;
  }
}
