import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '@search/embedded/engine.ts';
import { closestAnalyzer } from '../eval/closest-locale.ts';
import { evaluateSet, UnsupportedLocale } from '../eval/search-eval.ts';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function setIn(locale: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-eval-locale-'));
  temps.push(dir);
  const corpus = [
    { id: 'a', locale, title: '洗衣机保修', body: '洗衣机的保修期是两年。' },
    { id: 'b', locale, title: '咖啡机清洁', body: '每周清洁咖啡机的奶泡系统。' },
  ];
  fs.writeFileSync(path.join(dir, 'corpus.jsonl'), corpus.map((c) => JSON.stringify(c)).join('\n'));
  fs.writeFileSync(path.join(dir, 'queries.jsonl'), JSON.stringify({ qid: 'q', locale, query: '咖啡機怎麼清潔', relevant: ['b'] }));
  return dir;
}

describe('evaluation sets in locales the portal does not serve', () => {
  it('maps any Chinese to the Chinese analyzer and a regional tag to its language', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-TW']) expect(closestAnalyzer(tag)?.locale).toBe('zh-Hant');
    expect(closestAnalyzer('en-GB')?.locale).toBe('en');
    expect(closestAnalyzer('zh-Hant')).toEqual({ locale: 'zh-Hant' });
    expect(closestAnalyzer('pt')).toBeUndefined();
  });

  it('measures a zh-CN set with the Chinese analyzer and says so', async () => {
    const result = await evaluateSet(setIn('zh-CN'), (dir) => new EmbeddedEngine({ dir }));
    expect(result.all.recall1).toBe(1);
    expect(result.notes).toEqual(['locale zh-CN is not served: using the closest analyzer, zh-Hant']);
  });

  it('refuses a Portuguese set with a clear reason', async () => {
    await expect(evaluateSet(setIn('pt'), (dir) => new EmbeddedEngine({ dir }))).rejects.toThrow(UnsupportedLocale);
  });
});
