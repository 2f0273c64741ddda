import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Wraps every table in a labelled region that scrolls sideways and takes keyboard focus, so a wide
 * table keeps readable columns on a phone instead of squeezing them to one character, and a keyboard
 * user can scroll it. Runs after sanitizing: the region and its label are ours, never an author's.
 */
export function wrapTables(tree: Root, tableLabel: string): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return;
    const headers: string[] = [];
    visit(node, 'element', (cell: Element) => {
      if (cell.tagName === 'th') headers.push(toString(cell).trim());
    });
    const named = headers.filter((h) => h.length > 0);
    const label = named.length > 0 ? `${tableLabel}: ${named.slice(0, 4).join(', ')}` : tableLabel;
    const wrapper: Element = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: label },
      children: [node],
    };
    parent.children[index] = wrapper;
    return 'skip';
  });
}
