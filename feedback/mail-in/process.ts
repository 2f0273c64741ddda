import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Db } from '@core/db/database.ts';
import type { Clock } from '../clock.ts';
import { detectTextLocale } from '../classification/detect.ts';
import type { Complaint } from '../complaints/model.ts';
import { referencePattern } from '../complaints/reference.ts';
import type { ComplaintService } from '../complaints/service.ts';
import { complaintLimits, staffComplaintSchema } from '../complaints/validation.ts';
import { countIntake } from '../intake/metrics.ts';
import type { Outbox } from '../outbox/outbox.ts';
import type { Attachments, KeptFile } from '../attachments/attachments.ts';
import { replyTokenOf, type HelpAddresses } from './addresses.ts';
import { unanswerable } from './loop-guard.ts';
import { parseMail, type ParsedMail } from './parse.ts';
import { stripQuotedHistory } from './quoted-history.ts';
import type { MailStore } from './store.ts';

export interface MailProcessorDeps {
  db: Db;
  clock: Clock;
  store: MailStore;
  complaints: ComplaintService;
  outbox: Outbox;
  attachments: Attachments;
  help: HelpAddresses;
  /** The portal's own sending address(es), lower-cased: mail from them is never answered. */
  ownAddresses: readonly string[];
  /** New complaints one sender may open by mail per hour; more are stored and not answered. */
  perSenderPerHour: number;
  log: (line: string) => void;
}

export type MailOutcome = 'complaint' | 'reply' | 'ignored' | 'failed';

const replyPrefix = /^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|vl|rv|enc|res|απ|σχετ|πρθ|回覆|回复|答复|轉寄|转发)\s*(?:\[\d+\])?\s*[:：]\s*)+/i;
const referenceInText = new RegExp(referencePattern.source.replace(/^\^|\$$/g, ''), 'g');

