import { describe, expect, it } from 'vitest';
import { queryAudit } from '@core/staff/audit.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { setup } from './helpers.ts';

function world() {
  const f = setup();
  const now = new Date().toISOString();
  const adminId = Number(
    f.db
      .prepare("INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES ('admin@example.com', 'Admin', 'admin', 'x', ?, ?, ?)")
      .run(now, now, now).lastInsertRowid,
  );
  const admin: StaffMember = { id: adminId, email: 'admin@example.com', name: 'Admin', role: 'admin' };
  const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
  const audit = () => [...queryAudit(f.db, { objectType: 'keyword-rule' }).rows, ...queryAudit(f.db, { objectType: 'classifier' }).rows].sort((a, b) => b.id - a.id);
  /** The rules, the stored models, the settings and the audit log, as one comparable value. */
  const state = () =>
    JSON.stringify(
      ['complaint_keyword_rules', 'classifier_models', 'feedback_settings', 'audit_log'].map((t) => f.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()),
    );
  return { ...f, admin, agent, audit, state, rulesAdmin: f.feedback.classifierAdmin, classification: f.feedback.classification };
}

describe('keyword rules and retraining: each action changes what it says and writes its audit entry', () => {
  it('creates a rule that classifies at once, updates it and deletes it', () => {
    const w = world();
    const created = w.rulesAdmin.act(w.admin, { action: 'save', locale: 'fi', category: 'repair-service', severity: '', keywords: 'huoltokäynti\nhuoltomies ei tullut\nhuoltokäynti' });
    expect(created).toMatchObject({ ok: true, value: { action: 'save', rule: { created: true, locale: 'fi' } } });
    const id = created.ok && created.value.action === 'save' ? created.value.rule.id : 0;
    expect(w.classification.rules().find((r) => r.id === id)).toMatchObject({ locale: 'fi', category: 'repair-service', severity: null, keywords: ['huoltokäynti', 'huoltomies ei tullut'] });
    expect(w.classification.classify('Huoltomies ei tullut sovittuna päivänä.', 'fi')).toMatchObject({ category: 'repair-service', classification: { source: 'rules' } });
    expect(w.audit()[0]).toMatchObject({ action: 'keyword-rule.create', actorId: w.admin.id, objectType: 'keyword-rule', objectId: String(id), detail: { locale: 'fi', category: 'repair-service' } });

    const updated = w.rulesAdmin.saveRule(w.admin, { id, locale: 'fi', category: 'repair-service', severity: 'high', keywords: 'huoltomies ei tullut' });
    expect(updated).toEqual({ ok: true, value: { id, created: false, locale: 'fi' } });
    expect(w.classification.rules().find((r) => r.id === id)).toMatchObject({ severity: 'high', keywords: ['huoltomies ei tullut'] });
    expect(w.audit()[0]).toMatchObject({ action: 'keyword-rule.update', objectId: String(id), detail: { locale: 'fi', category: 'repair-service' } });

    expect(w.rulesAdmin.act(w.admin, { action: 'delete', id: String(id) })).toEqual({ ok: true, value: { action: 'delete', id } });
    expect(w.classification.rules().some((r) => r.id === id)).toBe(false);
    expect(w.audit()[0]).toMatchObject({ action: 'keyword-rule.delete', objectType: 'keyword-rule', objectId: String(id), detail: null });
    expect(w.audit().map((e) => e.action)).toEqual(['keyword-rule.delete', 'keyword-rule.update', 'keyword-rule.create']);
  });

  it('retrains the classifier on every stored example', () => {
    const w = world();
    const models = () => w.db.prepare('SELECT COUNT(*) FROM classifier_models').pluck().get() as number;
    const result = w.rulesAdmin.act(w.admin, { action: 'retrain' });
    expect(result.ok).toBe(true);
    const retrained = result.ok && result.value.action === 'retrain' ? result.value.retrained : undefined;
    expect(retrained?.examples).toBeGreaterThan(0);
    expect(retrained?.labels).toBeGreaterThan(1);
    expect(models()).toBeGreaterThan(0);
    expect(w.classification.stats().lastTraining?.examples).toBe(retrained?.examples);
    expect(w.audit()[0]).toMatchObject({ action: 'classifier.retrain', actorId: w.admin.id, objectType: 'classifier', objectId: 'complaints', detail: { examples: retrained?.examples } });
  });
});

