import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '@core/content/article.ts';
import type { Diagnostic } from '@core/markdown/diagnostic.ts';
import { parseTrackFile, type Track } from './track-file.ts';

/** The folder of the track files, inside the content directory. */
export const tracksFolder = 'onboarding';

export interface TrackLoad {
  tracks: Track[];
  /** Files left out, with their problems. */
  problems: Map<string, Diagnostic[]>;
}

/**
 * Reads every track file. A file with a problem is left out (and reported), the others keep working.
 * The files are few and small, so they are read again whenever they change on disk (checked by mtime).
 */
export class TrackCatalog {
  private cached?: { stamp: string; load: TrackLoad };

  constructor(private readonly contentDir: string) {}

  private files(): Array<{ file: string; full: string; mtime: number }> {
    const dir = path.join(this.contentDir, tracksFolder);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return [];
    }
    return names
      .filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('.'))
      .sort()
      .map((n) => {
        const full = path.join(dir, n);
        return { file: `${tracksFolder}/${n}`, full, mtime: fs.statSync(full).mtimeMs };
      });
  }

  load(): TrackLoad {
    const files = this.files();
    const stamp = files.map((f) => `${f.file}:${f.mtime}`).join('|');
    if (this.cached?.stamp === stamp) return this.cached.load;
    const load: TrackLoad = { tracks: [], problems: new Map() };
    for (const { file, full } of files) {
      const result = parseTrackFile(file, fs.readFileSync(full, 'utf8'));
      if (result.ok) load.tracks.push(result.track);
      else load.problems.set(file, result.diagnostics);
    }
    this.cached = { stamp, load };
    return load;
  }

  all(): Track[] {
    return this.load().tracks;
  }

  get(id: string): Track | undefined {
    return this.all().find((t) => t.id === id);
  }
}

/**
 * What content:check says about valid tracks: a step naming an article that does not exist (or exists
 * only as a draft) in any language, pointed at by its line.
 */
export function checkTrackArticles(tracks: Track[], articles: Article[]): Array<{ file: string; diagnostic: Diagnostic }> {
  const published = new Set(articles.filter((a) => a.meta.status === 'published').map((a) => a.meta.translationKey));
  const out: Array<{ file: string; diagnostic: Diagnostic }> = [];
  for (const track of tracks) {
    track.steps.forEach((step, i) => {
      if (published.has(step.article)) return;
      out.push({ file: track.file, diagnostic: { line: track.stepLines[i] ?? 1, column: 1, field: `steps.${i}.article`, message: `no published article has the translation key "${step.article}"` } });
    });
  }
  return out;
}
