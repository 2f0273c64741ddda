import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentStore } from '@core/content/store.ts';
import { createAnswerFinder } from '@search/answers.ts';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { indexedEngine } from '@tests/search/indexed-content.ts';

/** A reply template as an editor writes it; `extra` lines go into the frontmatter. */
function template(o: { title: string; summary: string; locale?: string; key: string; extra: string; reply: string; tags: string }): string {
  return `---
title: "${o.title}"
summary: "${o.summary}"
category: reply-template
audience: internal
locale: ${o.locale ?? 'en'}
translationKey: ${o.key}
${o.extra}
tags: [${o.tags}]
reply: |
${o.reply.split('\n').map((l) => `  ${l}`).join('\n')}
updated: 2026-11-20
status: published
---

Use this for the cases the title names.
`;
}

const files: Record<string, string> = {
  'en/reply-template/reply-washer-leak.mdx': template({
    title: 'Reply: washing machine leaking',
    summary: 'First reply when the washing machine leaks water onto the floor.',
    key: 'reply-washer-leak',
    extra: 'product: aquawash\ncomplaintCategories: [product-defect]',
    tags: 'leak, water, floor, washing machine',
    reply: 'Dear {{customer.name}},\nplease turn off the water tap; a technician will repair the leak ({{complaint.reference}}).\n{{agent.name}}',
  }),
  'en/reply-template/reply-fridge-water.mdx': template({
    title: 'Reply: water in the fridge',
    summary: 'First reply when water leaks inside the refrigerator or onto the floor.',
    key: 'reply-fridge-water',
    extra: 'product: frostline\ncomplaintCategories: [product-defect]',
    tags: 'leak, water, floor, fridge',
    reply: 'Dear {{customer.name}},\nwater under a fridge usually comes from a blocked drain ({{complaint.reference}}).\n{{agent.name}}',
  }),
  'en/reply-template/reply-refund-late.mdx': template({
    title: 'Reply: refund not received',
    summary: 'When a refund for a returned order has not arrived.',
    key: 'reply-refund-late',
    extra: 'complaintCategories: [billing-payment]',
    tags: 'refund, money back, water',
    reply: 'Dear {{customer.name}},\nwe are checking your refund ({{complaint.reference}}).\n{{agent.name}}',
  }),
  'en/faq/faq-washer-water.mdx': `---
title: "Why is there water in the drum?"
summary: "A little water left in the drum or on the floor after a wash is usually harmless."
category: faq
audience: public
locale: en
translationKey: faq-washer-water
product: aquawash
answer: A little water in the door seal after a wash is normal; wipe it dry.
updated: 2026-11-01
status: published
---

Wipe the door seal after each wash.
`,
  'fi/faq/asiakaspalvelun-aukioloajat.mdx': `---
title: "Asiakaspalvelun aukioloajat"
summary: "Chat ja puhelin arkisin 8-20."
category: faq
audience: public
locale: fi
translationKey: faq-contact-hours
answer: Chat ja puhelin palvelevat arkisin kello 8-20.
updated: 2026-11-01
status: published
---

Palvelemme arkisin.
`,
};

const dirs: string[] = [];
const engines: EmbeddedEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function world() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-answer-finder-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, 'content', rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  const content = new ContentStore(path.join(root, 'content')).loadAll();
  expect([...content.problems.entries()]).toEqual([]);
  const engine = await indexedEngine(content, root);
  engines.push(engine);
  return createAnswerFinder(engine, content);
}

describe('answer finder', () => {
  it('ranks first the template written for the complaint’s product and category', async () => {
    const finder = await world();
    const text = 'Water on the floor\nThere is a leak, water all over the floor every time.';
    const washer = await finder.find({ text, locale: 'en', category: 'product-defect', product: 'aquawash', limit: 3 });
    expect(washer[0]).toMatchObject({ kind: 'template', translationKey: 'reply-washer-leak', fallback: false });
    const fridge = await finder.find({ text, locale: 'en', category: 'product-defect', product: 'frostline', limit: 3 });
    expect(fridge[0]).toMatchObject({ kind: 'template', translationKey: 'reply-fridge-water' });
    expect(fridge.map((c) => c.translationKey)).not.toContain('reply-refund-late');
  });

  it('fills a thin locale up from English, marked as fallback', async () => {
    const finder = await world();
    const found = await finder.find({ text: 'Pesukone vuotaa\nLattialla on vettä joka pesun jälkeen.', locale: 'fi', category: 'product-defect', product: 'aquawash', limit: 3 });
    expect(found.length).toBeGreaterThan(0);
    const washer = found.find((c) => c.translationKey === 'reply-washer-leak');
    expect(washer).toMatchObject({ locale: 'en', fallback: true, kind: 'template' });
    for (const c of found) expect(c.fallback).toBe(c.locale !== 'fi');
  });

  it('gets a template by id with its reply as written, placeholders unfilled', async () => {
    const finder = await world();
    const got = finder.get('en/reply-washer-leak');
    expect(got).toMatchObject({ kind: 'template', id: 'en/reply-washer-leak', translationKey: 'reply-washer-leak', locale: 'en', fallback: false });
    expect(got?.text).toContain('Dear {{customer.name}},');
    expect(got?.text).toContain('({{complaint.reference}})');
    expect(finder.get('en/no-such-article')).toBeUndefined();
    expect(finder.get('xx/reply-washer-leak')).toBeUndefined();
  });
});