/** Refused attachments are noted on the stored mail (which keeps them), for staff. */
function refusedFiles(messages: readonly string[]): string {
  return `attachments not kept: ${messages.join(' ')}`.slice(0, 1000);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Turns one stored mail into a complaint, a reply on its complaint, or a stored mail that is not
 * answered. Everything in the mail is untrusted text: headers only ever choose between these outcomes,
 * and the text is kept as text (never HTML).
 */
export class MailProcessor {
  private readonly senders: RateLimiterMemory;

  constructor(private readonly deps: MailProcessorDeps) {
    this.senders = new RateLimiterMemory({ keyPrefix: 'mail-senders', points: Math.max(1, deps.perSenderPerHour), duration: 3600 });
  }

  async process(id: number): Promise<MailOutcome | undefined> {
    const { store, clock } = this.deps;
    const raw = store.raw(id);
    const row = store.get(id);
    if (!raw || !row || row.status !== 'received') return undefined;
    let mail: ParsedMail;
    try {
      mail = await parseMail(raw);
    } catch (error) {
      store.finish(id, { status: 'failed', reason: `could not be read as a mail: ${error instanceof Error ? error.message : error}`.slice(0, 300), at: clock.now().toISOString() });
      this.deps.log(`[mail-in] mail #${id} could not be parsed; kept for staff`);
      return 'failed';
    }
    const seen = { messageId: mail.messageId?.slice(0, 250) ?? null, fromAddress: mail.fromAddress?.slice(0, 254) ?? null, subject: clip(mail.subject, 200) || null };
    const threaded = this.threadOf(mail, row.envelopeTo);
    const loop = unanswerable({ envelopeFrom: row.source === 'smtp' ? (row.envelopeFrom ?? '') : undefined, header: mail.header, contentType: mail.contentType, fromAddress: mail.fromAddress }, this.deps.help, this.deps.ownAddresses);
    if (loop) {
      store.finish(id, { ...seen, status: 'ignored', reason: loop, complaintId: threaded?.id ?? null, at: clock.now().toISOString() });
      return 'ignored';
    }
    const text = stripQuotedHistory(mail.text);
    if (threaded) {
      const refused: string[] = [];
      this.deps.db.transaction(() => {
        this.deps.complaints.customerReply(threaded, clip(text || mail.subject || '(empty mail)', complaintLimits.reply.max), 'email');
        store.finish(id, { ...seen, status: 'reply', complaintId: threaded.id, at: clock.now().toISOString() });
      })();
      for (const file of mail.attachments) {
        const stored = await this.deps.attachments.store({ complaintId: threaded.id, filename: file.filename ?? 'attachment', bytes: file.content, source: 'email' });
        if (!stored.ok) refused.push(stored.message);
      }
      if (refused.length) store.finish(id, { ...seen, status: 'reply', complaintId: threaded.id, reason: refusedFiles(refused), at: clock.now().toISOString() });
      return 'reply';
    }
    const sender = mail.fromAddress ?? row.envelopeFrom ?? 'unknown';
    const allowed = await this.senders.consume(sender).then(() => true, () => false);
    if (!allowed) {
      store.finish(id, { ...seen, status: 'ignored', reason: `more than ${this.deps.perSenderPerHour} new complaints by mail from this sender in an hour`, at: clock.now().toISOString() });
      return 'ignored';
    }
    return this.file(id, mail, text, seen, await this.checkFiles(mail));
  }

  /** The complaint a mail answers: reply token in the address, then a Message-ID we sent, then the reference in the subject from the complaint's own address. */
  private threadOf(mail: ParsedMail, envelopeTo: readonly string[]): Complaint | undefined {
    const { store, complaints, outbox, help } = this.deps;
    for (const address of [...envelopeTo, ...mail.recipients]) {
      const token = replyTokenOf(help, address);
      const id = token ? store.complaintForReplyToken(token) : undefined;
      if (id) return complaints.get(id);
    }
    const emailOf = (complaintId: number) => complaints.get(complaintId)?.email ?? null;
    for (const messageId of mail.referenced.slice(0, 50)) {
      const id = outbox.complaintForMessageId(messageId, emailOf);
      if (id) return complaints.get(id);
    }
    // A reference alone is guessable: it threads only a mail from the address the complaint was filed with.
    for (const reference of mail.subject.match(referenceInText) ?? []) {
      const complaint = complaints.store.getByReference(reference);
      if (complaint?.email && mail.fromAddress && complaint.email.toLowerCase() === mail.fromAddress.toLowerCase()) return complaint;
    }
    return undefined;
  }

  /** The mail's files that pass the attachment checks (type sniffed from the bytes, size, count), written to disk; and why the others were refused. */
  private async checkFiles(mail: ParsedMail): Promise<{ kept: KeptFile[]; refused: string[] }> {
    const { attachments } = this.deps;
    const accepted = [];
    const refused: string[] = [];
    for (const file of mail.attachments) {
      const checked = await attachments.check([{ filename: file.filename ?? 'attachment', bytes: file.content }], accepted.length);
      if (checked.ok) accepted.push(...checked.files);
      else refused.push(...checked.problems.map((p) => p.message));
    }
    return { kept: attachments.keep(accepted, 'email'), refused };
  }

  private file(id: number, mail: ParsedMail, text: string, seen: { messageId: string | null; fromAddress: string | null; subject: string | null }, files: { kept: KeptFile[]; refused: string[] }): MailOutcome {
    const { store, clock } = this.deps;
    let subject = clip(mail.subject.replace(replyPrefix, '').trim(), complaintLimits.subject.max);
    if (subject.length < complaintLimits.subject.min) subject = clip(text.split('\n').find((l) => l.trim())?.trim() ?? '', 80);
    if (subject.length < complaintLimits.subject.min) subject = '(no subject)';
    let description = clip(text, complaintLimits.description.max);
    // The form's minimum keeps one-word complaints out of the web form; a short mail is still a complaint.
    if (description.length < complaintLimits.description.min) description = `${subject}\n${description}`.trim();
    if (description.length < complaintLimits.description.min) description = `${description} (email)`;
    const candidate = {
      locale: detectTextLocale(`${subject}\n${text}`, 'en'),
      product: 'other',
      subject,
      description,
      email: mail.fromAddress,
      name: mail.fromName ? clip(mail.fromName, complaintLimits.name.max) : undefined,
      channel: 'email',
      idempotencyKey: `inbound-mail-${id}`,
    };
    let parsed = staffComplaintSchema.safeParse(candidate);
    // A sender address the form would refuse is left out (no confirmation can go there); the complaint is still filed.
    if (!parsed.success) parsed = staffComplaintSchema.safeParse({ ...candidate, email: undefined, name: undefined });
    if (!parsed.success) {
      this.deps.attachments.discard(files.kept);
      store.finish(id, { ...seen, status: 'failed', reason: `not a usable complaint: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`, at: clock.now().toISOString() });
      return 'failed';
    }
    const input = parsed.data;
    try {
      this.deps.db.transaction(() => {
        const result = this.deps.complaints.submit(input, { channel: 'email' });
        if (!result.ok) throw new Error('the complaint conflicts with an earlier one under the same key');
        const at = clock.now().toISOString();
        this.deps.attachments.record(result.complaint.id, files.kept, at);
        store.finish(id, { ...seen, status: 'complaint', complaintId: result.complaint.id, reason: files.refused.length ? refusedFiles(files.refused) : null, at });
      })();
    } catch (error) {
      this.deps.attachments.discard(files.kept);
      throw error;
    }
    countIntake('email', 'created');
    return 'complaint';
  }
}
