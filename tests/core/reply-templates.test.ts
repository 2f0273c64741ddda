import { describe, expect, it } from 'vitest';
import { categoriesFor } from '@core/content/categories.ts';
import { parseArticle } from '@core/content/parse-article.ts';
import { fillPlaceholders } from '@core/content/placeholders.ts';

const template = (reply: string, extra = '') => `---
title: Leak reply
summary: First answer to a leak.
category: reply-template
audience: internal
locale: en
translationKey: reply-leak
${extra}reply: |
${reply.split('\n').map((l) => `  ${l}`).join('\n')}
updated: 2026-11-01
status: published
---

When to use it.
`;

describe('reply templates', () => {
  it('accept the known placeholders', () => {
    const parsed = parseArticle(template('Dear {{customer.name}},\nyour complaint {{ complaint.reference }} is with {{agent.name}}.'));
    expect(parsed.ok).toBe(true);
  });

  it('refuse an unknown placeholder at its line and column', () => {
    const parsed = parseArticle(template('Dear {{customer.name}},\nsee {{complaint.trackingURL}} soon.'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({ line: 10, column: 7, field: 'reply', message: expect.stringContaining('unknown placeholder {{complaint.trackingURL}}') }),
    ]);
  });

  it('are for staff only, and only templates carry a reply', () => {
    const public_ = parseArticle(template('Hello', '').replace('audience: internal', 'audience: public'));
    expect(public_.ok ? [] : public_.diagnostics.map((d) => d.field)).toEqual(['audience']);
    const faq = parseArticle(template('Hello').replace('category: reply-template', 'category: faq'));
    expect(faq.ok ? [] : faq.diagnostics.map((d) => d.field)).toEqual(['reply']);
    expect(categoriesFor({ kind: 'public' })).not.toContain('reply-template');
    expect(categoriesFor({ kind: 'staff' })).toContain('reply-template');
  });

  it('fill what has a value and keep the rest visible and listed', () => {
    expect(fillPlaceholders('Dear {{customer.name}}, {{complaint.reference}} {{agent.name}}', { 'customer.name': 'Anna', 'agent.name': '' })).toEqual({
      text: 'Dear Anna, {{complaint.reference}} {{agent.name}}',
      missing: ['complaint.reference', 'agent.name'],
    });
  });
});
