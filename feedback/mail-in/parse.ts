import { simpleParser, type AddressObject } from 'mailparser';

/** What the portal reads from a mail; every value is the sender's untrusted text. */
export interface ParsedMail {
  messageId: string | undefined;
  /** In-Reply-To and References, in that order, each as <id>. */
  referenced: string[];
  fromAddress: string | undefined;
  fromName: string | undefined;
  /** To, Cc, Delivered-To and X-Original-To: where a reply token may be (IMAP has no envelope). */
  recipients: string[];
  subject: string;
  /** Plain text; for HTML-only mail, text made from the HTML (the HTML itself is never kept or shown). */
  text: string;
  contentType: string;
  header: (name: string) => string | undefined;
  attachments: Array<{ filename: string | undefined; contentType: string; content: Buffer }>;
}

/** HTML longer than this is not turned into text (the conversion's cost grows with it); the text part still counts. */
const maxHtmlChars = 2_000_000;

function addresses(value: AddressObject | AddressObject[] | undefined): Array<{ address: string; name: string }> {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((o) => o.value.flatMap((a) => [a, ...(a.group ?? [])])).filter((a) => a.address).map((a) => ({ address: a.address!.toLowerCase(), name: a.name }));
}

function ids(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : value ?? '';
  return text.match(/<[^<>\s]{1,250}>/g) ?? [];
}

export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  const mail = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true, maxHtmlLengthToParse: maxHtmlChars });
  const lines = new Map<string, string>();
  for (const { key, line } of mail.headerLines) {
    if (lines.has(key)) continue;
    lines.set(key, line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
  }
  const from = addresses(mail.from)[0];
  const extra = ['delivered-to', 'x-original-to'].map((k) => lines.get(k)).filter((v): v is string => !!v).map((v) => v.replace(/^<|>$/g, '').toLowerCase());
  const contentType = mail.headers.get('content-type') as { value?: string } | undefined;
  return {
    messageId: ids(mail.messageId)[0],
    referenced: [...ids(mail.inReplyTo), ...ids(mail.references)],
    fromAddress: from?.address,
    fromName: from?.name || undefined,
    recipients: [...addresses(mail.to), ...addresses(mail.cc), ...extra].map((a) => (typeof a === 'string' ? a : a.address)),
    subject: (mail.subject ?? '').trim(),
    text: mail.text ?? '',
    contentType: contentType?.value ?? 'text/plain',
    header: (name) => lines.get(name.toLowerCase()),
    // Images embedded in the HTML (logos, signatures) are left out: they would use up the complaint's files.
    attachments: mail.attachments.filter((a) => !a.related).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  };
}
