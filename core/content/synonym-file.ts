import { z } from 'zod';
import { isLocale, type Locale } from '@core/i18n/locales.ts';
import type { Diagnostic } from '@core/markdown/diagnostic.ts';
import { readYamlWithSchema } from './yaml-with-schema.ts';

/**
 * One locale's regional vocabulary: `content/synonyms/<locale>.yaml`, a list of groups of words or
 * phrases customers use for the same thing (保固 and the mainland 保修). Every entry of a group finds
 * what the others find; the word typed still ranks above its synonyms.
 */
export const maxGroups = 500;
export const maxPhrasesPerGroup = 10;
export const maxPhraseLength = 60;

const phrase = z
  .string({ invalid_type_error: 'must be a word or phrase in quotes or plain text' })
  .trim()
  .min(1, 'is empty')
  .max(maxPhraseLength, `must be at most ${maxPhraseLength} characters`);

export const synonymFileSchema = z
  .array(
    z
      .array(phrase, { invalid_type_error: 'must be a list of words, like [保固, 保修]' })
      .min(2, 'needs at least 2 words or phrases')
      .max(maxPhrasesPerGroup, `must have at most ${maxPhrasesPerGroup} words or phrases`),
    { invalid_type_error: 'must be a list of groups, each a list like [refund, money back]' },
  )
  .max(maxGroups, `must have at most ${maxGroups} groups`);

export type SynonymGroups = string[][];

export type SynonymFileResult = { ok: true; locale: Locale; groups: SynonymGroups } | { ok: false; diagnostics: Diagnostic[] };

/** Parses and checks one synonyms file; every problem comes with its line and column. */
export function parseSynonymFile(file: string, source: string): SynonymFileResult {
  const name = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (!isLocale(name)) return { ok: false, diagnostics: [{ line: 1, column: 1, message: `file name "${name}" is not a locale: name it after one (en, es, zh-Hant, el, fi)` }] };
  const read = readYamlWithSchema(source, synonymFileSchema, []);
  // A path like "3.1" names no field an editor knows; the line and column say where.
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics.map(({ line, column, message }) => ({ line, column, message })) };
  const { value: groups, where } = read;
  // A word in two groups would make both groups one without anyone having decided so.
  const firstSeen = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  groups.forEach((group, g) =>
    group.forEach((entry, i) => {
      const key = entry.toLocaleLowerCase(name);
      const earlier = firstSeen.get(key);
      if (earlier !== undefined && earlier !== g) diagnostics.push({ ...where([g, i]), message: `"${entry}" is already in the group on line ${where([earlier]).line}: keep each word in one group` });
      else firstSeen.set(key, g);
    }),
  );
  if (diagnostics.length) return { ok: false, diagnostics };
  return { ok: true, locale: name, groups };
}
