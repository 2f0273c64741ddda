import { afterEach, describe, expect, it } from 'vitest';
import { parseArticle } from '@core/content/parse-article.ts';
import { ParsePool } from '@core/content/parse-pool.ts';

const article = (body: string) => `---
title: Pooled
summary: Parsed in a worker.
category: faq
audience: public
locale: en
translationKey: pooled
updated: 2026-11-01
status: published
---

${body}
`;

const pools: ParsePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(options: ConstructorParameters<typeof ParsePool>[0]): ParsePool {
  const p = new ParsePool(options);
  pools.push(p);
  return p;
}

describe('parse pool', () => {
  it('gives what parseArticle gives, for good and bad articles, several at once', async () => {
    const p = pool({ size: 2 });
    const sources = [article('## A section\n\nText with **bold**.'), article('<Blink>no</Blink>'), 'no frontmatter', article(`${'> '.repeat(100)}x`)];
    expect(await Promise.all(sources.map((s) => p.parse(s)))).toEqual(sources.map((s) => parseArticle(s)));
  }, 60_000);

  it('stops a parse that overruns its time, and the next job gets a fresh worker', async () => {
    // A 1 ms limit: no parse of 300 KB of Markdown finishes in time.
    const p = pool({ size: 1, timeoutMs: 1 });
    const stopped = await p.parse(article('A paragraph with **bold** and [a link](https://example.org).\n\n'.repeat(5000)));
    expect(stopped).toEqual({ ok: false, diagnostics: [{ line: 1, column: 1, message: expect.stringMatching(/took longer than 0.001 s to parse and was stopped/) }] });
    const generous = pool({ size: 1 });
    expect((await generous.parse(article('Fine.'))).ok).toBe(true);
  }, 60_000);

  it('answers jobs still waiting when it closes', async () => {
    const p = pool({ size: 1 });
    const jobs = [p.parse(article('One.')), p.parse(article('Two.'))];
    await p.close();
    for (const parsed of await Promise.all(jobs)) expect(parsed).toMatchObject({ ok: false, diagnostics: [{ message: expect.stringMatching(/shutting down/) }] });
  }, 60_000);

  it('answers "busy" at once when its queue is full, and takes jobs again once it drains', async () => {
    const p = pool({ size: 1, maxQueue: 1 });
    const running = p.parse(article('Running.'));
    const waiting = p.parse(article('Waiting.'));
    expect(await p.parse(article('One too many.'))).toEqual({ ok: false, diagnostics: [{ line: 1, column: 1, message: 'the parser is busy (1 article waiting); try again in a moment' }] });
    expect((await running).ok).toBe(true);
    expect((await waiting).ok).toBe(true);
    expect((await p.parse(article('Later.'))).ok).toBe(true);
  }, 60_000);
});
