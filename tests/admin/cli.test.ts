import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminMigrations } from '@admin/admin.ts';
import { verifyPassword } from '@admin/auth/password.ts';
import { openDatabase } from '@core/db/database.ts';
import { tempDir } from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function run(dataDir: string, args: string[], input = '') {
  const result = spawnSync(tsx, ['admin/cli/user-create.ts', ...args], { cwd: root, input, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run user:create', () => {
  it('creates users with a generated password shown once, or one from stdin, and refuses bad arguments', async () => {
    const dataDir = tempDir();
    const generated = run(dataDir, ['--email', 'Boss@Example.com', '--role', 'admin', '--name', 'Boss']);
    expect(generated.code, generated.err).toBe(0);
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(generated.out)?.[1] ?? '';
    expect(password).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){3}$/);

    const piped = run(dataDir, ['--email', 'two@example.com', '--role', 'editor'], 'a long enough password\n');
    expect(piped.code, piped.err).toBe(0);
    expect(piped.out).toContain('Password set from stdin');
    expect(piped.out + piped.err).not.toContain('a long enough password');

    expect(run(dataDir, ['--email', 'boss@example.com', '--role', 'admin']).err).toContain('--email: an account with this email already exists');
    const bad = run(dataDir, ['--email', 'nope', '--role', 'king']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--email: must be an email address');
    expect(bad.err).toContain('--role: must be one of: admin, editor, agent, product, trainee');
    expect(run(dataDir, ['--email', 'x@example.com', '--role', 'agent'], 'short\n').err).toContain('password (stdin): must be at least 12 characters');

    const db = openDatabase(path.join(dataDir, 'kb.sqlite'), adminMigrations);
    const rows = db.prepare('SELECT email, role, password_hash FROM users ORDER BY id').all() as Array<{ email: string; role: string; password_hash: string }>;
    expect(rows.map((r) => [r.email, r.role])).toEqual([['boss@example.com', 'admin'], ['two@example.com', 'editor']]);
    expect(await verifyPassword(rows[0]!.password_hash, password)).toBe(true);
    expect(await verifyPassword(rows[1]!.password_hash, 'a long enough password')).toBe(true);
    expect(db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'user.create'").pluck().get()).toBe(2);
    db.close();
    // Each run starts a tsx process; on a machine busy with other work that alone can take 10 s.
  }, 90_000);
});
