import { describe, expect, it } from 'vitest';
import { LostLinks } from '@feedback/lost-link/lost-link.ts';
import { complaintInput, setup } from './helpers.ts';

function portal() {
  const f = setup();
  const lostLinks = new LostLinks({ db: f.db, clock: f.clock, outbox: f.feedback.outbox, complaints: f.feedback.complaints, limits: { perEmailPerHour: 2, perClientPerHour: 5 } });
  return { ...f, lostLinks };
}

async function mailsAfter(f: ReturnType<typeof portal>, run: () => Promise<unknown>) {
  await f.feedback.outbox.process();
  const before = f.mailer.sent.length;
  await run();
  await f.feedback.outbox.process();
  return f.mailer.sent.slice(before);
}

describe('lost your link?', () => {
  it('mails working links of the open complaints of that address, and only those', async () => {
    const f = portal();
    const open = f.feedback.complaints.submit(complaintInput({ email: 'Maria@Example.com', subject: 'Leaking door seal' }), { channel: 'web' });
    const closed = f.feedback.complaints.submit(complaintInput({ email: 'maria@example.com', subject: 'Old settled matter' }), { channel: 'web' });
    f.feedback.complaints.submit(complaintInput({ email: 'someone@example.com', subject: 'Not Maria’s' }), { channel: 'web' });
    if (!open.ok || !closed.ok) throw new Error('not submitted');
    f.db.prepare("UPDATE complaints SET status = 'closed' WHERE id = ?").run(closed.complaint.id);

    const mails = await mailsAfter(f, () => f.lostLinks.request({ email: ' maria@EXAMPLE.com ' }, { locale: 'en', clientAddress: '203.0.113.5' }));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('maria@example.com');
    expect(mails[0]!.text).toContain(open.complaint.reference);
    expect(mails[0]!.text).toContain('Leaking door seal');
    expect(mails[0]!.text).not.toContain(closed.complaint.reference);
    expect(mails[0]!.text).not.toContain('Not Maria');
    const token = /https:\/\/help\.example\/track\/([A-Za-z0-9_-]+)/.exec(mails[0]!.text)?.[1];
    expect(f.feedback.complaints.byToken(token)?.id).toBe(open.complaint.id);
  });

  it('answers the same for an unknown address, sends nothing, and audits without the address', async () => {
    const f = portal();
    f.feedback.complaints.submit(complaintInput({ email: 'known@example.com' }), { channel: 'web' });
    const known = await f.lostLinks.request({ email: 'known@example.com' }, { locale: 'en', clientAddress: '203.0.113.5' });
    const mails = await mailsAfter(f, async () => {
      expect(await f.lostLinks.request({ email: 'stranger@example.com' }, { locale: 'en', clientAddress: '203.0.113.5' })).toEqual(known);
    });
    expect(known).toEqual({ status: 'sent' });
    expect(mails).toEqual([]);
    const audit = f.db.prepare("SELECT object_id, detail FROM audit_log WHERE action = 'complaint.links-requested' ORDER BY id").all() as Array<{ object_id: string; detail: string }>;
    expect(audit.map((a) => JSON.parse(a.detail).links)).toEqual([1, 0]);
    expect(JSON.stringify(audit)).not.toMatch(/known@|stranger@|example\.com/);
    expect(f.logs.join('\n')).not.toMatch(/known@|stranger@/);
  });

  it('limits requests per address and per client, and refuses a malformed address', async () => {
    const f = portal();
    const ask = (email: string, client: string) => f.lostLinks.request({ email }, { locale: 'fi', clientAddress: client });
    expect(await ask('not-an-address', '198.51.100.1')).toEqual({ status: 'invalid', field: 'email' });
    expect((await ask('a@example.com', '198.51.100.1')).status).toBe('sent');
    expect((await ask('A@example.com', '198.51.100.2')).status).toBe('sent');
    const third = await ask('a@example.com', '198.51.100.3');
    expect(third.status).toBe('rate-limited');
    if (third.status === 'rate-limited') expect(third.retryAfterSeconds).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect((await ask(`other${i}@example.com`, '198.51.100.9')).status).toBe('sent');
    expect((await ask('other3@example.com', '198.51.100.9')).status).toBe('sent');
    expect((await ask('other4@example.com', '198.51.100.9')).status).toBe('sent');
    expect((await ask('other5@example.com', '198.51.100.9')).status).toBe('rate-limited');
  });

  it('writes the mail in the page’s language', async () => {
    const f = portal();
    f.feedback.complaints.submit(complaintInput({ email: 'matti@example.fi', locale: 'fi' }), { channel: 'web' });
    const mails = await mailsAfter(f, () => f.lostLinks.request({ email: 'matti@example.fi' }, { locale: 'fi', clientAddress: '203.0.113.7' }));
    expect(mails[0]!.subject).toBe('Kestrel-valitustesi linkit');
    expect(mails[0]!.text).toMatch(/^Hei,/);
  });
});
