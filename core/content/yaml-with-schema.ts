import { LineCounter, isNode, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '@core/markdown/diagnostic.ts';

/** Where a value of the document starts, by its path; the nearest parent that has a place otherwise. */
export type PlaceOf = (path: ReadonlyArray<string | number>) => { line: number; column: number };

export type YamlRead<T> = { ok: true; value: T; where: PlaceOf } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Reads a YAML content file (synonyms, onboarding tracks) and checks it against `schema`: every problem
 * comes with its line and column, duplicate keys are refused and aliases are capped (a file of nested
 * aliases would otherwise expand without bound). `empty` stands for a document with nothing in it.
 */
export function readYamlWithSchema<T>(source: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, empty?: unknown): YamlRead<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length) return { ok: false, diagnostics: doc.errors.map((e) => ({ ...at(e.pos[0]), message: `YAML: ${e.message.split('\n')[0]}` })) };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 20 }) ?? empty;
  } catch (error) {
    return { ok: false, diagnostics: [{ line: 1, column: 1, message: `YAML: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const where: PlaceOf = (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, diagnostics: parsed.error.issues.map((issue) => ({ ...where(issue.path), field: issue.path.join('.') || undefined, message: issue.message })) };
  return { ok: true, value: parsed.data, where };
}
