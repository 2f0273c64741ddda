import { describe, expect, it } from 'vitest';
import { messages } from '@core/i18n/messages.ts';
import type { Locale } from '@core/i18n/locales.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { satisfactionLimits } from '@feedback/satisfaction/satisfaction.ts';
import type { PublicComplaintInput } from '@feedback/complaints/validation.ts';
import { complaintInput, setup, type Fixture } from './helpers.ts';

const words = (locale: Locale) => messages(locale).complaints.satisfaction;

function addStaff(f: Fixture, role: StaffMember['role'], email: string, name: string): StaffMember {
  const now = new Date().toISOString();
  const id = Number(
    f.db
      .prepare('INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(email, name, role, 'x', now, now, now).lastInsertRowid,
  );
  return { id, email, name, role };
}

/** Files a complaint and returns it with its tracking token. */
function file(f: Fixture, overrides: Partial<PublicComplaintInput> = {}) {
  const r = f.feedback.complaints.submit(complaintInput(overrides), { channel: 'web' });
  if (!r.ok) throw new Error('not saved');
  return { id: r.complaint.id, reference: r.complaint.reference, token: r.token };
}

function resolved(f: Fixture, overrides: Partial<PublicComplaintInput> = {}) {
  const filed = file(f, overrides);
  f.feedback.complaints.reply(filed.id, f.staffId, 'The seal was replaced.', 'resolved');
  return { ...filed, complaint: () => f.feedback.complaints.byToken(filed.token)! };
}

const ratingRows = (f: Fixture) => f.db.prepare('SELECT COUNT(*) FROM complaint_ratings').pluck().get() as number;
const ratedEvents = (f: Fixture, id: number) => f.feedback.complaints.timeline(id).filter((e) => e.kind === 'rated');

describe('customer satisfaction: rating a resolved complaint', () => {
  it('rates once; a second rating is refused with a clear message and writes nothing', () => {
    const f = setup();
    const c = resolved(f);
    const first = f.feedback.satisfaction.rate(c.complaint(), { rating: '4', comment: '  Quick and friendly.  ' });
    expect(first).toMatchObject({ ok: true, value: { complaintId: c.id, rating: 4, comment: 'Quick and friendly.', teamId: 'rd-laundry', agentId: f.staffId, category: 'product-defect' } });
    expect(f.feedback.satisfaction.forCustomer(c.complaint())).toMatchObject({ canRate: false, rating: { rating: 4 } });

    const second = f.feedback.satisfaction.rate(c.complaint(), { rating: '1', comment: 'Changed my mind.' });
    expect(second).toEqual({ ok: false, status: 409, errors: { form: words('en').errors.alreadyRated } });
    expect(words('en').errors.alreadyRated).toBe('You have already rated this complaint. A complaint can be rated only once.');
    expect(ratingRows(f)).toBe(1);
    expect(ratedEvents(f, c.id)).toHaveLength(1);
    expect(f.feedback.satisfaction.ratingOf(c.id)?.rating).toBe(4);
  });

  it('names the field and its limits in the customer’s language, keeps nothing from a refused rating', () => {
    const f = setup();
    const fi = resolved(f, { locale: 'fi' });
    const bad = f.feedback.satisfaction.rate(fi.complaint(), { rating: '7', comment: 'x'.repeat(satisfactionLimits.comment.max + 1) });
    expect(bad).toEqual({ ok: false, status: 400, errors: { rating: 'Valitse arvio väliltä 1–5.', comment: 'Lyhennä kommenttisi enintään 1000 merkkiin.' } });

    const en = resolved(f);
    for (const rating of [undefined, '', '0', '6', '3.5', 'four']) {
      expect(f.feedback.satisfaction.rate(en.complaint(), { rating })).toEqual({ ok: false, status: 400, errors: { rating: 'Please choose a rating from 1 to 5.' } });
    }
    expect(f.feedback.satisfaction.rate(en.complaint(), { rating: '5', comment: 'y'.repeat(1001) })).toEqual({
      ok: false,
      status: 400,
      errors: { comment: 'Please shorten your comment to at most 1000 characters.' },
    });
    // Every locale words both limits.
    for (const locale of ['en', 'es', 'zh-Hant', 'el', 'fi'] as const) {
      expect(words(locale).errors.rating(1, 5)).toMatch(/1.*5/);
      expect(words(locale).errors.commentTooLong(1000)).toContain('1000');
    }
    expect(ratingRows(f)).toBe(0);
    expect(ratedEvents(f, en.id)).toHaveLength(0);

    // Exactly 1000 characters, with the CRLF line breaks browsers send counted as one each, is accepted; no comment is fine.
    const lines = `${'a'.repeat(499)}\r\n${'b'.repeat(500)}`;
    expect(f.feedback.satisfaction.rate(en.complaint(), { rating: '5', comment: lines })).toMatchObject({ ok: true, value: { comment: `${'a'.repeat(499)}\n${'b'.repeat(500)}` } });
    expect(f.feedback.satisfaction.rate(fi.complaint(), { rating: 2 })).toMatchObject({ ok: true, value: { rating: 2, comment: null } });
  });

  it('is refused before the complaint is resolved; closed complaints can be rated', () => {
    const f = setup();
    const c = file(f, { locale: 'es' });
    const open = () => f.feedback.complaints.byToken(c.token)!;
    expect(f.feedback.satisfaction.forCustomer(open()).canRate).toBe(false);
    expect(f.feedback.satisfaction.rate(open(), { rating: '5' })).toEqual({ ok: false, status: 409, errors: { form: 'Podrás valorar tu queja cuando esté resuelta.' } });
    f.feedback.complaints.reply(c.id, f.staffId, 'We are looking into it.', 'waiting-for-customer');
    expect(f.feedback.satisfaction.rate(open(), { rating: '5' }).ok).toBe(false);
    expect(ratingRows(f)).toBe(0);

    f.feedback.complaints.setStatus(c.id, f.staffId, 'closed');
    expect(f.feedback.satisfaction.forCustomer(open()).canRate).toBe(true);
    expect(f.feedback.satisfaction.rate(open(), { rating: '3' }).ok).toBe(true);
  });

  it('refuses a page that is out of date: reopened after the page was read', () => {
    const f = setup();
    const c = resolved(f);
    const asRead = c.complaint();
    f.feedback.complaints.customerReply(asRead, 'It leaks again.');
    // The stale copy still says "resolved"; the transaction reads the complaint again.
    expect(f.feedback.satisfaction.rate(asRead, { rating: '5' })).toEqual({ ok: false, status: 409, errors: { form: words('en').errors.notResolved } });
    expect(ratingRows(f)).toBe(0);
  });

  it('once per complaint: reopened and resolved again, it keeps its rating and is not invited again', async () => {
    const f = setup();
    const c = resolved(f);
    expect(f.feedback.satisfaction.rate(c.complaint(), { rating: '2', comment: 'Took long.' }).ok).toBe(true);
    f.feedback.complaints.customerReply(c.complaint(), 'It leaks again.');
    expect(c.complaint().status).toBe('in-progress');
    f.feedback.complaints.reply(c.id, f.staffId, 'New seal fitted.', 'resolved');
    expect(f.feedback.satisfaction.forCustomer(c.complaint())).toMatchObject({ canRate: false, rating: { rating: 2 } });
    expect(f.feedback.satisfaction.rate(c.complaint(), { rating: '5' })).toMatchObject({ ok: false, errors: { form: words('en').errors.alreadyRated } });
    await f.feedback.outbox.process();
    const subjects = f.mailer.sent.map((m) => m.subject);
    expect(subjects.filter((s) => s.includes('is resolved'))).toHaveLength(1);
    expect(subjects.at(-1)).toBe(`New reply to your complaint ${c.reference}`);
  });

  it('writes the rating and a "rated" event in the timeline in one transaction', () => {
    const f = setup();
    const c = resolved(f);
    f.clock.advanceHours(2);
    f.feedback.satisfaction.rate(c.complaint(), { rating: '4', comment: 'Good service.' });
    const [event] = ratedEvents(f, c.id);
    expect(event).toMatchObject({ kind: 'rated', actor: 'customer', public: true, body: 'Good service.', data: { rating: 4 }, at: '2026-03-02T11:00:00.000Z' });
    expect(f.feedback.complaints.get(c.id)!.updatedAt).toBe('2026-03-02T11:00:00.000Z');

    // A failing timeline write rolls the rating back.
    const other = resolved(f);
    const store = f.feedback.complaints.store;
    const addEvent = store.addEvent.bind(store);
    store.addEvent = () => {
      throw new Error('disk full');
    };
    try {
      expect(() => f.feedback.satisfaction.rate(other.complaint(), { rating: '5' })).toThrow('disk full');
    } finally {
      store.addEvent = addEvent;
    }
    expect(f.feedback.satisfaction.ratingOf(other.id)).toBeUndefined();
    expect(f.feedback.satisfaction.rate(other.complaint(), { rating: '5' }).ok).toBe(true);
  });
});

describe('the mail that says a complaint is resolved', () => {
  it('a reply that resolves it invites the rating with a working tracking link, in the customer’s language', async () => {
    const f = setup();
    const c = file(f, { locale: 'es' });
    f.feedback.complaints.reply(c.id, f.staffId, 'Hemos cambiado la junta.', 'resolved');
    await f.feedback.outbox.process();
    expect(f.mailer.sent.map((m) => m.subject)).toEqual([`Hemos recibido tu queja ${c.reference}`, `Tu queja ${c.reference} está resuelta`]);
    const mail = f.mailer.sent.at(-1)!;
    expect(mail.text).toContain('Hemos cambiado la junta.');
    expect(mail.text).toContain('Valórala de 1 a 5');
    const link = /\/track\/([A-Za-z0-9_-]+)#satisfaction/.exec(mail.text)![1]!;
    expect(f.feedback.complaints.byToken(link)?.id).toBe(c.id);
  });

  it('a status change to resolved sends the invitation too; other changes and closing send nothing', async () => {
    const f = setup();
    const c = file(f);
    f.feedback.complaints.setStatus(c.id, f.staffId, 'in-progress');
    f.feedback.complaints.setStatus(c.id, f.staffId, 'resolved');
    f.feedback.complaints.setStatus(c.id, f.staffId, 'closed');
    await f.feedback.outbox.process();
    const subjects = f.mailer.sent.map((m) => m.subject);
    expect(subjects).toEqual([`We have received your complaint ${c.reference}`, `Your complaint ${c.reference} is resolved`]);
    expect(f.mailer.sent.at(-1)!.text).not.toContain('Our reply');
    expect(f.mailer.sent.at(-1)!.text).toMatch(/rate it from 1 to 5/);
    // Every locale has the subject and a body with the link.
    for (const locale of ['en', 'es', 'zh-Hant', 'el', 'fi'] as const) {
      expect(words(locale).mail.subject('C-2026-000001')).toContain('C-2026-000001');
      const body = words(locale).mail.body('C-2026-000001', 'https://x/track/abc', 'Done.');
      expect(body).toContain('C-2026-000001');
      expect(body).toContain('Done.');
      expect(body).toContain('\nhttps://x/track/abc\n');
      expect(words(locale).mail.body('C-2026-000001', 'https://x/track/abc', null)).not.toContain('Done.');
    }
  });
});

describe('satisfaction statistics for staff', () => {
  function world() {
    const f = setup();
    const agnes: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
    const bruno = addStaff(f, 'agent', 'bruno@example.com', 'Bruno');
    const pat = addStaff(f, 'product', 'pat@example.com', 'Pat Product');
    const rate = (overrides: Partial<PublicComplaintInput>, rating: number, comment: string | undefined, who: StaffMember, assign = false) => {
      const c = file(f, overrides);
      if (assign) f.feedback.complaints.assign(c.id, who.id, who.id);
      f.feedback.complaints.reply(c.id, who.id, 'Solved.', 'resolved');
      const r = f.feedback.satisfaction.rate(f.feedback.complaints.byToken(c.token)!, { rating: String(rating), comment });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return c;
    };
    // March: two laundry defects (Agent resolves, Bruno is assigned), one billing complaint (finance).
    const a = rate({}, 5, 'Very quick, thank you.', agnes);
    const b = rate({}, 3, undefined, bruno, true);
    const billing = rate({ product: 'other', subject: 'Charged twice', description: 'My card was charged twice for the same invoice. Call me on +358 40 765 4321 or write to anna.v@example.com.' }, 1, 'Charged twice, call me on +358 40 765 4321 or anna.v@example.com', agnes);
    // April: one more laundry defect.
    f.clock.set('2026-04-15T10:00:00.000Z');
    const d = rate({}, 4, 'Fine in the end.', bruno);
    return { f, agnes, bruno, pat, a, b, billing, d };
  }

  it('averages and counts by team, agent, category and month', () => {
    const { f, bruno } = world();
    const s = f.feedback.satisfaction;
    const team = (id: string) => f.feedback.routing.team(id)!.name;
    const byTeam = s.stats({ by: 'team' });
    expect(byTeam.overall).toEqual({ count: 4, average: 3.25 });
    expect(byTeam.groups.map((g) => [g.key, g.label, g.count, g.average])).toEqual([
      ['rd-laundry', team('rd-laundry'), 3, 4],
      ['finance', team('finance'), 1, 1],
    ]);
    expect(byTeam.groups[0]!.distribution).toEqual([0, 0, 1, 1, 1]);

    const byAgent = s.stats({ by: 'agent' });
    expect(byAgent.groups.map((g) => [g.label, g.count, g.average])).toEqual([
      ['Agent', 2, 3],
      ['Bruno', 2, 3.5],
    ]);
    expect(byAgent.groups.find((g) => g.label === 'Bruno')!.key).toBe(String(bruno.id));

    const byCategory = s.stats({ by: 'category' });
    expect(byCategory.groups.map((g) => [g.key, g.label, g.count, g.average])).toEqual([
      ['product-defect', 'Product defect', 3, 4],
      ['billing-payment', 'Billing and payment', 1, 1],
    ]);

    const byMonth = s.stats({ by: 'month' });
    expect(byMonth.groups.map((g) => [g.key, g.label, g.count, g.average])).toEqual([
      ['2026-04', 'April 2026', 1, 4],
      ['2026-03', 'March 2026', 3, 3],
    ]);

    // A period (UTC days, both included) and the newest comments first.
    expect(s.stats({ by: 'month', from: '2026-04-01', to: '2026-04-15' }).overall).toEqual({ count: 1, average: 4 });
    expect(s.stats({ by: 'team', to: '2026-03-31' }).overall).toEqual({ count: 3, average: 3 });
    expect(s.stats({ by: 'team', from: '2026-05-01' })).toMatchObject({ overall: { count: 0, average: null }, groups: [], recent: [] });
    expect(byTeam.recent.map((r) => [r.rating, r.comment, r.agent, r.team])).toEqual([
      [4, 'Fine in the end.', 'Bruno', team('rd-laundry')],
      [1, 'Charged twice, call me on +358 40 765 4321 or anna.v@example.com', 'Agent', team('finance')],
      [5, 'Very quick, thank you.', 'Agent', team('rd-laundry')],
    ]);
    expect(() => s.stats({ by: 'colour' as 'team' })).toThrow();
    expect(() => s.stats({ by: 'team', from: '2026-13-01' })).toThrow();
    expect(() => s.stats({ by: 'team', from: '2026-04-02', to: '2026-04-01' })).toThrow();
  });

  it('the product role sees only its teams’ ratings, with the comments masked; agents see them in full', () => {
    const { f, agnes, pat } = world();
    const s = f.feedback.satisfaction;
    const forAgent = s.overview(agnes);
    expect(forAgent.masked).toBe(false);
    expect(forAgent.overall.count).toBe(4);
    expect(forAgent.recent.map((r) => r.comment)).toContain('Charged twice, call me on +358 40 765 4321 or anna.v@example.com');
    expect(Object.keys(forAgent.groups)).toEqual(['team', 'agent', 'category', 'month']);

    // Pat is in no team yet, so sees every R&D team: the finance complaint is out of scope.
    const forPat = s.overview(pat);
    expect(forPat.masked).toBe(true);
    expect(forPat.overall).toEqual({ count: 3, average: 4 });
    expect(forPat.groups.team.map((g) => g.key)).toEqual(['rd-laundry']);
    expect(forPat.recent.map((r) => r.comment)).toEqual(['Fine in the end.', 'Very quick, thank you.']);

    // Masking itself: the finance comment, with an email address and a phone number, as the product role reads text.
    const access = f.feedback.handling.access(pat);
    const masked = s.stats({ by: 'team' }, { ...access, teams: undefined });
    const comment = masked.recent.find((r) => r.rating === 1)!.comment;
    expect(comment).toBe('Charged twice, call me on ••• 21 or a•••@e•••.com');
    expect(comment).not.toContain('765 4321');
    expect(comment).not.toContain('anna.v@example.com');
  });

  it('the staff timeline carries the rating', () => {
    const { f, a } = world();
    const page = f.feedback.handling.open({ id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' }, String(a.id))!;
    expect(page.events.find((e) => e.kind === 'rated')).toMatchObject({ actor: 'customer', body: 'Very quick, thank you.', data: { rating: 5 } });
  });
});
