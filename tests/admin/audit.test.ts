import { describe, expect, it } from 'vitest';
import { auditFacets, auditMigrations, queryAudit, recordAudit } from '@core/staff/audit.ts';
import { openDatabase } from '@core/db/database.ts';

describe('audit log', () => {
  it('works on its own migrations (other rooms can use it in their tests) and filters', () => {
    const db = openDatabase(':memory:', auditMigrations);
    recordAudit(db, { actorId: 7, action: 'complaint.assign', objectType: 'complaint', objectId: 42, detail: { team: 'rnd' } });
    recordAudit(db, { actorId: null, action: 'user.create', objectType: 'user', objectId: 3 });
    recordAudit(db, { actorId: 7, action: 'complaint.close', objectType: 'complaint', objectId: 43 });
    expect(queryAudit(db, {}).total).toBe(3);
    expect(queryAudit(db, { actorId: 7 }).total).toBe(2);
    expect(queryAudit(db, { actorId: null }).rows.map((r) => r.action)).toEqual(['user.create']);
    expect(queryAudit(db, { action: 'complaint' }).total).toBe(2);
    expect(queryAudit(db, { action: 'complaint.close' }).rows[0]?.objectId).toBe('43');
    expect(queryAudit(db, { action: 'compl%' }).total).toBe(0);
    expect(queryAudit(db, { objectType: 'complaint', objectId: '42' }).rows[0]).toMatchObject({ actorLabel: 'user 7', detail: { team: 'rnd' } });
    const today = new Date().toISOString().slice(0, 10);
    expect(queryAudit(db, { from: today, to: today }).total).toBe(3);
    expect(queryAudit(db, { to: '2000-01-01' }).total).toBe(0);
    expect(queryAudit(db, { pageSize: 2, page: 2 }).rows).toHaveLength(1);
    expect(auditFacets(db)).toEqual({ actions: ['complaint.assign', 'complaint.close', 'user.create'], objectTypes: ['complaint', 'user'] });
  });
});
