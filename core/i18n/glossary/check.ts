import type { Diagnostic } from '@core/markdown/diagnostic.ts';
import type { Locale } from '../locales.ts';
import { glossary } from './index.ts';

/** The UI string files of a locale, relative to core/i18n/messages; the complaint form's own come first. */
export function messageFiles(locale: Locale): { file: string; complaintStrings: boolean }[] {
  return [
    { file: `complaints/${locale}.ts`, complaintStrings: true },
    { file: `${locale}.ts`, complaintStrings: false },
    { file: `translation/${locale}.ts`, complaintStrings: false },
  ];
}

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}

function lineAt(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end);
}

/** Every place where a text mixes up the locale's glossary terms, with line and column. */
export function checkGlossary(text: string, locale: Locale, { complaintStrings = false } = {}): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const rule of glossary[locale].rules) {
    if (rule.complaintStringsOnly && !complaintStrings) continue;
    for (const match of text.matchAll(new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`))) {
      if (rule.unlessLine?.test(lineAt(text, match.index))) continue;
      problems.push({ ...position(text, match.index), message: `glossary: "${match[0].replace(/\s+/g, ' ')}": ${rule.message}` });
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
