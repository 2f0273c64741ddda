import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@tests/bench/server.ts';
import { removeDir, send, startPortal, type Portal } from './portal.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-fault-backup-'));
const running: Portal[] = [];

afterAll(async () => {
  for (const portal of running) await portal.stop();
  await removeDir(work);
});

/** An npm script as an operator runs it; asynchronous, so the portal's load goes on meanwhile. */
function npm(script: string, args: string[], env: Record<string, string>, input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('npm', ['run', '--silent', script, '--', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8' }, (error, stdout, stderr) => (error ? reject(new Error(`${script}: ${stderr}`)) : resolve(stdout)));
    child.stdin?.end(input);
  });
}

async function complain(url: string, n: number): Promise<string> {
  const body = JSON.stringify({ locale: 'en', product: 'aquawash', subject: `Door seal leaks #${n}`, description: 'My AquaWash leaks water from the door seal during every wash since last week.', email: `backup${n}@example.com`, consent: true, idempotencyKey: `backup-${n}` });
  const answer = await send(`${url}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, chunks: [Buffer.from(body)] });
  expect(answer.status).toBe(201);
  return (JSON.parse(answer.body) as { reference: string }).reference;
}

describe('backup and restore', () => {
  it('a backup taken while complaints come in restores into an empty data directory, and the portal started on it has them all', async () => {
    const dataDir = path.join(work, 'data');
    const contentDir = path.join(work, 'content');
    fs.cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
    const env = { DATA_DIR: dataDir, KB_CONTENT_DIR: contentDir };
    await npm('user:create', ['--email', 'backup-admin@example.com', '--role', 'admin', '--name', 'Backup Admin'], env, 'correct horse battery staple 42');
    const edited = path.join(contentDir, 'en', 'claim-rules', 'claims-what-is-covered.mdx');
    const editedText = `${fs.readFileSync(edited, 'utf8')}\n\nEdited before the backup: covered since 2026.\n`;
    fs.writeFileSync(edited, editedText);

    const portal = await startPortal({ dataDir, contentDir, env: { COMPLAINT_RATE_LIMIT: '1000000' } });
    running.push(portal);
    const before = await Promise.all(Array.from({ length: 10 }, (_, i) => complain(portal.url, i)));
    const out = path.join(work, 'kb-backup.tar.gz');
    // Complaints keep arriving while the backup runs: the online backup must still be consistent.
    const during = Promise.all(Array.from({ length: 20 }, (_, i) => complain(portal.url, 100 + i)));
    await Promise.all([npm('backup', ['--out', out], env), during]);
    await portal.stop();
    running.pop();

    const restoredData = path.join(work, 'restored-data');
    const restoredContent = path.join(work, 'restored-content');
    await expect(npm('restore', [out, '--data-dir', dataDir, '--content-dir', restoredContent], {})).rejects.toThrow(/not empty/);
    await npm('restore', [out, '--data-dir', restoredData, '--content-dir', restoredContent], {});
    expect(fs.readFileSync(path.join(restoredContent, 'en', 'claim-rules', 'claims-what-is-covered.mdx'), 'utf8')).toBe(editedText);

    const restored = await startPortal({ dataDir: restoredData, contentDir: restoredContent });
    running.push(restored);
    const db = new Database(path.join(restoredData, 'kb.sqlite'), { readonly: true });
    const references = new Set(db.prepare('SELECT reference FROM complaints').pluck().all() as string[]);
    const staff = db.prepare('SELECT role FROM users WHERE email = ?').pluck().get('backup-admin@example.com');
    db.close();
    for (const reference of before) expect(references.has(reference)).toBe(true);
    expect(staff).toBe('admin');
    const article = await send(`${restored.url}/en/articles/claims-what-is-covered`);
    expect(article.status).toBe(200);
    expect(article.body).toContain('covered since 2026');
    console.info(`fault: backup under intake load, restore into an empty data directory -> ${references.size} complaints, the staff account and the article edit back; restore into a non-empty directory refused`);
  });
});
