import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentDir } from '@feedback/attachments/files.ts';
import { takeComplaint } from '@feedback/intake/intake.ts';
import { readComplaintForm } from '@feedback/intake/complaint-form.ts';
import { htmlAsJpeg, jpegBytes, pdfBytes } from '@tests/fixtures/attachment-files.ts';
import { sampleComplaint } from '../fixtures/sample-complaint.ts';
import { setup } from './helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function portal() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-intake-'));
  dirs.push(dir);
  return { ...setup({ dataDir: dir, attachmentLimits: { maxBytes: 64 * 1024, maxFiles: 2 } }), dir };
}

const count = (f: ReturnType<typeof portal>, table: string) => (f.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const filesOnDisk = (f: ReturnType<typeof portal>) => (fs.existsSync(attachmentDir(f.dir)) ? fs.readdirSync(attachmentDir(f.dir)) : []);

describe('complaint intake with attachments', () => {
  it('writes the complaint and its files together, and a replay adds none', async () => {
    const f = portal();
    const raw = { ...sampleComplaint, idempotencyKey: 'attach-key-0000000001' };
    const files = [{ filename: 'damage.jpg', bytes: jpegBytes }, { filename: 'receipt.pdf', bytes: pdfBytes }];
    const first = await takeComplaint(f.feedback, raw, { channel: 'web', clientAddress: '203.0.113.1', files });
    expect(first.status).toBe('created');
    const again = await takeComplaint(f.feedback, raw, { channel: 'web', clientAddress: '203.0.113.1', files });
    expect(again.status).toBe('replayed');
    expect(f.db.prepare('SELECT original_name, media_type, source FROM complaint_attachments ORDER BY original_name').all()).toEqual([
      { original_name: 'damage.jpg', media_type: 'image/jpeg', source: 'web' },
      { original_name: 'receipt.pdf', media_type: 'application/pdf', source: 'web' },
    ]);
    expect(filesOnDisk(f)).toHaveLength(2);
  });

  it('refuses the whole form when one file is refused, naming it with the text problems, and writes nothing', async () => {
    const f = portal();
    const outcome = await takeComplaint(f.feedback, { ...sampleComplaint, subject: '' }, {
      channel: 'web',
      clientAddress: '203.0.113.2',
      files: [{ filename: 'receipt.pdf', bytes: pdfBytes }, { filename: 'photo.jpg', bytes: htmlAsJpeg }],
    });
    expect(outcome.status).toBe('invalid');
    if (outcome.status === 'invalid') {
      expect(outcome.problems.map((p) => p.field)).toEqual(['subject']);
      expect(outcome.files?.map((p) => [p.file, p.code])).toEqual([['photo.jpg', 'type']]);
    }
    expect(count(f, 'complaints')).toBe(0);
    expect(count(f, 'complaint_attachments')).toBe(0);
    expect(filesOnDisk(f)).toEqual([]);
  });

  it('reads a multipart form: text fields, the chosen files, and no file for an empty input', async () => {
    const form = new FormData();
    form.set('subject', 'Leak');
    form.append('attachments', new Blob([pdfBytes], { type: 'image/png' }), 'kuitti.pdf');
    form.append('attachments', new Blob([]), '');
    const request = new Request('http://localhost/en/complaints/new', { method: 'POST', body: form });
    const read = await readComplaintForm(request, { maxBytes: 1024, maxFiles: 2 });
    expect(read.fields.subject).toBe('Leak');
    expect(read.files.map((x) => [x.filename, x.bytes.byteLength])).toEqual([['kuitti.pdf', pdfBytes.byteLength]]);
  });
});
