/**
 * Removes the quoted history a mail program adds under a reply, so the complaint's timeline shows what
 * the customer wrote this time. A small rule set instead of a library (decision 0060): the "On ... wrote:"
 * introductions of all five portal languages, the forwarded-header blocks of Outlook-style programs,
 * ">" quotes and the signature separator. When the rules would leave nothing, the text is kept whole.
 */

const introductions: readonly RegExp[] = [
  /^On\b.{4,300}\bwrote:\s*$/is, // en
  /^El\b.{4,300}\bescribió:\s*$/is, // es
  /^.{0,300}(?:寫道|写道)\s*[:：]\s*$/s, // zh-Hant (and Simplified, as Chinese programs write it)
  /^(?:Στις|Την|Ο|Η)?.{0,300}έγραψε\s*:\s*$/is, // el
  /^.{0,300}\bkirjoitti\s*:\s*$/is, // fi
];

const originalMessage = /^-{2,}\s*(?:Original Message|Forwarded message|Mensaje original|Mensaje reenviado|原始郵件|原始邮件|轉寄的郵件|Αρχικό μήνυμα|Προωθημένο μήνυμα|Alkuperäinen viesti|Välitetty viesti)\s*-{2,}\s*$/i;
const headerFrom = /^\*?(?:From|De|寄件者|发件人|Από|Lähettäjä)\s*\*?\s*[:：]/i;
const headerDate = /^\*?(?:Sent|Date|Enviado|Fecha|寄件日期|發送時間|发送时间|日期|Στάλθηκε|Ημερομηνία|Lähetetty|Päivämäärä)\s*\*?\s*[:：]/i;

function startsHistory(lines: readonly string[], i: number): boolean {
  const line = lines[i]!.trim();
  if (originalMessage.test(line)) return true;
  // Introductions are often wrapped over two lines ("On Mon, 1 Dec 2026, Ann Lee\n<ann@example.com> wrote:").
  const joined = i + 1 < lines.length ? `${line} ${lines[i + 1]!.trim()}` : line;
  if (introductions.some((r) => r.test(line) || (line.length > 0 && r.test(joined) && !r.test(lines[i + 1]!.trim())))) return true;
  if (headerFrom.test(line)) {
    for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) if (headerDate.test(lines[j]!.trim())) return true;
  }
  return false;
}

export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '-- ' || startsHistory(lines, i)) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end).filter((line) => !/^\s*>/.test(line));
  const result = kept.join('\n').trim();
  return result || text.trim();
}
