import type { Diagnostic } from './diagnostic.ts';

/**
 * Limits every article is parsed under (docs/content-limits.md). The Markdown parser spends time
 * quadratic in unclosed emphasis, brackets and containers, and the tree walks after it recurse once per
 * level: a few kilobytes of nesting cost minutes or overflow the stack. Real articles nest a handful of
 * levels, so a cheap scan of the text refuses the rest before the parser sees it.
 */
export const contentLimits = {
  /** Bytes of UTF-8 in one article file, frontmatter included. */
  maxDocumentBytes: 1024 * 1024,
  /** Levels of nesting: blockquotes and lists, open emphasis, open brackets, open components, tree depth. */
  maxNestingDepth: 32,
  /** Columns of indentation outside code fences (each list level needs at least two). */
  maxIndentColumns: 128,
  /** Levels of the parsed tree (a list level is two: the list and its item). */
  maxTreeDepth: 100,
} as const;

const fenceLine = /^[ \t>]*(?:[-+*][ \t]+|\d{1,9}[.)][ \t]+)*(`{3,}|~{3,})/;
const containerMarker = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;
const codeSpan = /(`+)[^`]*?\1/g;
const component = /<(\/?)([A-Za-z][\w.]*)(?:\s[^<>]*?)?(\/?)>/g;

function tooDeep(line: number, column: number, what: string): Diagnostic {
  return { line, column, message: `${what} nest deeper than ${contentLimits.maxNestingDepth} levels; simplify the text here` };
}

/** How many container markers (`>`, list bullets and numbers) open the line. */
function containerDepth(text: string): number {
  containerMarker.lastIndex = 0;
  let depth = 0;
  while (containerMarker.lastIndex < text.length && containerMarker.test(text)) depth++;
  return depth;
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

function isPunctuation(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{P}\p{S}]/u.test(ch);
}

/**
 * Open emphasis delimiters and brackets within one paragraph, as the parser would count them:
 * a run of `*` or `_` before a word opens (by its length), one after a word closes.
 */
class InlineDepth {
  private emphasis = 0;
  private brackets = 0;

  reset(): void {
    this.emphasis = 0;
    this.brackets = 0;
  }

  /** The column (1-based) where the line goes too deep, with what went deep; undefined when it stays inside. */
  scan(text: string): { column: number; what: string } | undefined {
    const line = text.replace(codeSpan, (m) => ' '.repeat(m.length));
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '\\') {
        i++;
        continue;
      }
      if (ch === '[') {
        if (++this.brackets > contentLimits.maxNestingDepth) return { column: i + 1, what: 'brackets' };
      } else if (ch === ']') {
        this.brackets = Math.max(0, this.brackets - 1);
      } else if (ch === '*' || ch === '_') {
        let end = i;
        while (line[end + 1] === ch) end++;
        const run = end - i + 1;
        const before = line[i - 1];
        const after = line[end + 1];
        const opens = !isSpace(after) && (isSpace(before) || isPunctuation(before) || !isPunctuation(after));
        const closes = !isSpace(before) && (isSpace(after) || isPunctuation(after) || !isPunctuation(before));
        if (opens && !closes) this.emphasis += run;
        else if (closes && !opens) this.emphasis = Math.max(0, this.emphasis - run);
        if (this.emphasis > contentLimits.maxNestingDepth || run > contentLimits.maxNestingDepth * 2) return { column: i + 1, what: 'emphasis markers' };
        i = end;
      }
    }
    return undefined;
  }
}

/**
 * Checks a Markdown body against the nesting limits before it is parsed. `lineOffset`: lines of the file
 * before the body, so the diagnostic points into the file. Returns at most one diagnostic: the first place
 * that goes too deep.
 */
export function checkBodyLimits(body: string, lineOffset = 0): Diagnostic[] {
  const inline = new InlineDepth();
  let fence: string | undefined;
  let components = 0;
  const lines = body.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const text = lines[n] ?? '';
    const line = n + 1 + lineOffset;
    const fenceMatch = fenceLine.exec(text);
    if (fence) {
      const marker = fenceMatch?.[1];
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      continue;
    }
    if (!text.trim()) {
      inline.reset();
      continue;
    }
    const indent = /^[ \t]*/.exec(text)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (indent > contentLimits.maxIndentColumns) return [{ line, column: 1, message: `is indented ${indent} columns; the limit is ${contentLimits.maxIndentColumns}` }];
    if (containerDepth(text) > contentLimits.maxNestingDepth) return [tooDeep(line, 1, 'Quotes and lists')];
    const deep = inline.scan(text);
    if (deep) return [tooDeep(line, deep.column, deep.what[0]!.toUpperCase() + deep.what.slice(1))];
    for (const m of text.matchAll(component)) {
      if (m[3]) continue;
      components = m[1] ? Math.max(0, components - 1) : components + 1;
      if (components > contentLimits.maxNestingDepth) return [tooDeep(line, (m.index ?? 0) + 1, 'Components')];
    }
  }
  return [];
}

interface TreeNode {
  children?: TreeNode[];
  position?: { start: { line: number; column: number } };
}

/** The first node deeper than the limit, found without recursion (the tree may be too deep to recurse). */
export function checkTreeDepth(tree: TreeNode, lineOffset = 0): Diagnostic[] {
  const stack: Array<[TreeNode, number]> = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > contentLimits.maxTreeDepth) {
      const line = (node.position?.start.line ?? 1) + lineOffset;
      return [{ line, column: node.position?.start.column ?? 1, message: `Elements nest deeper than ${contentLimits.maxTreeDepth} levels; simplify the text here` }];
    }
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return [];
}

/** The size check of a whole article file. */
export function checkDocumentSize(source: string): Diagnostic[] {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes <= contentLimits.maxDocumentBytes) return [];
  return [{ line: 1, column: 1, message: `the file is ${bytes.toLocaleString('en')} bytes; the limit is ${contentLimits.maxDocumentBytes.toLocaleString('en')} (1 MiB): split the article` }];
}
