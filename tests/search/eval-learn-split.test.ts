import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { evaluateSet } from '../eval/search-eval.ts';
import { learnSplit, pastUses } from '../eval/learn-split.ts';

const queries = Array.from({ length: 41 }, (_, i) => ({ qid: `q${String(i).padStart(2, '0')}`, query: `question ${i}`, relevant: [`doc-${i % 7}`] }));
const options = { halfLifeDays: 90, maxPhrases: 20, minVisitors: 3 };

describe('the learn split of eval:search', () => {
  it('is the same for the same seed whatever the order of the file, and differs with the seed', () => {
    const a = learnSplit(queries, 0.5, 1);
    const b = learnSplit([...queries].reverse(), 0.5, 1);
    expect(a.past.map((q) => q.qid)).toEqual(b.past.map((q) => q.qid));
    expect(a.test.map((q) => q.qid)).toEqual(b.test.map((q) => q.qid));
    expect(learnSplit(queries, 0.5, 2).past.map((q) => q.qid)).not.toEqual(a.past.map((q) => q.qid));
  });

  it('puts every query in exactly one part, in the share asked for', () => {
    const { past, test } = learnSplit(queries, 0.3, 7);
    expect(past).toHaveLength(12);
    expect(test).toHaveLength(29);
    const pastIds = new Set(past.map((q) => q.qid));
    expect(test.some((q) => pastIds.has(q.qid))).toBe(false);
    expect([...past, ...test].map((q) => q.qid).sort()).toEqual(queries.map((q) => q.qid));
  });

  it('feeds each past query as opened by enough distinct visitors, for each of its relevant articles', () => {
    const uses = pastUses([{ qid: 'q1', locale: 'en', query: '  Can my DOG   give me covid ', relevant: ['a', 'b'] }], 3, new Date('2026-01-01T00:00:00Z'));
    expect(uses).toHaveLength(6);
    expect(new Set(uses.map((u) => u.visitor)).size).toBe(3);
    expect(new Set(uses.map((u) => u.query))).toEqual(new Set(['can my dog give me covid']));
    expect(new Set(uses.map((u) => u.articleId))).toEqual(new Set(['a', 'b']));
  });
});

describe('eval:search learning from past use', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('scores only the test part, says so, and scores it without learning too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-eval-learn-'));
    temps.push(dir);
    fs.writeFileSync(
      path.join(dir, 'corpus.jsonl'),
      [
        { id: 'pets', locale: 'en', title: 'Can animals spread the virus?', body: 'Pets rarely carry it.' },
        { id: 'masks', locale: 'en', title: 'Should I wear a mask?', body: 'Masks reduce spread.' },
      ].map((d) => JSON.stringify(d)).join('\n'),
    );
    const asked = Array.from({ length: 8 }, (_, i) => ({ qid: `q${i}`, locale: 'en', query: `can my dog give me covid ${i % 2 ? 'please' : 'now'}`, relevant: ['pets'] }));
    fs.writeFileSync(path.join(dir, 'queries.jsonl'), asked.map((q) => JSON.stringify(q)).join('\n'));
    const result = await evaluateSet(dir, (tmp) => new EmbeddedEngine({ dir: tmp }), { share: 0.5, seed: 1, options });
    expect(result.all.queries).toBe(4);
    expect(result.notes.join(' ')).toMatch(/learned "asked as" from 4 of 8 queries as past use \(split 0.5, seed 1\); scored on the other 4 queries only/);
    expect(result.unlearned?.recall10).toBe(0);
    expect(result.all.recall1).toBe(1);
  });
});
