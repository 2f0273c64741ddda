import type { Db } from '@core/db/database.ts';
import type { FeedbackServices } from '../feedback.ts';
import { bareAddress, helpAddresses, withReplyToken, type HelpAddresses } from './addresses.ts';
import { parseImapUrl, pollOnce } from './imap-poller.ts';
import { MailProcessor } from './process.ts';
import { startSmtpReceiver } from './smtp-receiver.ts';
import { MailStore, type NewInboundMail } from './store.ts';

export interface MailInOptions {
  db: Db;
  feedback: FeedbackServices;
  /** HELP_ADDRESSES: where customers write; the first is the one replies go to. */
  helpAddresses: readonly string[];
  /** MAIL_FROM: the portal's own sender; mail from it is never answered. */
  mailFrom: string;
  maxBytes: number;
  perSenderPerHour: number;
  log?: (line: string) => void;
}

/** Mails stored but not processed above which the SMTP receiver defers new mail with a 4xx. */
const maxBacklog = 500;

/**
 * Email as a complaint channel: the SMTP receiver and the IMAP poller store each raw mail first, then one
 * queue turns it into a complaint or a reply (./process.ts), off the SMTP conversation. Mails left
 * unprocessed by a stop are processed at the next start.
 */
export class MailIn {
  readonly store: MailStore;
  readonly help: HelpAddresses;
  private readonly processor: MailProcessor;
  private readonly log: (line: string) => void;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly stops: Array<() => Promise<void> | void> = [];

  constructor(private readonly o: MailInOptions) {
    const { db, feedback } = o;
    this.log = o.log ?? ((line) => console.info(line));
    this.store = new MailStore(db);
    this.help = helpAddresses(o.helpAddresses);
    this.processor = new MailProcessor({
      db,
      clock: feedback.clock,
      store: this.store,
      complaints: feedback.complaints,
      outbox: feedback.outbox,
      attachments: feedback.attachments,
      help: this.help,
      ownAddresses: [bareAddress(o.mailFrom)],
      perSenderPerHour: o.perSenderPerHour,
      log: this.log,
    });
    feedback.outbox.setReplyAddress((complaintId, to) => {
      const email = feedback.complaints.get(complaintId)?.email;
      if (!email || email.toLowerCase() !== to.toLowerCase()) return undefined;
      return withReplyToken(this.help, this.store.issueReplyToken(complaintId, feedback.clock.now().toISOString()));
    });
  }

  /** Commits one raw mail, then queues it; throws when the database cannot write (the caller answers 4xx). */
  receive(mail: Omit<NewInboundMail, 'at'> & { refused?: string }): number {
    const at = this.o.feedback.clock.now().toISOString();
    const id = this.o.db.transaction(() => {
      const stored = this.store.insert({ ...mail, at });
      if (mail.refused) this.store.finish(stored, { status: 'ignored', reason: mail.refused, at });
      return stored;
    })();
    this.drain();
    return id;
  }

  /** Processes every stored mail not yet processed; concurrent calls share one run. */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        for (const id of this.store.pending()) {
          try {
            await this.processor.process(id);
          } catch (error) {
            // Stays 'received' and is tried again at the next drain (for example when the database is back).
            this.log(`[mail-in] mail #${id} could not be processed yet: ${error instanceof Error ? error.message : error}`);
          }
        }
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    this.o.feedback.outbox.kick();
    return this.running;
  }

  async startSmtp(port: number, host: string): Promise<number> {
    const receiver = await startSmtpReceiver({
      port,
      host,
      help: this.help,
      maxBytes: this.o.maxBytes,
      perSenderPerHour: this.o.perSenderPerHour,
      maxBacklog,
      backlog: () => this.store.backlog(),
      store: (mail) => void this.receive(mail),
      log: this.log,
    });
    this.stops.push(receiver.close);
    this.log(`[mail-in] receiving mail for ${this.help.all.join(', ')} on ${host}:${receiver.port} (SMTP)`);
    return receiver.port;
  }

  /** Polls the mailbox now and then every intervalMs; a failed round is logged and retried at the next. */
  startImap(imapUrl: string, intervalMs: number): void {
    const settings = parseImapUrl(imapUrl);
    let busy = false;
    const round = async () => {
      if (busy) return;
      busy = true;
      try {
        await pollOnce({ settings, maxBytes: this.o.maxBytes, store: (mail) => void this.receive(mail) });
      } catch (error) {
        this.log(`[mail-in] IMAP round failed: ${error instanceof Error ? error.message : error}`);
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void round(), intervalMs);
    timer.unref();
    void round();
    this.stops.push(() => clearInterval(timer));
    this.log(`[mail-in] polling ${settings.mailbox} on ${settings.host}:${settings.port} every ${intervalMs} ms (IMAP)`);
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) await stop();
    await this.running;
  }
}
