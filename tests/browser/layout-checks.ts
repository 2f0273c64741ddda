import type { Page } from '@playwright/test';

export interface LayoutProblems {
  pageOverflow: string | null;
  overflowingText: string[];
  brokenWords: string[];
  narrowCells: string[];
  wrappedButtons: string[];
}

/**
 * What a reader would see as broken, measured in the page: the page wider than the screen, text running
 * out of its box, a word split across lines inside a table cell ("Monda|y"), a cell one character wide
 * (C/o/d/e), and a button whose label wraps (搜尋 stacked). Each finding names the element and its text.
 */
export function findLayoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    // Lines of the text a sighted reader sees: text hidden for screen readers only is left out.
    const lineCount = (element: Element) => {
      const tops = new Set<number>();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
      }
      return tops.size;
    };
    const viewport = document.documentElement.clientWidth;
    const pageOverflow = document.documentElement.scrollWidth > viewport + 1 ? `page is ${document.documentElement.scrollWidth}px wide in a ${viewport}px screen` : null;

    const overflowingText: string[] = [];
    for (const el of document.querySelectorAll('main *, header *, footer *')) {
      if (!visible(el) || el.closest('.table-scroll, .visually-hidden, [hidden]')) continue;
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' || style.display === 'inline') continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (ownText && el.scrollWidth > el.clientWidth + 1) overflowingText.push(describe(el));
    }

    const brokenWords: string[] = [];
    const narrowCells: string[] = [];
    for (const cell of document.querySelectorAll('td, th')) {
      if (!visible(cell)) continue;
      const text = (cell.textContent ?? '').trim();
      const fontSize = parseFloat(getComputedStyle(cell).fontSize);
      const style = getComputedStyle(cell);
      const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (text.length >= 2 && inner < fontSize * 2) narrowCells.push(`${describe(cell)} is ${Math.round(inner)}px wide`);
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.textContent ?? '';
        for (const match of value.matchAll(/[^\s/–—-]+/gu)) {
          if (cjk.test(match[0]) || match[0].length < 2) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) brokenWords.push(`"${match[0]}" in ${describe(cell)}`);
        }
      }
    }

    const wrappedButtons: string[] = [];
    for (const button of document.querySelectorAll('button, .button, summary')) {
      if (!visible(button) || button.closest('[hidden]')) continue;
      if (lineCount(button) > 1) wrappedButtons.push(describe(button));
    }
    return { pageOverflow, overflowingText, brokenWords, narrowCells, wrappedButtons };
  });
}
