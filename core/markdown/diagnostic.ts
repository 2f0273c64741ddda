/** A problem found in an article, pointing at the place an editor has to fix. */
export interface Diagnostic {
  line: number;
  column: number;
  message: string;
  /** The frontmatter field, when the problem is in one. */
  field?: string;
}

export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = `${file}:${d.line}:${d.column}`;
  return d.field ? `${where} ${d.field}: ${d.message}` : `${where} ${d.message}`;
}
