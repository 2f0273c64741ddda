import { describe, expect, it } from 'vitest';
import { parseConfig } from '@core/config/config.ts';

describe('operations settings', () => {
  it('defaults the outbox retry and the parse pool limits', () => {
    const c = parseConfig({});
    expect([c.KB_OUTBOX_RETRY_MS, c.KB_PARSE_WORKERS, c.KB_PARSE_TIMEOUT_MS, c.KB_PARSE_QUEUE]).toEqual([60_000, undefined, 45_000, 64]);
  });

  it('takes values inside the limits', () => {
    const c = parseConfig({ KB_OUTBOX_RETRY_MS: '5000', KB_PARSE_WORKERS: '4', KB_PARSE_TIMEOUT_MS: '120000', KB_PARSE_QUEUE: '10' });
    expect([c.KB_OUTBOX_RETRY_MS, c.KB_PARSE_WORKERS, c.KB_PARSE_TIMEOUT_MS, c.KB_PARSE_QUEUE]).toEqual([5000, 4, 120_000, 10]);
  });

  it.each([
    ['KB_OUTBOX_RETRY_MS', '999'],
    ['KB_OUTBOX_RETRY_MS', '3600001'],
    ['KB_PARSE_WORKERS', '0'],
    ['KB_PARSE_WORKERS', 'two'],
    ['KB_PARSE_TIMEOUT_MS', '500'],
    ['KB_PARSE_QUEUE', '0'],
  ])('refuses %s=%s and names the setting', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
