import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import GithubSlugger from 'github-slugger';
import { toString } from 'hast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { State } from 'mdast-util-to-hast';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Locale } from '../i18n/locales.ts';
import { messages } from '../i18n/messages.ts';
import { tidyCjkTree } from './cjk-spacing.ts';
import { components } from './components.ts';
import type { Diagnostic } from './diagnostic.ts';
import { extractSections, type Heading, type Section } from './extract.ts';
import { checkBodyLimits, checkTreeDepth } from './limits.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { labelTaskItems } from './task-list.ts';
import { wrapTables } from './table-scroll.ts';
import { validateTree } from './validate.ts';

export interface Rendered {
  html: string;
  headings: Heading[];
  sections: Section[];
  /** Every link target with its place in the file, so link checks can point at the line. */
  links: Link[];
}

export interface Link {
  url: string;
  line: number;
  column: number;
}

export type RenderResult = { ok: true; rendered: Rendered } | { ok: false; diagnostics: Diagnostic[] };

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

function componentHandler(locale: Locale) {
  const labels = messages(locale).callout;
  return (state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element | undefined => {
    const spec = node.name ? components[node.name] : undefined;
    if (!spec) return undefined;
    const props: Record<string, string> = {};
    for (const attr of node.attributes as MdxJsxAttribute[]) {
      if (typeof attr.value === 'string') props[attr.name] = attr.value;
    }
    return spec.build(props, state.all(node), labels);
  };
}

/**
 * Every heading id starts with this, and no id of the pages around an article does: a heading written
 * `## Article title` must not take the page's `article-title` (aria-labelledby would name the wrong
 * element, and scripts reading the element by id could be misled: DOM clobbering).
 * tests/core/heading-ids.test.ts checks the pages' own ids.
 */
export const headingIdPrefix = 'section-';

/** The fragment of a `#...` link as written, percent-decoding when it can. */
function fragment(href: string): string {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/**
 * Gives h2-h4 stable ids after sanitizing, so the ids are ours and never an author's, and points the
 * article's own `#fragment` links at them.
 */
function headingIds(tree: HastRoot): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const bySlug = new Map<string, string>();
  visit(tree, 'element', (node: Element) => {
    const match = /^h([2-4])$/.exec(node.tagName);
    if (!match) return;
    const text = toString(node).trim();
    const slug = slugger.slug(text) || slugger.slug('part');
    const id = `${headingIdPrefix}${slug}`;
    bySlug.set(slug, id);
    node.properties.id = id;
    headings.push({ depth: Number(match[1]), text, id });
  });
  visit(tree, 'element', (node: Element) => {
    const href = node.tagName === 'a' ? node.properties.href : undefined;
    const target = typeof href === 'string' && href.startsWith('#') ? bySlug.get(fragment(href)) : undefined;
    if (target) node.properties.href = `#${target}`;
  });
  return headings;
}

/**
 * Markdown tables often leave the corner cell empty; an empty <th> names nothing, and screen readers
 * would announce it as a header for its column, so it becomes a plain cell.
 */
function demoteEmptyHeaderCells(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'th' && toString(node).trim() === '') node.tagName = 'td';
  });
}

function syntaxDiagnostic(error: unknown): Diagnostic {
  const e = error as { line?: number; column?: number; reason?: string; message?: string };
  return { line: e.line ?? 1, column: e.column ?? 1, message: `MDX syntax: ${e.reason ?? e.message ?? String(error)}` };
}

/**
 * The one Markdown pipeline: MDX parse -> safe-subset check -> HTML tree -> sanitize -> headings.
 * Public pages, the staff preview and the search extractor all call this, so they agree.
 */
export function renderMarkdown(body: string, locale: Locale, lineOffset = 0): RenderResult {
  const tooDeep = checkBodyLimits(body, lineOffset);
  if (tooDeep.length) return { ok: false, diagnostics: tooDeep };
  let tree: MdastRoot;
  try {
    tree = parser.parse(body);
  } catch (error) {
    const d = syntaxDiagnostic(error);
    return { ok: false, diagnostics: [{ ...d, line: d.line + lineOffset }] };
  }
  // The steps below recurse once per level of the tree.
  const treeTooDeep = checkTreeDepth(tree, lineOffset);
  if (treeTooDeep.length) return { ok: false, diagnostics: treeTooDeep };
  const diagnostics = validateTree(tree).map((d) => ({ ...d, line: d.line + lineOffset }));
  visit(tree, 'heading', (node) => {
    if (node.depth === 1) {
      diagnostics.push({
        line: (node.position?.start.line ?? 1) + lineOffset,
        column: node.position?.start.column ?? 1,
        message: 'use ## for sections: the title is the page heading',
      });
    }
  });
  if (diagnostics.length) return { ok: false, diagnostics };
  const links: Link[] = [];
  visit(tree, ['link', 'definition'], (node) => {
    const { url, position } = node as { url: string; position?: { start: { line: number; column: number } } };
    links.push({ url, line: (position?.start.line ?? 1) + lineOffset, column: position?.start.column ?? 1 });
  });

  const handler = componentHandler(locale);
  const hast = unified()
    .use(remarkRehype, { handlers: { mdxJsxFlowElement: handler, mdxJsxTextElement: handler } as never })
    .use(rehypeSanitize, sanitizeSchema)
    .runSync(tree) as HastRoot;
  demoteEmptyHeaderCells(hast);
  labelTaskItems(hast);
  if (locale === 'zh-Hant') tidyCjkTree(hast);
  const headings = headingIds(hast);
  const sections = extractSections(hast);
  wrapTables(hast, messages(locale).callout.table);
  const html = unified().use(rehypeStringify).stringify(hast);
  return { ok: true, rendered: { html, headings, sections, links } };
}
