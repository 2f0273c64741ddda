import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { complaintAccess } from '@feedback/complaints/access.ts';
import { attachmentDir } from '@feedback/attachments/files.ts';
import { eraseAttachments, storeAttachment } from '@feedback/attachments/attachments.ts';
import { contentDisposition, downloadName } from '@feedback/attachments/names.ts';
import { parseConfig } from '@core/config/config.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { heicBytes, htmlAsJpeg, jpegBytes, pdfBytes, pngBytes, svgAsPng } from '@tests/fixtures/attachment-files.ts';
import { complaintInput, setup } from './helpers.ts';

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-attach-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const limits = { maxBytes: 64 * 1024, maxFiles: 3 };

function portal() {
  const dir = dataDir();
  const f = setup({ dataDir: dir, attachmentLimits: limits });
  const submitted = f.feedback.complaints.submit(complaintInput(), { channel: 'web' });
  if (!submitted.ok) throw new Error('not submitted');
  return { ...f, dir, complaintId: submitted.complaint.id, token: submitted.token };
}

const agent: StaffMember = { id: 1, email: 'agent@example.com', name: 'Agent', role: 'agent' };
const product: StaffMember = { id: 2, email: 'pm@example.com', name: 'PM', role: 'product' };
const trainee: StaffMember = { id: 3, email: 'new@example.com', name: 'New', role: 'trainee' };

