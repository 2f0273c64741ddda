import { describe, expect, it } from 'vitest';
import { addWorkingTime, localTime, type BusinessHours } from '@feedback/deadlines/business-hours.ts';
import { complaintInput, setup } from './helpers.ts';

const hour = 3_600_000;
const helsinki: BusinessHours = { enabled: true, timeZone: 'Europe/Helsinki', days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' };

describe('business hours', () => {
  it('counts only working time, across evenings and weekends, in the team time zone', () => {
    // Friday 2026-03-06 15:00 Helsinki (UTC+2) = 13:00Z; 12 working hours: 2 h Friday, 9 h Monday, 1 h Tuesday.
    expect(addWorkingTime(new Date('2026-03-06T13:00:00Z'), 12 * hour, helsinki).toISOString()).toBe('2026-03-10T07:00:00.000Z');
    // Received on Saturday: the clock starts on Monday at 08:00.
    expect(addWorkingTime(new Date('2026-03-07T10:00:00Z'), 2 * hour, helsinki).toISOString()).toBe('2026-03-09T08:00:00.000Z');
    // Received before opening on a weekday.
    expect(addWorkingTime(new Date('2026-03-03T04:00:00Z'), 1 * hour, helsinki).toISOString()).toBe('2026-03-03T07:00:00.000Z');
    // Off: plain elapsed time.
    expect(addWorkingTime(new Date('2026-03-06T13:00:00Z'), 12 * hour, { ...helsinki, enabled: false }).toISOString()).toBe('2026-03-07T01:00:00.000Z');
  });

  it('follows summer time', () => {
    // Summer time starts on 2026-03-29 in Helsinki: opening moves from 06:00Z to 05:00Z.
    expect(addWorkingTime(new Date('2026-03-27T14:00:00Z'), 2 * hour, helsinki).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(localTime(new Date('2026-03-30T05:00:00Z'), 'Europe/Helsinki')).toEqual({ weekday: 1, msOfDay: 8 * hour });
  });
});

describe('deadline policies', () => {
  it('defaults to a first response within 12 hours; more specific policies win', () => {
    const { feedback } = setup();
    const d = feedback.deadlines;
    expect(d.policyFor('usage-question', 'low')).toMatchObject({ responseHours: 12, resolutionHours: 120 });
    expect(d.policyFor('product-defect', 'critical')).toMatchObject({ responseHours: 2, resolutionHours: 24 });
    expect(d.policyFor('privacy', 'high')).toMatchObject({ responseHours: 12, resolutionHours: 720 });
    d.savePolicy({ category: 'privacy', severity: 'critical', responseHours: 1, resolutionHours: 48 });
    expect(d.policyFor('privacy', 'critical')).toMatchObject({ responseHours: 1, resolutionHours: 48 });
    expect(() => d.savePolicy({ category: null, severity: null, responseHours: 0, resolutionHours: 10 })).toThrow(/hours/);
    expect(() => d.savePolicy({ category: 'nonsense', severity: null, responseHours: 1, resolutionHours: 10 })).toThrow(/category/);
    expect(() => d.savePolicy({ category: null, severity: null, responseHours: 10, resolutionHours: 5 })).toThrow(/before/);
  });

  it('applies business hours to complaints when switched on', () => {
    const { feedback } = setup({ start: '2026-03-06T13:00:00.000Z' });
    feedback.deadlines.setBusinessHours(helsinki);
    const r = feedback.complaints.submit(complaintInput({ description: 'How do I set the delay start on the washing machine?', subject: 'Delay start' }), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    expect(feedback.complaints.get(r.complaint.id)!.responseDueAt).toBe('2026-03-10T07:00:00.000Z');
    expect(() => feedback.deadlines.setBusinessHours({ ...helsinki, timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => feedback.deadlines.setBusinessHours({ ...helsinki, start: '18:00' })).toThrow(/after opening/);
  });
});

describe('escalation', () => {
  it('marks overdue complaints, lists them first, notes it in the timeline and mails the team lead', async () => {
    const { feedback, clock, mailer, staffId } = setup();
    const late = feedback.complaints.submit(complaintInput({ subject: 'Washing machine leaks' }), { channel: 'web' });
    clock.advanceHours(1);
    const fresh = feedback.complaints.submit(complaintInput({ product: 'frostline', subject: 'Fridge not cooling', description: 'The FrostLine fridge stopped cooling after two months.' }), { channel: 'web' });
    if (!late.ok || !fresh.ok) throw new Error('not saved');

    clock.advanceHours(10.5); // 11.5 h after the first: nothing due yet
    expect((await feedback.tick()).escalated).toEqual([]);
    clock.advanceHours(1); // 12.5 h: the first is past its 12-hour response deadline
    const round = await feedback.tick();
    expect(round.escalated).toEqual([late.complaint.reference]);
    expect((await feedback.tick()).escalated).toEqual([]); // once

    const escalated = feedback.complaints.get(late.complaint.id)!;
    expect(escalated.escalatedAt).toBe(clock.now().toISOString());
    expect(feedback.complaints.timeline(late.complaint.id).at(-1)).toMatchObject({ kind: 'escalated', data: { deadline: 'response', lead: 'rd-laundry-lead@kestrel-home.example' } });
    const leadMail = mailer.sent.find((m) => m.to === 'rd-laundry-lead@kestrel-home.example');
    expect(leadMail?.subject).toContain(`[Overdue] ${late.complaint.reference}`);
    expect(leadMail?.text).toContain(`https://help.example/admin/complaints/${late.complaint.id}`);
    // The lead's mail carries no customer details.
    expect(leadMail?.text).not.toContain('anna.virtanen@example.com');
    expect(leadMail?.text).not.toContain('Anna');

    // Escalated first in the inbox, although the other is newer and both are open.
    expect(feedback.complaints.list({}).rows.map((c) => c.reference)).toEqual([late.complaint.reference, fresh.complaint.reference]);
    expect(feedback.complaints.list({ overdue: true }).rows.map((c) => c.reference)).toEqual([late.complaint.reference]);
    expect(feedback.complaints.counts()).toMatchObject({ open: 2, overdue: 1, escalated: 1 });

    // Answering lifts it.
    feedback.complaints.reply(late.complaint.id, staffId, 'We are on it.');
    expect(feedback.complaints.get(late.complaint.id)).toMatchObject({ escalatedAt: null, responseDueAt: null });
  });

  it('a critical complaint escalates after 2 hours; a resolved one never', async () => {
    const { feedback, clock, staffId } = setup();
    const critical = feedback.complaints.submit(complaintInput({ subject: 'Smoke', description: 'There was smoke coming out of the back of the machine.' }), { channel: 'web' });
    const done = feedback.complaints.submit(complaintInput({ subject: 'Question', description: 'How do I clean the filter of the washing machine?' }), { channel: 'web' });
    if (!critical.ok || !done.ok) throw new Error('not saved');
    expect(feedback.complaints.get(critical.complaint.id)).toMatchObject({ severity: 'critical', responseDueAt: '2026-03-02T11:00:00.000Z' });
    feedback.complaints.setStatus(done.complaint.id, staffId, 'resolved');
    clock.advanceHours(200);
    expect((await feedback.tick()).escalated).toEqual([critical.complaint.reference]);
  });
});
