import { describe, expect, it } from 'vitest';
import { locales, negotiateLocale } from '@core/i18n/locales.ts';
import { messages } from '@core/i18n/messages.ts';
import { parseConfig } from '@core/config/config.ts';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['es-ES,es;q=0.9,en;q=0.8', 'es'],
    ['de-DE,de;q=0.9,fi;q=0.5', 'fi'],
    ['zh-TW,zh;q=0.9', 'zh-Hant'],
    ['zh-CN', 'zh-Hant'],
    ['el-GR', 'el'],
    ['fr;q=0.9, en;q=0.1, es;q=0.5', 'es'],
    ['*', 'en'],
    ['garbage;;;q=x', 'en'],
  ])('%s -> %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof value === 'function') return [[prefix, value(3, 7)]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
  return [[prefix, value]];
}

describe('UI strings', () => {
  const english = leaves(messages('en'));
  it.each(locales.filter((l) => l !== 'en'))('%s translates every string', (locale) => {
    const strings = leaves(messages(locale));
    expect(strings.map(([k]) => k)).toEqual(english.map(([k]) => k));
    for (const [key, value] of strings) expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
    const same = strings.filter(([k, v], i) => v === english[i]?.[1] && !k.endsWith('rights'));
    expect(same.map(([k]) => k)).toEqual([]);
  });
});

describe('configuration', () => {
  it('runs on defaults', () => {
    const cfg = parseConfig({}, '/srv/kb');
    expect(cfg).toMatchObject({ PORT: 4321, HOST: 'localhost', dataDir: '/srv/kb/data', contentDir: '/srv/kb/content', siteUrl: 'http://localhost:4321' });
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseConfig({ MEILI_HOST: 'not a url' })).toThrow(/MEILI_HOST/);
  });

  it('takes a test clock and a faster scheduler for tests, never a test clock in production', () => {
    expect(parseConfig({}).KB_CLOCK_FILE).toBeUndefined();
    expect(parseConfig({}).KB_SCHEDULER_INTERVAL_MS).toBe(60_000);
    expect(parseConfig({ NODE_ENV: 'test', KB_CLOCK_FILE: '/tmp/clock', KB_SCHEDULER_INTERVAL_MS: '500' })).toMatchObject({ KB_CLOCK_FILE: '/tmp/clock', KB_SCHEDULER_INTERVAL_MS: 500 });
    expect(() => parseConfig({ KB_CLOCK_FILE: '/tmp/clock' })).toThrow(/KB_CLOCK_FILE: a test clock is refused/);
    expect(() => parseConfig({ NODE_ENV: 'production', KB_CLOCK_FILE: '/tmp/clock' })).toThrow(/KB_CLOCK_FILE/);
    expect(parseConfig({ KB_CLOCK_FILE: '' }).KB_CLOCK_FILE).toBeUndefined();
    expect(() => parseConfig({ KB_SCHEDULER_INTERVAL_MS: '100' })).toThrow(/KB_SCHEDULER_INTERVAL_MS/);
  });
});
