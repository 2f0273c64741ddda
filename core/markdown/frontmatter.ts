import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from './diagnostic.ts';

export interface SplitSource {
  data: unknown;
  body: string;
  /** Lines before the body starts, to map body positions back to the file. */
  bodyLineOffset: number;
  /** Where each top-level frontmatter key sits, so schema errors can point at it. */
  fieldLines: Map<string, number>;
  diagnostics: Diagnostic[];
}

const fence = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** How many alias uses the YAML of one article may expand. */
export const maxFrontmatterAliases = 20;

/** Splits `---` YAML frontmatter from the MDX body. */
export function splitFrontmatter(source: string): SplitSource {
  const text = source.replace(/^\uFEFF/, '');
  const match = fence.exec(text);
  if (!match) {
    return {
      data: undefined,
      body: text,
      bodyLineOffset: 0,
      fieldLines: new Map(),
      diagnostics: [{ line: 1, column: 1, message: 'missing frontmatter: the file must start with a --- block' }],
    };
  }
  const yamlText = match[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { line: pos.line + 1, column: pos.col, message: `frontmatter: ${e.message.split('\n')[0]}` };
  });
  const fieldLines = new Map<string, number>();
  const contents = doc.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null;
  for (const item of contents?.items ?? []) {
    if (item.key && typeof item.key.value === 'string' && item.key.range) {
      fieldLines.set(item.key.value, lineCounter.linePos(item.key.range[0]).line + 1);
    }
  }
  let data: unknown;
  if (!diagnostics.length) {
    try {
      // Anchors and aliases can expand a few lines into millions of nodes (a "billion laughs" file):
      // the frontmatter of an article never needs more than a handful.
      data = doc.toJS({ maxAliasCount: maxFrontmatterAliases });
    } catch (error) {
      diagnostics.push({ line: 1, column: 1, message: `frontmatter: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
    }
  }
  return {
    data,
    body: text.slice(match[0].length),
    bodyLineOffset: match[0].split('\n').length - 1,
    fieldLines,
    diagnostics,
  };
}
