import { Document, isMap, parseDocument, Scalar, type YAMLSeq } from 'yaml';
import { maxFrontmatterAliases, splitFrontmatter } from '@core/markdown/frontmatter.ts';

/** The frontmatter as the editor form holds it: every value a string, as typed. */
export interface ArticleFields {
  title: string;
  summary: string;
  category: string;
  audience: string;
  locale: string;
  translationKey: string;
  product: string;
  /** Comma-separated. */
  tags: string;
  answer: string;
  /** Reply templates: the reply, with placeholders. */
  reply: string;
  /** Reply templates: comma-separated complaint categories. */
  complaintCategories: string;
  updated: string;
  status: string;
}

export const fieldNames = ['title', 'summary', 'category', 'audience', 'locale', 'translationKey', 'product', 'tags', 'answer', 'reply', 'complaintCategories', 'updated', 'status'] as const;
export type FieldName = (typeof fieldNames)[number];

export const emptyFields: ArticleFields = {
  title: '',
  summary: '',
  category: '',
  audience: 'public',
  locale: 'en',
  translationKey: '',
  product: '',
  tags: '',
  answer: '',
  reply: '',
  complaintCategories: '',
  updated: '',
  status: 'draft',
};

const fence = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Textareas send CRLF; files use LF. */
export function normalizeNewlines(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

/** Splits a file into form fields and body. Leading blank lines of the body are dropped (the composer puts one back). */
export function fieldsFromSource(source: string): { fields: ArticleFields; body: string } {
  const split = splitFrontmatter(source);
  const data = (split.data && typeof split.data === 'object' ? split.data : {}) as Record<string, unknown>;
  const fields = { ...emptyFields };
  for (const name of fieldNames) if (name in data) fields[name] = text(data[name]);
  const body = split.diagnostics.length && !fence.test(source) ? source : split.body;
  return { fields, body: normalizeNewlines(body).replace(/^\n+/, '') };
}

export function parseTags(value: string): string[] {
  return value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The value each field gets in YAML; undefined removes the key. */
function yamlValue(name: FieldName, value: string): unknown {
  const v = normalizeNewlines(value).trim();
  if (name === 'tags') return parseTags(v);
  if (name === 'complaintCategories') return v === '' ? undefined : parseTags(v);
  if ((name === 'product' || name === 'answer' || name === 'reply') && v === '') return undefined;
  return v;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function node(doc: Document, name: FieldName, value: unknown): unknown {
  if (Array.isArray(value)) {
    const seq = doc.createNode(value) as YAMLSeq;
    seq.flow = true;
    return seq;
  }
  const scalar = doc.createNode(value) as Scalar;
  if ((name === 'title' || name === 'summary') && typeof value === 'string') scalar.type = Scalar.QUOTE_DOUBLE;
  if (name === 'answer' && typeof value === 'string' && value.length > 100) scalar.type = value.includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED;
  // A reply keeps its line breaks as the agent will send them.
  if (name === 'reply' && typeof value === 'string') scalar.type = Scalar.BLOCK_LITERAL;
  return scalar;
}

const stringifyOptions = { lineWidth: 120, minContentWidth: 40, flowCollectionPadding: false } as const;

/** `name: value` as its own YAML text, ending in a newline. */
function pairText(name: FieldName, value: unknown): string {
  const doc = new Document({});
  doc.set(name, node(doc, name, value));
  return doc.toString(stringifyOptions);
}

/**
 * Rewrites only the changed keys of existing frontmatter text, each from its key to the next key, so
 * comments, quoting, folding and unknown keys (like `slug`) elsewhere stay byte for byte.
 */
function patchYaml(yamlText: string, fields: ArticleFields): string | undefined {
  const doc = parseDocument(yamlText, { uniqueKeys: true });
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  let current: Record<string, unknown>;
  try {
    current = doc.toJS({ maxAliasCount: maxFrontmatterAliases }) as Record<string, unknown>;
  } catch {
    // Frontmatter that expands its aliases without bound is written anew from the form.
    return undefined;
  }
  const items = doc.contents.items as Array<{ key: { value?: unknown; range?: [number, number, number] } | null }>;
  const starts = items.map((p) => p.key?.range?.[0]);
  if (starts.some((s) => s === undefined)) return undefined;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let appended = '';
  for (const name of fieldNames) {
    const value = yamlValue(name, fields[name]);
    if (sameValue(current[name], value)) continue;
    const index = items.findIndex((p) => p.key?.value === name);
    const replacement = value === undefined ? '' : pairText(name, value);
    if (index === -1) {
      appended += replacement;
      continue;
    }
    const start = starts[index] as number;
    const end = index + 1 < starts.length ? (starts[index + 1] as number) : yamlText.length;
    edits.push({ start, end, text: replacement });
  }
  let out = yamlText;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (!out.endsWith('\n')) out += '\n';
  return out + appended;
}

/**
 * Writes fields and body back into a file. With the original source, only the keys whose values changed
 * are rewritten, so comments, quoting and keys the form does not know (like `slug`) stay as they were.
 */
export function composeSource(fields: ArticleFields, body: string, original?: string): string {
  const match = original ? fence.exec(original.replace(/^\uFEFF/, '')) : null;
  let yamlText = match ? patchYaml(`${match[1] ?? ''}\n`, fields) : undefined;
  if (yamlText === undefined) {
    const doc = new Document({});
    for (const name of fieldNames) {
      const value = yamlValue(name, fields[name]);
      if (value !== undefined) doc.set(name, node(doc, name, value));
    }
    yamlText = doc.toString(stringifyOptions);
  }
  const cleanBody = normalizeNewlines(body).replace(/^\n+/, '').replace(/\s+$/, '');
  return `---\n${yamlText}---\n\n${cleanBody}\n`;
}

/** The file line on which the body's first line sits (1-based), for mapping diagnostics to the body field. */
export function bodyStartLine(source: string): number {
  const split = splitFrontmatter(source);
  const leading = /^\n*/.exec(split.body)?.[0].length ?? 0;
  return split.bodyLineOffset + leading + 1;
}
