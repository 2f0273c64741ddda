import type { Complaint } from './model.ts';
import { addressesIn, greetedNamesIn, obfuscatedEmailsIn, type Span } from './personal-text.ts';

/**
 * What product and R&D teams see of the customer: enough to tell customers apart, not to contact or
 * identify them. The complaint's text is kept, with email addresses (also written as `name(at)example.org`),
 * phone numbers, street addresses and the customer's name in it masked too.
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

/** Lower case without accents, with where each folded character came from, to find names in any inflection. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(i);
  return { folded, origin };
}

const han = /\p{Script=Han}/u;

/**
 * Where the customer's name stands in the text, in any case, accent and most inflections: each part of
 * two letters or more as a whole word, a long part also with another ending (Γιώργος, Γιώργο; Virtanen,
 * Virtaselle is out of reach, the greeting rule catches it); a Chinese name whole, its given name alone,
 * and its surname before 先生, 小姐, 女士 or 太太.
 */
function nameSpans(text: string, names: readonly (string | null | undefined)[]): Span[] {
  const { folded, origin } = fold(text);
  const spans: Span[] = [];
  const add = (start: number, length: number) => spans.push({ start: origin[start]!, end: origin[start + length]! });
  for (const name of names) {
    for (const part of fold(name?.trim() ?? '').folded.split(/[^\p{L}\p{N}]+/u)) {
      const chars = [...part];
      if (chars.length < 2) continue;
      if (han.test(part)) {
        for (const at of occurrences(folded, part)) add(at, part.length);
        const given = chars.slice(1).join('');
        if (chars.length >= 3) for (const at of occurrences(folded, given)) add(at, given.length);
        const surname = chars[0]!;
        for (const at of occurrences(folded, surname)) if (honorifics.some((h) => folded.startsWith(h, at + surname.length))) add(at, surname.length);
        continue;
      }
      const inflected = chars.length >= 5;
      const stem = inflected ? chars.slice(0, Math.max(4, chars.length - 2)).join('') : part;
      const tail = inflected ? ending : wordEnd;
      for (const at of occurrences(folded, stem)) {
        const before = [...folded.slice(Math.max(0, at - 2), at)].pop();
        if (before && letterOrDigit.test(before)) continue;
        tail.lastIndex = at + stem.length;
        const rest = tail.exec(folded);
        if (rest) add(at, stem.length + rest[0].length);
      }
    }
  }
  return spans;
}

// Fixed patterns tried at a position (sticky), not one compiled per customer name: a long export would
// otherwise compile a pattern per complaint, and V8 keeps compiled patterns for a while.
const letterOrDigit = /[\p{L}\p{N}]/u;
const ending = /\p{L}{0,4}(?![\p{L}\p{N}])/uy;
const wordEnd = /(?![\p{L}\p{N}])/uy;
const honorifics = ['先生', '小姐', '女士', '太太'];

/** Where `needle` starts in `haystack`, left to right, without overlaps. */
function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

/** Replaces the spans (overlapping or not) with one mark each. */
function replaceSpans(text: string, spans: Span[], mark: string): string {
  if (!spans.length) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    if (s.start >= at) {
      out += text.slice(at, s.start) + mark;
    }
    at = Math.max(at, s.end);
  }
  return out + text.slice(at);
}

/**
 * Free text as product and R&D people may read it: email addresses (plain and obfuscated) and phone
 * numbers shortened, street addresses, the names after a greeting (Dear ..., Hola ..., 親愛的 ...) and the
 * given customer names replaced by •••.
 */
export function maskText(text: string, customerNames: readonly (string | null | undefined)[] = []): string {
  const withoutObfuscated = replaceSpans(text, obfuscatedEmailsIn(text), '•••');
  const contact = withoutObfuscated.replace(emailInText, (m) => maskEmail(m) ?? '•••').replace(phoneInText, (m) => maskPhone(m) ?? '•••');
  const withoutAddresses = replaceSpans(contact, addressesIn(contact), '•••');
  return replaceSpans(withoutAddresses, [...greetedNamesIn(withoutAddresses), ...nameSpans(withoutAddresses, customerNames)], '•••');
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
    for (const s of [...obfuscatedEmailsIn(text), ...addressesIn(text), ...greetedNamesIn(text)]) add(text.slice(s.start, s.end));
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
    subject: maskText(c.subject, [c.name]),
    description: maskText(c.description, [c.name]),
    orderNumber: c.orderNumber,
    classification: cls && {
      ...cls,
      ...(cls.evidence ? { evidence: cls.evidence.filter((e) => !personal(e)) } : {}),
      ...(cls.classifier ? { classifier: { ...cls.classifier, explanation: cls.classifier.explanation.filter((e) => !personal(e.term)) } } : {}),
    },
  };
}

/**
 * Free text with every piece of personal data the finders know replaced by one mark: email addresses
 * (plain and obfuscated), phone numbers, street addresses, names after a greeting, the given names, and
 * the given literals (the contact details on record, in any case). What erasure and retention keep.
 */
export function erasePersonalText(text: string, names: readonly (string | null | undefined)[], literals: readonly string[], mark: string): string {
  const folded = text.toLowerCase();
  const spans: Span[] = [
    ...obfuscatedEmailsIn(text),
    ...[...text.matchAll(emailInText), ...text.matchAll(phoneInText)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
    ...addressesIn(text),
    ...greetedNamesIn(text),
    ...nameSpans(text, names),
    ...literals.filter((l) => l.trim().length > 1).flatMap((l) => occurrences(folded, l.toLowerCase()).map((at) => ({ start: at, end: at + l.length }))),
  ];
  // "Anna Virtanen" is one piece of personal data, not two: spans apart only by spaces become one.
  const joined: Span[] = [];
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    const last = joined[joined.length - 1];
    if (last && s.start >= last.end && /^[ \t]*$/.test(text.slice(last.end, s.start)) && s.start > last.end) last.end = Math.max(last.end, s.end);
    else if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else joined.push({ ...s });
  }
  return replaceSpans(text, joined, mark);
}
