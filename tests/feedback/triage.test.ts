import { describe, expect, it } from 'vitest';
import type { StaffMember } from '@core/staff/users.ts';
import { complaintInput, setup } from './helpers.ts';

/** Vague enough that no keyword rule fires and the classifier is unsure. */
const vague = { subject: 'Question about my thing', description: 'Hello, I have a question about the thing I have at home. Please get in touch with me.' };
/** A keyword rule decides this one: a person's rule counts as certain. */
const clear = { subject: 'Parcel never arrived', description: 'My order never arrived, the parcel was lost in delivery and tracking shows nothing for two weeks.' };

function portal(triageConfidence: number) {
  const f = setup({ triageConfidence });
  const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
  const product: StaffMember = { id: 99, email: 'pm@example.com', name: 'PM', role: 'product' };
  const submit = (text: typeof vague) => {
    const r = f.feedback.complaints.submit(complaintInput({ ...text, product: 'other' }), { channel: 'web' });
    if (!r.ok) throw new Error('not submitted');
    return f.feedback.complaints.get(r.complaint.id)!;
  };
  return { ...f, agent, product, submit };
}

describe('triage of uncertain classification', () => {
  it('keeps a complaint below the confidence without a team, its deadlines running, and routes confident ones', () => {
    const f = portal(0.99);
    const unsure = f.submit(vague);
    expect(unsure.teamId).toBeNull();
    expect(unsure.responseDueAt).not.toBeNull();
    expect(unsure.resolutionDueAt).not.toBeNull();
    const routed = f.feedback.complaints.timeline(unsure.id).find((e) => e.kind === 'routed');
    expect(routed?.data).toMatchObject({ teamId: null, triage: { threshold: 0.99 } });
    expect((routed?.data?.triage as { confidence: number }).confidence).toBeLessThan(0.99);

    const sure = f.submit(clear);
    expect(sure.classification?.source).toBe('rules');
    expect(sure.teamId).not.toBeNull();
    expect(f.feedback.triage.queue(f.agent).rows.map((c) => c.id)).toEqual([unsure.id]);
  });

  it('routes everything at threshold 0, whatever the confidence', () => {
    const f = portal(0);
    expect(f.submit(vague).teamId).not.toBeNull();
    expect(f.feedback.triage.queue(f.agent).total).toBe(0);
  });

  it('lets the service desk choose category, severity and team; the classifier learns it and the audit records it', () => {
    const f = portal(0.99);
    const unsure = f.submit(vague);
    expect(f.feedback.triage.queue(f.product)).toEqual({ rows: [], total: 0 });
    const refused = f.feedback.triage.decide(f.product, { complaintId: String(unsure.id), category: 'product-defect', severity: 'high', teamId: 'rnd-kitchen' });
    expect(refused).toMatchObject({ ok: false, status: 403 });

    const teamId = f.feedback.routing.teams()[0]!.id;
    const bad = f.feedback.triage.decide(f.agent, { complaintId: String(unsure.id), category: 'nonsense', severity: 'high', teamId });
    expect(bad).toEqual({ ok: false, status: 400, errors: { category: 'Choose a category from the list.' } });
    const done = f.feedback.triage.decide(f.agent, { complaintId: String(unsure.id), category: 'product-defect', severity: 'high', teamId });
    expect(done).toEqual({ ok: true, value: { complaintId: unsure.id, teamId } });
    const after = f.feedback.complaints.get(unsure.id)!;
    expect(after).toMatchObject({ teamId, category: 'product-defect', severity: 'high' });
    expect(after.classification?.source).toBe('staff');
    expect(f.db.prepare("SELECT label FROM classifier_examples WHERE source = 'correction'").pluck().all()).toEqual(['product-defect']);
    expect(f.db.prepare("SELECT action, object_id FROM audit_log WHERE action LIKE 'complaint.%'").all()).toEqual([{ action: 'complaint.triage', object_id: unsure.reference }]);
    expect(f.feedback.triage.queue(f.agent).total).toBe(0);

    const again = f.feedback.triage.decide(f.agent, { complaintId: String(unsure.id), category: 'delivery', severity: 'low', teamId });
    expect(again).toMatchObject({ ok: false, status: 409 });
    expect(f.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'complaint.triage'").pluck().get()).toBe(1);
  });

  it('shows the queue to service staff only: product people never see complaints without a team', () => {
    const f = portal(0.99);
    const unsure = f.submit(vague);
    expect(f.feedback.complaints.list({ teamScope: f.feedback.routing.productScope(f.product.id), pageSize: 50 }).rows.map((c) => c.id)).not.toContain(unsure.id);
  });
});
