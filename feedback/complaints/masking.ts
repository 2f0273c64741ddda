import type { Complaint } from './model.ts';

/**
 * What product and R&D teams see of the customer: enough to tell customers apart, not to contact or
 * identify them. The complaint's text is kept, with email addresses and phone numbers in it masked too.
 */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${email[0]}•••@${domain[0] ?? ''}•••${tld}`;
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  return digits.length > 2 ? `••• ${digits.slice(-2)}` : '•••';
}

export function maskName(name: string | null): string | null {
  if (!name) return name;
  return name
    .trim()
    .split(/\s+/)
    .map((part) => `${[...part][0] ?? ''}.`)
    .join(' ');
}

const emailInText = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Runs of 7 or more digits, allowing spaces, dots, dashes and brackets between them, with an optional +.
const phoneInText = /\+?\d(?:[\s().-]*\d){6,}/g;

export function maskText(text: string): string {
  return text.replace(emailInText, (m) => maskEmail(m) ?? '•••').replace(phoneInText, (m) => maskPhone(m) ?? '•••');
}

/**
 * The pieces of personal data in a complaint, lower-cased: the contact fields, their parts, and the
 * addresses and numbers written in the text. Explanation terms taken from these must not be shown.
 */
function personalPieces(c: Complaint): string[] {
  const pieces = new Set<string>();
  const add = (s: string | null | undefined) => {
    if (!s) return;
    const lower = s.toLowerCase();
    pieces.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length > 1) pieces.add(part);
  };
  add(c.email);
  add(c.name);
  add(c.phone);
  for (const text of [c.subject, c.description]) {
    for (const m of text.matchAll(emailInText)) add(m[0]);
    for (const m of text.matchAll(phoneInText)) add(m[0]);
  }
  return [...pieces];
}

/** The complaint as a viewer without `complaints:read-pii` may see it. */
export function maskComplaint(c: Complaint): Complaint {
  const pieces = personalPieces(c);
  const personal = (term: string) => {
    const t = term.toLowerCase();
    return pieces.some((p) => p.includes(t) || (p.length >= 4 && t.includes(p)));
  };
  const cls = c.classification;
  return {
    ...c,
    email: maskEmail(c.email),
    phone: maskPhone(c.phone),
    name: maskName(c.name),
    subject: maskText(c.subject),
    description: maskText(c.description),
    orderNumber: c.orderNumber,
    classification: cls && {
      ...cls,
      ...(cls.evidence ? { evidence: cls.evidence.filter((e) => !personal(e)) } : {}),
      ...(cls.classifier ? { classifier: { ...cls.classifier, explanation: cls.classifier.explanation.filter((e) => !personal(e.term)) } } : {}),
    },
  };
}
