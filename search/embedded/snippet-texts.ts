import { LRUCache } from 'lru-cache';
import { analyseForHighlight, analysedBytes, type AnalysedText } from '../snippet.ts';
import type { DocRecord, LocaleIndex } from './locale-index.ts';

/** What a hit's snippet is cut from: a section (with its anchor), or the summary. */
export interface SnippetSource {
  anchor: string;
  analysed: AnalysedText;
}

interface Kept {
  record: DocRecord;
  source: SnippetSource | undefined;
}

/**
 * The texts snippets are cut from, analysed, for the sections shown most: analysing a section costs more
 * than the rest of a search, and popular articles come up in many different searches. Kept per document
 * record, so a changed article (a new record) never gets its old text; least recently used dropped first
 * once the bytes pass the cap.
 */
export class SnippetTexts {
  private readonly kept: LRUCache<string, Kept>;

  constructor(maxBytes: number) {
    this.kept = new LRUCache({ maxSize: maxBytes, sizeCalculation: (k) => 64 + (k.source ? analysedBytes(k.source.analysed) : 0) });
  }

  /** `read` gives the text when it is not kept; undefined (an unreadable section) is kept as such too. */
  get(index: LocaleIndex, record: DocRecord, which: number | 'summary', read: () => { anchor: string; text: string } | undefined): SnippetSource | undefined {
    const key = `${record.doc.id}\u0000${which}`;
    const known = this.kept.get(key);
    if (known?.record === record) return known.source;
    const found = read();
    const source = found ? { anchor: found.anchor, analysed: analyseForHighlight(found.text, index.locale) } : undefined;
    this.kept.set(key, { record, source });
    return source;
  }
}
