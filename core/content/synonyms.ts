import fs from 'node:fs';
import path from 'node:path';
import { locales, type Locale } from '@core/i18n/locales.ts';
import type { Diagnostic } from '@core/markdown/diagnostic.ts';
import { parseSynonymFile, type SynonymGroups } from './synonym-file.ts';

/** The folder of the synonyms files, inside the content directory. */
export const synonymsFolder = 'synonyms';

const none: SynonymGroups = [];

/**
 * The synonyms of each locale, read from the content directory. A file is read again when it changes on
 * disk (checked by mtime on each look-up: one stat), so editors' changes apply to the next search with
 * no re-index. A file with a problem counts as empty until fixed; `content:check` names the problem.
 */
export class SynonymCatalog {
  private readonly cached = new Map<Locale, { mtime: number; groups: SynonymGroups; problems: Diagnostic[] }>();

  constructor(private readonly contentDir: string) {}

  static fileOf(locale: Locale): string {
    return `${synonymsFolder}/${locale}.yaml`;
  }

  private entry(locale: Locale) {
    const full = path.join(this.contentDir, SynonymCatalog.fileOf(locale));
    let mtime: number;
    try {
      mtime = fs.statSync(full).mtimeMs;
    } catch {
      this.cached.delete(locale);
      return undefined;
    }
    const known = this.cached.get(locale);
    if (known?.mtime === mtime) return known;
    const result = parseSynonymFile(SynonymCatalog.fileOf(locale), fs.readFileSync(full, 'utf8'));
    const entry = result.ok ? { mtime, groups: result.groups, problems: [] } : { mtime, groups: none, problems: result.diagnostics };
    this.cached.set(locale, entry);
    return entry;
  }

  /** The same array while the file is unchanged, so callers can keep what they derive from it. */
  groups(locale: Locale): SynonymGroups {
    return this.entry(locale)?.groups ?? none;
  }

  /** Problems per file, for content:check: a file named after no locale is one too (it would be ignored). */
  problems(): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    for (const locale of locales) {
      const problems = this.entry(locale)?.problems;
      if (problems?.length) out.set(SynonymCatalog.fileOf(locale), problems);
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
