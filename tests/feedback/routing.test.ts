import { describe, expect, it } from 'vitest';
import { maskComplaint, maskEmail, maskName, maskPhone, maskText } from '@feedback/complaints/masking.ts';
import { pickRule, type RoutingRule } from '@feedback/routing/routing.ts';
import { complaintInput, setup } from './helpers.ts';

describe('routing', () => {
  it('sends complaints to the team that can fix the cause', () => {
    const { feedback } = setup();
    const route = (category: Parameters<typeof feedback.routing.route>[0]['category'], product: string | null, severity: 'low' | 'medium' | 'high' | 'critical' = 'medium') =>
      feedback.routing.route({ category, product, severity }).teamId;
    expect(route('product-defect', 'aquawash')).toBe('rd-laundry');
    expect(route('product-defect', 'pureair', 'critical')).toBe('rd-climate');
    expect(route('product-defect', 'kestrel-app')).toBe('rd-digital');
    expect(route('suggestion', 'sweepbot')).toBe('rd-robotics');
    expect(route('billing-payment', 'aquawash')).toBe('finance');
    expect(route('delivery', null)).toBe('logistics');
    expect(route('privacy', 'kestrel-app')).toBe('privacy-officer');
    expect(route('repair-service', 'frostline')).toBe('service-centre');
    expect(route('product-defect', null)).toBe('service-centre');
    expect(route(null, null)).toBe('service-centre');
  });

  it('prefers the most specific rule, then the earlier one', () => {
    const rule = (id: number, position: number, fields: Partial<RoutingRule>): RoutingRule => ({ id, position, category: null, product: null, severity: null, teamId: `t${id}`, note: '', ...fields });
    const rules = [
      rule(1, 10, { category: 'product-defect' }),
      rule(2, 20, { category: 'product-defect', product: 'heatpro' }),
      rule(3, 30, { category: 'product-defect', product: 'heatpro', severity: 'critical' }),
      rule(4, 5, { severity: 'critical' }),
      rule(5, 40, { category: 'product-defect', severity: 'critical' }),
      rule(6, 1, { category: 'product-defect', severity: 'critical' }),
    ];
    expect(pickRule(rules, { category: 'product-defect', product: 'heatpro', severity: 'critical' })?.id).toBe(3);
    expect(pickRule(rules, { category: 'product-defect', product: 'heatpro', severity: 'low' })?.id).toBe(2);
    expect(pickRule(rules, { category: 'product-defect', product: 'sweepbot', severity: 'critical' })?.id).toBe(6);
    expect(pickRule(rules, { category: 'delivery', product: null, severity: 'critical' })?.id).toBe(4);
    expect(pickRule(rules, { category: 'delivery', product: null, severity: 'low' })).toBeUndefined();
  });

  it('admins edit rules and teams; intake uses the change at once', () => {
    const { feedback } = setup();
    const id = feedback.routing.addRule({ category: 'delivery', product: 'sweepbot', severity: null, teamId: 'rd-robotics', note: 'calibration after transport' });
    const r = feedback.complaints.submit(complaintInput({ product: 'sweepbot', subject: 'Not delivered', description: 'My SweepBot was never delivered although the shop says it was.' }), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    expect(feedback.complaints.get(r.complaint.id)).toMatchObject({ category: 'delivery', teamId: 'rd-robotics' });
    expect(() => feedback.routing.addRule({ category: 'nope', product: null, severity: null, teamId: 'finance' })).toThrow(/category/);
    expect(() => feedback.routing.addRule({ category: null, product: 'toaster', severity: null, teamId: 'finance' })).toThrow(/product/);
    expect(() => feedback.routing.addRule({ category: null, product: null, severity: null, teamId: 'ghosts' })).toThrow(/team/);
    expect(feedback.routing.deleteRule(id)).toBe(true);
    feedback.routing.updateTeam('finance', { name: 'Finance and billing', leadEmail: 'billing-lead@example.com' });
    expect(feedback.routing.team('finance')).toMatchObject({ name: 'Finance and billing', leadEmail: 'billing-lead@example.com' });
    expect(() => feedback.routing.updateTeam('finance', { name: 'x', leadEmail: 'not an email' })).toThrow(/email/);
  });

  it('a product-team member sees their teams, or every R&D team when in none', () => {
    const { feedback, staffId } = setup();
    expect(feedback.routing.productScope(staffId).sort()).toEqual(['rd-climate', 'rd-cooling', 'rd-digital', 'rd-kitchen', 'rd-laundry', 'rd-robotics']);
    feedback.routing.setMembers('rd-kitchen', [staffId]);
    expect(feedback.routing.productScope(staffId)).toEqual(['rd-kitchen']);
  });
});

describe('masking for product and R&D teams', () => {
  it('masks email, phone and name, also inside the text', () => {
    expect(maskEmail('anna.virtanen@example.com')).toBe('a•••@e•••.com');
    expect(maskPhone('+358 40 123 4567')).toBe('••• 67');
    expect(maskName('Anna Maria Virtanen')).toBe('A. M. V.');
    expect(maskName('王小明')).toBe('王.');
    expect(maskText('Call me on +358 40 123 4567 or write to anna@example.fi, order 12345.')).toBe('Call me on ••• 67 or write to a•••@e•••.fi, order 12345.');
    const { feedback } = setup();
    const r = feedback.complaints.submit(complaintInput({ description: 'Leaks badly. Reach me at anna.virtanen@example.com or 040 123 4567.' }), { channel: 'web' });
    if (!r.ok) throw new Error('not saved');
    const masked = maskComplaint(feedback.complaints.get(r.complaint.id)!);
    expect(masked).toMatchObject({ email: 'a•••@e•••.com', phone: '••• 67', name: 'A. V.', description: 'Leaks badly. Reach me at a•••@e•••.com or ••• 67.' });
    expect(JSON.stringify(masked)).not.toMatch(/virtanen|123 4567/i);
  });
});

describe('the words behind a decision, marked in the text', () => {
  it('marks whole words (and Chinese anywhere), keeping everything else as text', async () => {
    const { highlight } = await import('@feedback/complaints/labels.ts');
    expect(highlight('There was smoke at the back', ['the', 'smoke']).filter((p) => p.hit).map((p) => p.text)).toEqual(['smoke', 'the']);
    expect(highlight('冰箱用了兩個月就不冷了', ['不冷']).filter((p) => p.hit).map((p) => p.text)).toEqual(['不冷']);
    expect(highlight('<b>x</b>', ['x']).map((p) => p.text).join('')).toBe('<b>x</b>');
  });
});
