import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** The id of the n-th (from 1) checkbox of an article's task lists; staff pages make these tickable. */
export const taskItemId = (n: number) => `task-item-${n}`;

const block = new Set(['p', 'ul', 'ol', 'div', 'blockquote', 'pre', 'table']);

const isBox = (c: ElementContent) => c.type === 'element' && c.tagName === 'input' && c.properties.type === 'checkbox';

/** The element holding an item's checkbox: the item itself, or (in a loose list) its first paragraph. */
function holder(li: Element): Element | undefined {
  if (li.children.some(isBox)) return li;
  const first = li.children.find((c): c is Element => c.type === 'element');
  return first?.tagName === 'p' && first.children.some(isBox) ? first : undefined;
}

/**
 * GFM task-list checkboxes come without a name, so screen readers announce "checkbox, not checked"
 * and nothing else. Each gets a numbered id; the item's text becomes its <label> (clicking the text
 * ticks the box), or its aria-label when the item holds blocks a label may not contain.
 */
export function labelTaskItems(tree: HastRoot): number {
  let n = 0;
  visit(tree, 'element', (item: Element) => {
    if (item.tagName !== 'li') return;
    const li = holder(item);
    if (!li) return;
    const at = li.children.findIndex(isBox);
    const box = li.children[at] as Element;
    const id = taskItemId(++n);
    box.properties.id = id;
    const rest = li.children.slice(at + 1);
    if (rest.some((c) => c.type === 'element' && block.has(c.tagName))) {
      box.properties.ariaLabel = toString({ type: 'element', tagName: 'span', properties: {}, children: rest }).trim().slice(0, 300);
      return;
    }
    const label: Element = { type: 'element', tagName: 'label', properties: { htmlFor: [id] }, children: rest as ElementContent[] };
    li.children = [...li.children.slice(0, at + 1), label];
  });
  return n;
}
