import { describe, expect, it } from 'vitest';
import { helpAddresses, isHelpAddress, replyTokenOf, withReplyToken } from '@feedback/mail-in/addresses.ts';
import { unanswerable, type LoopSigns } from '@feedback/mail-in/loop-guard.ts';

const help = helpAddresses(['Help@Kestrel-Home.example', 'apua@kestrel-home.example']);

function signs(headers: Record<string, string> = {}, more: Partial<LoopSigns> = {}): LoopSigns {
  return { envelopeFrom: 'anna@example.com', header: (n) => headers[n], contentType: 'text/plain', fromAddress: 'anna@example.com', ...more };
}

describe('which mails are never answered', () => {
  it('answers ordinary mail, including Auto-Submitted: no', () => {
    expect(unanswerable(signs(), help, [])).toBeUndefined();
    expect(unanswerable(signs({ 'auto-submitted': 'no' }), help, [])).toBeUndefined();
    expect(unanswerable(signs({ precedence: 'first-class' }), help, [])).toBeUndefined();
  });

  it('recognises automatic replies by their headers', () => {
    const autoReplies: Array<Record<string, string>> = [
      { 'auto-submitted': 'auto-replied' },
      { 'auto-submitted': 'auto-generated; owner-email="x@example.com"' },
      { precedence: 'bulk' },
      { precedence: 'junk' },
      { precedence: 'list' },
      { 'x-autoreply': 'yes' },
      { 'x-auto-response-suppress': 'All' },
      { 'x-auto-response-suppress': 'OOF, AutoReply' },
      { 'list-id': '<news.example.com>' },
    ];
    for (const headers of autoReplies) {
      expect(unanswerable(signs(headers), help, []), JSON.stringify(headers)).toBe('auto-reply');
    }
  });

  it('recognises bounces by the null return path, the daemon sender and the report body', () => {
    expect(unanswerable(signs({}, { envelopeFrom: '' }), help, [])).toBe('bounce');
    expect(unanswerable(signs({ 'return-path': '<>' }, { envelopeFrom: undefined }), help, [])).toBe('bounce');
    expect(unanswerable(signs({}, { fromAddress: 'MAILER-DAEMON@mx.example.com' }), help, [])).toBe('bounce');
    expect(unanswerable(signs({}, { contentType: 'multipart/report' }), help, [])).toBe('bounce');
  });

  it('never answers the portal’s own addresses, with or without a tag', () => {
    expect(unanswerable(signs({}, { fromAddress: 'help@kestrel-home.example' }), help, [])).toBe('own-address');
    expect(unanswerable(signs({}, { fromAddress: 'help+0123456789abcdef0123456789abcdef@kestrel-home.example' }), help, [])).toBe('own-address');
    expect(unanswerable(signs({}, { fromAddress: 'noreply@kestrel-home.example' }), help, ['noreply@kestrel-home.example'])).toBe('own-address');
  });
});

describe('help addresses and reply tokens', () => {
  it('matches the help addresses case-insensitively, with tags', () => {
    expect(isHelpAddress(help, 'HELP@kestrel-home.example')).toBe(true);
    expect(isHelpAddress(help, 'help+anything@kestrel-home.example')).toBe(true);
    expect(isHelpAddress(help, 'apua@kestrel-home.example')).toBe(true);
    expect(isHelpAddress(help, 'help@other.example')).toBe(false);
    expect(isHelpAddress(help, 'not-an-address')).toBe(false);
  });

  it('reads back the token it writes, and only tokens of its shape', () => {
    const token = '0123456789abcdef0123456789abcdef';
    const address = withReplyToken(help, token);
    expect(address).toBe(`help+${token}@kestrel-home.example`);
    expect(replyTokenOf(help, address.toUpperCase())).toBe(token);
    expect(replyTokenOf(help, 'help+short@kestrel-home.example')).toBeUndefined();
    expect(replyTokenOf(help, `someone+${token}@kestrel-home.example`)).toBeUndefined();
  });
});
