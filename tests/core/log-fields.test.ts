import { afterEach, describe, expect, it, vi } from 'vitest';
import { logEvent } from '@core/log/log.ts';

afterEach(() => vi.restoreAllMocks());

describe('JSON log lines', () => {
  it('writes one JSON object per line and masks e-mail addresses in messages passed through', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    logEvent('info', 'complaints.note', { message: '[complaints] outbox round: #4 mail failed: 550 <anna.virtanen@example.com>: unknown user', attempts: 2 });
    expect(written).toHaveLength(1);
    expect(written[0]!.endsWith('\n')).toBe(true);
    const line = JSON.parse(written[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', event: 'complaints.note', attempts: 2, message: '[complaints] outbox round: #4 mail failed: 550 <[email]>: unknown user' });
    expect(typeof line.time).toBe('string');
  });
});