describe('keyword rules and retraining: a refused change changes nothing and leaves no audit entry', () => {
  it('names the field and keeps today’s messages', () => {
    const w = world();
    const before = w.state();
    const refusals: Array<[Record<string, string>, string, string]> = [
      [{ action: 'save', locale: 'xx', category: 'delivery', keywords: 'parcel' }, 'locale', 'Choose one of en, es, zh-Hant, el, fi.'],
      [{ action: 'save', locale: 'en', category: 'weather', keywords: 'rain' }, 'category', 'Choose one of product-defect, usage-question, billing-payment, delivery, repair-service, staff-conduct, warranty-dispute, privacy, suggestion.'],
      [{ action: 'save', locale: 'en', category: 'delivery', severity: 'extreme', keywords: 'parcel' }, 'severity', 'Choose a severity from the list.'],
      [{ action: 'save', locale: 'en', category: 'delivery', keywords: ' \n , ' }, 'keywords', 'Enter at least one keyword (one per line).'],
      [{ action: 'save', locale: 'en', category: 'delivery', keywords: 'x'.repeat(81) }, 'keywords', 'Use at most 100 keywords of at most 80 characters each.'],
      [{ action: 'save', locale: 'en', category: 'delivery', keywords: Array.from({ length: 101 }, (_, i) => `word${i}`).join('\n') }, 'keywords', 'Use at most 100 keywords of at most 80 characters each.'],
      [{ action: 'save', id: '99999', locale: 'en', category: 'delivery', keywords: 'parcel' }, 'rule', 'This rule no longer exists.'],
      [{ action: 'save', id: 'abc', locale: 'en', category: 'delivery', keywords: 'parcel' }, 'id', 'This rule no longer exists.'],
      [{ action: 'delete', id: '99999' }, 'rule', 'This rule no longer exists.'],
      [{ action: 'delete' }, 'id', 'This rule no longer exists.'],
      [{ action: 'dance' }, 'action', 'Unknown action.'],
    ];
    for (const [form, field, message] of refusals) {
      expect(w.rulesAdmin.act(w.admin, form), JSON.stringify(form)).toEqual({ ok: false, status: 400, errors: { [field]: message } });
    }
    expect(w.state()).toBe(before);
    expect(w.audit()).toEqual([]);
  });

  it('refuses people without classifier:manage (403)', () => {
    const w = world();
    const rule = w.classification.rules()[0]!;
    const before = w.state();
    const forms: Array<Record<string, string>> = [
      { action: 'save', locale: 'en', category: 'delivery', keywords: 'parcel' },
      { action: 'save', id: String(rule.id), locale: 'en', category: 'delivery', keywords: 'parcel' },
      { action: 'delete', id: String(rule.id) },
      { action: 'retrain' },
      { action: 'dance' },
    ];
    for (const form of forms) {
      const result = w.rulesAdmin.act(w.agent, form);
      expect(result.ok, JSON.stringify(form)).toBe(false);
      if (!result.ok) {
        expect(result.status).toBe(403);
        expect(result.errors.form).toContain('classifier:manage');
      }
    }
    expect(w.state()).toBe(before);
    expect(w.audit()).toEqual([]);
  });

  it('a rule whose audit entry cannot be written is rolled back with it', () => {
    const w = world();
    const before = w.state();
    w.db.exec('ALTER TABLE audit_log RENAME TO audit_log_gone');
    expect(() => w.rulesAdmin.act(w.admin, { action: 'save', locale: 'en', category: 'delivery', keywords: 'lost parcel of the rollback' })).toThrow(/audit_log/);
    expect(() => w.rulesAdmin.act(w.admin, { action: 'retrain' })).toThrow(/audit_log/);
    w.db.exec('ALTER TABLE audit_log_gone RENAME TO audit_log');
    expect(w.state()).toBe(before);
    expect(w.classification.classify('lost parcel of the rollback', 'en').classification.matched ?? []).not.toContain('lost parcel of the rollback');
  });
});

describe('keywords page data', () => {
  it('narrows the rules to a language and classifies the test text', () => {
    const w = world();
    const view = w.rulesAdmin.view(new URLSearchParams({ locale: 'es', text: 'Me cobraron dos veces la factura', tryLocale: 'es' }));
    expect(view.shownLocale).toBe('es');
    expect(view.rules.length).toBeGreaterThan(0);
    expect(view.rules.every((r) => r.locale === 'es')).toBe(true);
    expect(view.tried?.category).toBeTruthy();
    const plain = w.rulesAdmin.view(new URLSearchParams({ locale: 'xx', tryLocale: 'xx' }));
    expect(plain).toMatchObject({ shownLocale: undefined, tryLocale: 'en', tried: undefined, edit: undefined });
  });
});
