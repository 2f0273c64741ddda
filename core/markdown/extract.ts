import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

/** A stretch of an article under one heading; search hits link to its anchor. */
export interface Section {
  anchor: string;
  heading: string;
  text: string;
}

const headingTag = /^h[2-4]$/;
/** Labels our components add ("Note", "Paste-ready answer") are chrome, not content. */
const inlineTags = new Set(['a', 'abbr', 'b', 'code', 'del', 'em', 'i', 'ins', 'kbd', 'q', 's', 'span', 'strong', 'sub', 'sup']);
const chromeClasses = new Set(['callout-title', 'answer-title']);

function isHeading(node: RootContent): node is Element {
  return node.type === 'element' && headingTag.test(node.tagName);
}

/** Text of a node with a space between block elements, so words from adjacent cells or items never fuse. */
function plainText(node: RootContent | ElementContent, parts: string[]): void {
  if (node.type === 'text') parts.push(node.value);
  else if (node.type === 'element') {
    const classes = node.properties.className;
    if (Array.isArray(classes) && classes.some((c) => chromeClasses.has(String(c)))) return;
    for (const child of node.children) plainText(child, parts);
    if (!inlineTags.has(node.tagName)) parts.push(' ');
  }
}

/** Splits the rendered tree at its headings so search can index each section with its anchor. */
export function extractSections(tree: Root): Section[] {
  const sections: Section[] = [];
  let current: Section = { anchor: '', heading: '', text: '' };
  let parts: string[] = [];
  const flush = () => {
    current.text = parts.join('').replace(/\s+/g, ' ').trim();
    if (current.text || current.heading) sections.push(current);
    parts = [];
  };
  for (const node of tree.children) {
    if (isHeading(node)) {
      flush();
      current = { anchor: String(node.properties.id ?? ''), heading: toString(node).trim(), text: '' };
    } else {
      plainText(node, parts);
    }
  }
  flush();
  return sections;
}
