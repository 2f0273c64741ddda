import type { Db } from '@core/db/database.ts';
import { recordAudit } from '@core/staff/audit.ts';
import { roles, type Role } from '@core/staff/roles.ts';
import type { UserStore } from './users.ts';

/** One account per role for local demos and the browser tests. Never created in production. */
export const demoAccounts: ReadonlyArray<{ email: string; name: string; role: Role; password: string }> = roles.map((role) => ({
  email: `${role}@kestrel-home.example`,
  name: { admin: 'Ada Admin', editor: 'Eddie Editor', agent: 'Agnes Agent', product: 'Pat Product', trainee: 'Tove Trainee' }[role],
  role,
  password: `demo-${role}-password`,
}));

/** Creates the demo accounts when there are no users at all and the portal does not run in production. */
export async function ensureDemoAccounts(db: Db, users: UserStore, nodeEnv: string): Promise<number> {
  if (nodeEnv === 'production' || users.count() > 0) return 0;
  for (const account of demoAccounts) {
    const user = await users.create(account);
    recordAudit(db, { actorId: null, action: 'user.create', objectType: 'user', objectId: user.id, detail: { email: user.email, role: user.role, demo: true } });
  }
  console.info(`[admin] created ${demoAccounts.length} demo accounts (one per role; see README). Not done in production.`);
  return demoAccounts.length;
}
