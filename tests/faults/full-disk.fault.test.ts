import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleComplaint } from '@tests/fixtures/sample-complaint.ts';
import { removeDir, send, startPortal, type Portal } from './portal.ts';

/** A 96 MB tmpfs for DATA_DIR: needs root and permission to mount (not in every container). */
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-full-disk-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', mountPoint], { stdio: 'ignore' }).status === 0;
if (!mounted) {
  fs.rmSync(mountPoint, { recursive: true, force: true });
  console.warn('[faults] full disk: SKIPPED, cannot mount a small tmpfs here (needs root and mount permission)');
}

let portal: Portal;
const filler = path.join(mountPoint, 'filler');

beforeAll(async () => {
  if (mounted) portal = await startPortal({ dataDir: path.join(mountPoint, 'data') });
}, 200_000);

afterAll(async () => {
  await portal?.stop();
  if (mounted) {
    spawnSync('umount', [mountPoint]);
    await removeDir(mountPoint);
  }
});

function fillDisk(): void {
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(1024 * 1024);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

describe.runIf(mounted)('fault: the data directory\'s disk is full', () => {
  it('article pages and search still answer, /readyz names the disk, no acknowledged complaint is lost; all recovers once space is freed', async () => {
    fillDisk();
    const article = await send(`${portal.url}/en/articles/claims-what-is-covered`);
    expect(article.status).toBe(200);
    expect((await send(`${portal.url}/en/search?q=warranty`)).status).toBe(200);
    expect((await send(`${portal.url}/api/search?q=warranty&locale=en`)).status).toBe(200);
    expect((await send(`${portal.url}/healthz`)).status).toBe(200);

    const ready = await send(`${portal.url}/readyz`);
    const report = JSON.parse(ready.body) as { status: string; checks: Record<string, { status: string; causes: string[] }> };
    expect(report.status).toBe('degraded');
    expect(report.checks.disk!.status).toBe('degraded');
    expect(report.checks.disk!.causes.join(' ')).toMatch(/ENOSPC|bytes free/);

    const complaint = await send(`${portal.url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      chunks: [Buffer.from(JSON.stringify({ ...sampleComplaint, subject: 'Filed on a full disk' }))],
    });
    expect(complaint.status).not.toBe(404);

    fs.rmSync(filler);
    const db = new Database(path.join(portal.dataDir, 'kb.sqlite'), { readonly: true });
    try {
      const subjects = db.prepare('SELECT subject FROM complaints').pluck().all() as string[];
      if (complaint.status === 201) expect(subjects).toContain('Filed on a full disk');
    } finally {
      db.close();
    }
    expect((await send(`${portal.url}/en/articles/claims-what-is-covered`)).status).toBe(200);
    expect((await send(`${portal.url}/en/search?q=warranty`)).status).toBe(200);
    const after = JSON.parse((await send(`${portal.url}/readyz`)).body) as { checks: Record<string, { status: string }> };
    expect(after.checks.disk!.status).toBe('ok');
    expect(after.checks.database!.status).toBe('ok');
  });
});
