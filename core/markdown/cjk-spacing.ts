import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const han = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const fullWidthPunctuation = '。，、；：！？）」』】》〉';
/** Whitespace after full-width punctuation or between two Han characters: a line break in the source, never a space in Chinese. */
const strayBlank = new RegExp(`(?<=[${fullWidthPunctuation}])[ \\t\\n]+|(?<=[${han}])[ \\t\\n]+(?=[${han}])`, 'gu');

/**
 * Chinese has no spaces between words; a source line break (a Markdown soft break, a folded YAML line)
 * shows as a stray space after 。 or ， or between two characters. Latin words keep their spaces.
 */
export function tidyCjkSpacing(text: string): string {
  return text.replace(strayBlank, '');
}

const preformatted = new Set(['pre', 'code', 'kbd']);

/** The same tidying on the text of a rendered article, leaving code as written. */
export function tidyCjkTree(tree: Root): void {
  visit(tree, (node, _index, parent) => {
    if (node.type === 'element' && preformatted.has((node as Element).tagName)) return 'skip';
    if (node.type === 'text' && parent) node.value = tidyCjkSpacing(node.value);
    return undefined;
  });
}
