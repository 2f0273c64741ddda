import type { SunkMail } from './smtp-sink.ts';

/** A sunk mail as the browser tests read it. */
export interface DecodedMail {
  to: string[];
  subject: string;
  /** The decoded body. */
  text: string;
  raw: string;
}

/** Headers unfolded, the body decoded from quoted-printable or base64 (what nodemailer sends for text). */
export function decodeSunkMail(mail: SunkMail): DecodedMail {
  const split = mail.raw.indexOf('\r\n\r\n');
  const head = mail.raw.slice(0, split).replace(/\r\n(?=[ \t])/g, '');
  const body = mail.raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8')
        : body;
  return { to: mail.rcptTo, subject: header('Subject'), text, raw: mail.raw };
}
