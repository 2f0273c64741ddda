import { cjkWordExtent } from '@core/text/cjk-word-extent.ts';
import type { ComplaintCategory } from '@core/content/complaint-categories.ts';
import type { Channel, Severity, Status } from './model.ts';

/** English names for the staff area (which is in English). Customers see core/i18n strings instead. */
export const categoryLabels: Record<ComplaintCategory, string> = {
  'product-defect': 'Product defect',
  'usage-question': 'Usage question',
  'billing-payment': 'Billing and payment',
  delivery: 'Delivery',
  'repair-service': 'Repair and after-sales service',
  'staff-conduct': 'Staff conduct',
  'warranty-dispute': 'Warranty or claim dispute',
  privacy: 'Privacy',
  suggestion: 'Suggestion',
};

export const statusLabels: Record<Status, string> = {
  new: 'New',
  triaged: 'Triaged',
  'in-progress': 'In progress',
  'waiting-for-customer': 'Waiting for customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const channelLabels: Record<Channel, string> = {
  web: 'Web form',
  api: 'API',
  phone: 'Phone',
  email: 'Email',
  letter: 'Letter',
  'in-person': 'In person',
};

export const severityLabels: Record<Severity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export const sourceLabels = {
  rules: 'keyword rule',
  classifier: 'trained classifier',
  staff: 'set by staff',
  none: 'not classified',
} as const;

/**
 * Splits text into runs, marking where any of the terms occur (case-insensitive), so a page can show the
 * words behind a decision with <mark> while everything stays escaped text.
 */
export function highlight(text: string, terms: readonly string[]): Array<{ text: string; hit: boolean }> {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [{ text, hit: false }];
  // Whole words for alphabetic terms ("the" must not mark the start of "There"); CJK terms anywhere.
  const escaped = wanted.map((t) => {
    const e = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t) ? e : `(?<![\\p{L}\\p{N}])${e}(?![\\p{L}\\p{N}])`;
  });
  const pattern = new RegExp(`(?:${escaped.join('|')})`, 'giu');
  const out: Array<{ text: string; hit: boolean }> = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    // A CJK term inside a longer word marks that word (冰 in 冰箱), never a neighbour (see cjkWordExtent).
    const word = cjkWordExtent(text, m.index, m.index + m[0].length);
    const start = Math.max(last, word.start);
    if (start > last) out.push({ text: text.slice(last, start), hit: false });
    out.push({ text: text.slice(start, word.end), hit: true });
    last = word.end;
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false });
  return out;
}

/** Field names of the form on which staff record a complaint from another channel. */
export const recordFormLabels: Record<string, string> = {
  channel: 'Received by',
  locale: 'Customer’s language',
  product: 'Product',
  subject: 'Subject',
  description: 'What happened',
  orderNumber: 'Order or serial number',
  email: 'Customer’s email address',
  name: 'Customer’s name',
  phone: 'Customer’s phone',
};
