import { z } from 'zod';
import type { Db } from '@core/db/database.ts';
import type { Locale } from '@core/i18n/locales.ts';
import { messages } from '@core/i18n/messages.ts';
import { recordAudit } from '@core/staff/audit.ts';
import type { Clock } from '../clock.ts';
import type { ComplaintService } from '../complaints/service.ts';
import { openStatuses } from '../complaints/model.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { LostLinkLimiter } from './limiter.ts';

export const lostLinkSchema = z.object({ email: z.string().trim().toLowerCase().max(254, 'at most 254 characters').email('an email address such as name@example.com') });

export type LostLinkOutcome = { status: 'sent' } | { status: 'invalid'; field: 'email' } | { status: 'rate-limited'; retryAfterSeconds: number };

export interface LostLinkDeps {
  db: Db;
  clock: Clock;
  outbox: Outbox;
  complaints: ComplaintService;
  limits?: { perEmailPerHour: number; perClientPerHour: number };
}

/**
 * "Lost your link?": mails fresh tracking links of an address's open complaints to that address. The
 * answer is the same whether or not the address is known, so the form tells nobody who complained; the
 * audit entry records how many links went out and for which complaints, never the address.
 */
export class LostLinks {
  private readonly limiter: LostLinkLimiter;
  private readonly openByEmail;

  constructor(private readonly deps: LostLinkDeps) {
    this.limiter = new LostLinkLimiter(deps.limits ?? { perEmailPerHour: 3, perClientPerHour: 10 });
    this.openByEmail = deps.db.prepare(
      `SELECT id, reference, subject FROM complaints WHERE lower(trim(email)) = ? AND status IN (SELECT value FROM json_each(?)) ORDER BY created_at DESC LIMIT 20`,
    );
  }

  async request(raw: Record<string, unknown>, options: { locale: Locale; clientAddress: string }): Promise<LostLinkOutcome> {
    const parsed = lostLinkSchema.safeParse(raw);
    if (!parsed.success) return { status: 'invalid', field: 'email' };
    const { email } = parsed.data;
    const allowed = await this.limiter.consume(email, options.clientAddress);
    if (!allowed.ok) return { status: 'rate-limited', retryAfterSeconds: allowed.retryAfterSeconds };
    const at = this.deps.clock.now().toISOString();
    const t = messages(options.locale).lostLink;
    const { complaints, outbox, db } = this.deps;
    db.transaction(() => {
      const found = this.openByEmail.all(email, JSON.stringify(openStatuses)) as Array<{ id: number; reference: string; subject: string }>;
      if (found.length) {
        const links = found.map((c) => t.mailLink(c.reference, c.subject, complaints.trackingUrl(complaints.store.issueToken(c.id, at))));
        outbox.mail({ to: email, subject: t.mailSubject, text: t.mailBody(links.join('\n\n')), label: `tracking links (${found.length})`, automatic: true });
      }
      recordAudit(db, { actorId: null, action: 'complaint.links-requested', objectType: 'complaint', detail: { links: found.length, references: found.map((c) => c.reference) } });
    })();
    outbox.kick();
    return { status: 'sent' };
  }
}
