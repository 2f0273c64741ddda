import { ImapFlow } from 'imapflow';
import type { NewInboundMail } from './store.ts';

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
}

/** IMAP_URL: imaps://user:password@host:port/Mailbox (imap:// without TLS; mailbox default INBOX). */
export function parseImapUrl(value: string): ImapSettings {
  const url = new URL(value);
  if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') throw new Error('IMAP_URL must start with imap:// or imaps://');
  const secure = url.protocol === 'imaps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(url.username),
    pass: decodeURIComponent(url.password),
    mailbox: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

export interface PollOptions {
  settings: ImapSettings;
  maxBytes: number;
  /** Commits one mail; it is flagged \Seen on the server only afterwards. */
  store: (mail: Omit<NewInboundMail, 'at'> & { refused?: string }) => void;
  /** At most this many messages a round, so one round never holds the mailbox for long. */
  batch?: number;
}

/**
 * One round: every unseen message is stored (keyed by UIDVALIDITY and UID, so a message fetched twice is
 * stored once), then flagged \Seen. A message over the size limit is recorded without its body and left
 * in the mailbox for staff to read there. Returns how many messages were stored.
 */
export async function pollOnce({ settings, maxBytes, store, batch = 50 }: PollOptions): Promise<number> {
  const client = new ImapFlow({ host: settings.host, port: settings.port, secure: settings.secure, auth: { user: settings.user, pass: settings.pass }, logger: false, connectionTimeout: 30_000 });
  client.on('error', () => undefined);
  await client.connect();
  let stored = 0;
  try {
    const lock = await client.getMailboxLock(settings.mailbox);
    try {
      const box = client.mailbox;
      const validity = box ? String(box.uidValidity) : '0';
      const uids = ((await client.search({ seen: false }, { uid: true })) || []).slice(0, batch);
      for (const uid of uids) {
        const head = await client.fetchOne(String(uid), { size: true, envelope: true }, { uid: true });
        if (!head) continue;
        const tooBig = (head.size ?? 0) > maxBytes;
        const full = tooBig ? undefined : await client.fetchOne(String(uid), { source: true }, { uid: true });
        const raw = tooBig || !full || !full.source ? Buffer.from(`X-Kestrel-Note: larger than ${maxBytes} bytes; left in the mailbox\r\n\r\n`) : full.source;
        store({ source: 'imap', sourceKey: `imap:${validity}:${uid}`, envelopeFrom: null, envelopeTo: [], raw, ...(tooBig ? { refused: `larger than ${maxBytes} bytes; left in the mailbox` } : {}) });
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        stored++;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return stored;
}
