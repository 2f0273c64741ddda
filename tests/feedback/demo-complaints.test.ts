import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentStore } from '@core/content/store.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { demoComplaints, ensureDemoComplaints } from '@feedback/complaints/demo.ts';
import { createAnswerFinder } from '@search/answers.ts';
import { indexedEngine } from '@tests/search/indexed-content.ts';
import { setup } from './helpers.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-demo-complaints-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('demo complaints', () => {
  it('are filed once, only in development, and the demo content suggests a fitting template first for each', async () => {
    const content = new ContentStore(path.resolve(import.meta.dirname, '../../content')).loadAll();
    const engine = await indexedEngine(content, dir);
    const f = setup({ answers: createAnswerFinder(engine, content) });
    expect(ensureDemoComplaints(f.feedback.complaints, 'test')).toBe(0);
    expect(ensureDemoComplaints(f.feedback.complaints, 'development')).toBe(demoComplaints.length);
    expect(ensureDemoComplaints(f.feedback.complaints, 'development')).toBe(0);
    const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
    const expected = ['reply-aquawash-leak', 'reply-late-delivery', 'reply-brewmaster-coffee', 'reply-frostline-noise-cooling', 'reply-sweepbot-not-charging'];
    const rows = f.feedback.complaints.list({ pageSize: 10 }).rows.sort((a, b) => a.id - b.id);
    for (const [i, c] of rows.entries()) {
      const found = await f.feedback.handling.suggestions(agent, String(c.id));
      expect(found?.suggestions[0], c.subject).toMatchObject({ kind: 'template', translationKey: expected[i], locale: c.locale, fallback: false });
      expect(found?.suggestions[0]?.text).toContain(c.name!);
    }
  }, 60_000);
});
