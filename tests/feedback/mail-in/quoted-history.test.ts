import { describe, expect, it } from 'vitest';
import { stripQuotedHistory } from '@feedback/mail-in/quoted-history.ts';

describe('quoted history is removed from replies in all five languages', () => {
  const cases: Array<[string, string, string]> = [
    ['en', 'It still leaks.', 'On Tue, 2 Mar 2026 at 09:00, Kestrel Help Center <help@kestrel-home.example> wrote:\n> We received your complaint.'],
    ['en, wrapped', 'It still leaks.', 'On Tue, 2 Mar 2026 at 09:00, Kestrel Help Center\n<help@kestrel-home.example> wrote:\n> We received your complaint.'],
    ['es', 'Sigue perdiendo agua.', 'El mar, 2 mar 2026 a las 9:00, Kestrel Help Center <help@kestrel-home.example> escribió:\n> Hemos recibido su reclamación.'],
    ['zh-Hant', '還是漏水。', '2026年3月2日 週二 上午9:00，Kestrel Help Center <help@kestrel-home.example> 寫道：\n> 我們已收到您的客訴。'],
    ['el', 'Συνεχίζει να στάζει.', 'Στις Τρί 2 Μαρ 2026 στις 9:00 π.μ., ο/η Kestrel Help Center <help@kestrel-home.example> έγραψε:\n> Λάβαμε το παράπονό σας.'],
    ['fi', 'Vuotaa edelleen.', 'Ti 2.3.2026 klo 9.00 Kestrel Help Center <help@kestrel-home.example> kirjoitti:\n> Olemme vastaanottaneet valituksesi.'],
    ['Outlook', 'It still leaks.', '-----Original Message-----\nFrom: Kestrel Help Center\nSent: Tuesday, March 2, 2026 9:00 AM\nSubject: Your complaint'],
    ['Outlook header block (fi)', 'Vuotaa edelleen.', 'Lähettäjä: Kestrel Help Center <help@kestrel-home.example>\nLähetetty: tiistai 2. maaliskuuta 2026 9.00\nAihe: Valituksesi'],
    ['signature', 'It still leaks.', '-- \nAnna Virtanen\n+358 40 123 4567'],
  ];
  for (const [name, reply, history] of cases) {
    it(name, () => {
      expect(stripQuotedHistory(`${reply}\n\n${history}`)).toBe(reply);
    });
  }

  it('keeps text between inline quotes and drops the quoted lines', () => {
    expect(stripQuotedHistory('> What is the serial number?\nAW-123\n> And the date of purchase?\nMay 2025')).toBe('AW-123\nMay 2025');
  });

  it('keeps a line that merely ends in a word like "wrote:" in the customer’s own text', () => {
    expect(stripQuotedHistory('Here is what the technician wrote:\nthe pump is blocked.')).toBe('Here is what the technician wrote:\nthe pump is blocked.');
  });

  it('keeps the whole text when the rules would leave nothing', () => {
    expect(stripQuotedHistory('> only a quote')).toBe('> only a quote');
  });
});