describe('attachment storage', () => {
  it('keeps photos and PDFs by their sniffed type, under a random name outside the web root', async () => {
    const p = portal();
    const files = [
      { filename: 'damage.jpg', bytes: jpegBytes },
      { filename: 'close-up.png', bytes: pngBytes },
      { filename: 'IMG_0001.HEIC', bytes: heicBytes },
    ];
    const types: string[] = [];
    for (const file of files) {
      const r = await p.feedback.attachments.store({ complaintId: p.complaintId, ...file, source: 'web' });
      if (!r.ok) throw new Error(r.message);
      types.push(r.attachment.mediaType);
      expect(r.attachment.originalName).toBe(file.filename);
      expect(r.attachment.size).toBe(file.bytes.byteLength);
      const onDisk = path.join(attachmentDir(p.dir), r.attachment.id);
      expect(fs.readFileSync(onDisk).equals(file.bytes)).toBe(true);
      expect(r.attachment.id).not.toContain(file.filename.split('.')[0]);
    }
    expect(types).toEqual(['image/jpeg', 'image/png', 'image/heic']);
    const rows = p.db.prepare('SELECT media_type, sha256, original_name FROM complaint_attachments WHERE complaint_id = ? ORDER BY created_at, rowid').all(p.complaintId);
    expect(rows).toHaveLength(3);
    expect(fs.readdirSync(attachmentDir(p.dir)).sort()).toEqual(p.feedback.attachments.list(p.feedback.attachments.tokenReader(p.token)).map((a) => a.id).sort());
  });

  it('refuses markup pretending to be an image, naming the file and what is accepted', async () => {
    const p = portal();
    for (const [filename, bytes] of [['photo.jpg', htmlAsJpeg], ['icon.png', svgAsPng], ['notes.txt', Buffer.from('hello')]] as const) {
      const r = await p.feedback.attachments.store({ complaintId: p.complaintId, filename, bytes, source: 'web' });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.field).toBe('attachments');
        expect(r.problem.code).toBe('type');
        expect(r.message).toContain(filename);
        expect(r.message).toMatch(/JPEG, PNG, WebP, HEIC\) or a PDF/);
      }
    }
    expect(p.db.prepare('SELECT count(*) AS n FROM complaint_attachments').get()).toEqual({ n: 0 });
    expect(fs.existsSync(attachmentDir(p.dir)) ? fs.readdirSync(attachmentDir(p.dir)) : []).toEqual([]);
  });

  it('names the size and count limits when they are passed, and writes nothing for a refused file', async () => {
    const p = portal();
    const big = Buffer.concat([pdfBytes, Buffer.alloc(limits.maxBytes)]);
    const tooBig = await p.feedback.attachments.store({ complaintId: p.complaintId, filename: 'scan.pdf', bytes: big, source: 'email' });
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) {
      expect(tooBig.problem).toMatchObject({ code: 'size', limit: limits.maxBytes, file: 'scan.pdf' });
      expect(tooBig.message).toContain('64 KB per file');
    }
    for (let i = 0; i < limits.maxFiles; i++) {
      const r = await p.feedback.attachments.store({ complaintId: p.complaintId, filename: `receipt-${i}.pdf`, bytes: pdfBytes, source: 'email' });
      expect(r.ok).toBe(true);
    }
    const extra = await p.feedback.attachments.store({ complaintId: p.complaintId, filename: 'one-more.pdf', bytes: pdfBytes, source: 'email' });
    expect(extra.ok).toBe(false);
    if (!extra.ok) {
      expect(extra.problem).toMatchObject({ code: 'count', limit: 3 });
      expect(extra.message).toContain('at most 3 files');
    }
    expect(fs.readdirSync(attachmentDir(p.dir))).toHaveLength(3);
  });

  it('checks a whole form before anything is written', async () => {
    const p = portal();
    const checked = await p.feedback.attachments.check([
      { filename: 'a.png', bytes: pngBytes },
      { filename: 'b.pdf', bytes: pdfBytes },
      { filename: 'c.pdf', bytes: pdfBytes },
      { filename: 'd.pdf', bytes: pdfBytes },
    ]);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((x) => [x.file, x.code])).toEqual([['d.pdf', 'count']]);
    expect(fs.existsSync(attachmentDir(p.dir))).toBe(false);
  });

  it('lets only staff who see the complaint in full, and the holder of its tracking link, read the files', async () => {
    const p = portal();
    const other = p.feedback.complaints.submit(complaintInput({ subject: 'Another complaint entirely' }), { channel: 'web' });
    if (!other.ok) throw new Error('not submitted');
    const stored = await p.feedback.attachments.store({ complaintId: p.complaintId, filename: 'receipt.pdf', bytes: pdfBytes, source: 'web' });
    if (!stored.ok) throw new Error(stored.message);
    const id = stored.attachment.id;
    const a = p.feedback.attachments;
    const staff = (m: StaffMember, complaintId = p.complaintId) => a.staffReader(complaintAccess(m, p.feedback.routing), complaintId);

    expect(a.open(staff(agent), id)?.bytes.equals(pdfBytes)).toBe(true);
    expect(a.list(staff(agent))).toHaveLength(1);
    expect(a.open(a.tokenReader(p.token), id)?.attachment.mediaType).toBe('application/pdf');
    expect(a.list(a.tokenReader(p.token))).toHaveLength(1);

    expect(a.open(staff(product), id)).toBeUndefined();
    expect(a.list(staff(product))).toEqual([]);
    expect(a.open(staff(trainee), id)).toBeUndefined();
    expect(a.open(staff(agent, other.complaint.id), id)).toBeUndefined();
    expect(a.open(a.tokenReader(other.token), id)).toBeUndefined();
    expect(a.list(a.tokenReader(other.token))).toEqual([]);
    expect(a.open(a.tokenReader('x'.repeat(27)), id)).toBeUndefined();
    expect(a.open(a.tokenReader(undefined), id)).toBeUndefined();
    expect(a.open(a.tokenReader(p.token), '../../etc/passwd')).toBeUndefined();
  });

  it('erases a complaint’s files and rows, and only that complaint’s', async () => {
    const p = portal();
    const other = p.feedback.complaints.submit(complaintInput({ subject: 'Keep my files' }), { channel: 'web' });
    if (!other.ok) throw new Error('not submitted');
    const mine = await storeAttachment(p.db, p.dir, { complaintId: p.complaintId, filename: 'a.png', bytes: pngBytes, source: 'web' }, limits);
    const theirs = await storeAttachment(p.db, p.dir, { complaintId: other.complaint.id, filename: 'b.pdf', bytes: pdfBytes, source: 'web' }, limits);
    if (!mine.ok || !theirs.ok) throw new Error('not stored');
    expect(eraseAttachments(p.db, p.dir, p.complaintId)).toBe(1);
    expect(fs.readdirSync(attachmentDir(p.dir))).toEqual([theirs.attachment.id]);
    expect(p.db.prepare('SELECT complaint_id FROM complaint_attachments').all()).toEqual([{ complaint_id: other.complaint.id }]);
    expect(eraseAttachments(p.db, p.dir, p.complaintId)).toBe(0);
  });

  it('offers downloads under the customer’s name with the sniffed extension, safely quoted', () => {
    expect(downloadName('invoice.html', 'application/pdf')).toBe('invoice.pdf');
    expect(contentDisposition('attachment', 'kuitti "ä" (1).pdf')).toBe(`attachment; filename="kuitti ___ (1).pdf"; filename*=UTF-8''kuitti%20%22%C3%A4%22%20%281%29.pdf`);
    expect(contentDisposition('attachment', 'a\r\nb;c.pdf')).toBe(`attachment; filename="a__b_c.pdf"; filename*=UTF-8''a%0D%0Ab%3Bc.pdf`);
  });

  it('refuses a body limit too small for a complaint carrying every file allowed', () => {
    expect(() => parseConfig({ KB_MAX_BODY_BYTES: String(4 * 1024 * 1024) })).toThrow(/KB_MAX_BODY_BYTES: must be at least ATTACHMENT_MAX_FILES × ATTACHMENT_MAX_BYTES/);
    expect(parseConfig({ KB_MAX_BODY_BYTES: String(4 * 1024 * 1024), ATTACHMENT_MAX_FILES: '0' }).ATTACHMENT_MAX_FILES).toBe(0);
    expect(parseConfig({}).KB_MAX_BODY_BYTES).toBeGreaterThanOrEqual(parseConfig({}).ATTACHMENT_MAX_FILES * parseConfig({}).ATTACHMENT_MAX_BYTES);
  });
});
