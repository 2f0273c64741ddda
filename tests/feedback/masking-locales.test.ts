import { describe, expect, it } from 'vitest';
import type { Locale } from '@core/i18n/locales.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { maskText } from '@feedback/complaints/masking.ts';
import { complaintInput, setup } from './helpers.ts';

/**
 * Realistic complaints and agent replies in the five locales. `hidden`: what a product person must never
 * see (and cannot find by searching); `kept`: what they still need to read; `searchable`: a word of the subject
 * they can still find.
 */
const samples: Array<{ locale: Locale; name: string; subject: string; description: string; reply: string; hidden: string[]; kept: string[]; searchable: string }> = [
  {
    locale: 'en',
    name: 'Margaret Thornton',
    subject: 'Margaret Thornton: dryer stopped',
    description: 'The dryer stopped after ten minutes. Please send the engineer to 42 Oakfield Road, Apt 3, Leeds. Write to maggie.t(at)example.org or maggie [at] example [dot] org. Thanks, Margaret',
    reply: 'Dear Mrs Thornton,\n\nAn engineer will visit next week.',
    hidden: ['Thornton', 'Margaret', 'Oakfield', 'maggie', 'example [dot] org'],
    kept: ['dryer stopped', 'ten minutes', 'Leeds', 'engineer will visit'],
    searchable: 'dryer',
  },
  {
    locale: 'es',
    name: 'Lucía Fernández Ortega',
    subject: 'Lavadora rota - Lucía Fernández',
    description: 'La lavadora hace ruido. Vivo en Calle de Alcalá 45, 3º B, Madrid. Mi correo: lucia.fo(arroba)ejemplo.es. Atentamente, Lucía Fernández Ortega',
    reply: 'Estimada Sra. Fernández:\n\nLe enviaremos un técnico.',
    hidden: ['Fernández', 'Ortega', 'Lucía', 'Alcalá', 'lucia.fo'],
    kept: ['lavadora hace ruido', 'Madrid', 'enviaremos un técnico'],
    searchable: 'rota',
  },
  {
    locale: 'el',
    name: 'Γιώργος Παπαδόπουλος',
    subject: 'Πλυντήριο χαλασμένο, Γιώργος Παπαδόπουλος',
    description: 'Το πλυντήριο δεν στύβει. Διεύθυνση: οδός Ερμού 25, Αθήνα. Email: giorgos.p [at] example [dot] gr. Ευχαριστώ, Γιώργος',
    reply: 'Αγαπητέ κύριε Παπαδόπουλε,\n\nΘα σας καλέσει τεχνικός.',
    hidden: ['Παπαδόπουλ', 'Γιώργο', 'Ερμού', 'giorgos'],
    kept: ['δεν στύβει', 'Αθήνα', 'καλέσει τεχνικός'],
    searchable: 'χαλασμένο',
  },
  {
    locale: 'fi',
    name: 'Matti Virtanen',
    subject: 'Kuivausrumpu rikki (Matti Virtanen)',
    description: 'Kuivausrumpu pysähtyy. Osoite: Mannerheimintie 12 B 34, Helsinki. Sähköposti matti.v(at)esimerkki.fi. Terveisin Matti Virtanen',
    reply: 'Hyvä Matti,\n\nHuoltomies tulee ensi viikolla.',
    hidden: ['Virtanen', 'Matti', 'Mannerheimintie', 'matti.v'],
    kept: ['Kuivausrumpu pysähtyy', 'Helsinki', 'Huoltomies tulee'],
    searchable: 'rikki',
  },
  {
    locale: 'zh-Hant',
    name: '陳大文',
    subject: '洗衣機漏水 陳大文',
    description: '洗衣機一直漏水。地址：台北市大安區忠孝東路四段123巷4弄5號6樓。電郵 dawen＠example．tw。陳先生',
    reply: '親愛的陳大文，\n\n技術人員將與您聯絡。',
    hidden: ['陳大文', '大文', '陳先生', '忠孝東路', 'dawen'],
    kept: ['洗衣機一直漏水', '技術人員將與您聯絡'],
    searchable: '漏水',
  },
];

function addProduct(f: ReturnType<typeof setup>): StaffMember {
  const now = new Date().toISOString();
  const email = 'pm@example.com';
  const id = Number(
    f.db
      .prepare('INSERT INTO users (email, name, role, password_hash, created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(email, 'PM', 'product', 'x', now, now, now).lastInsertRowid,
  );
  return { id, email, name: 'PM', role: 'product' };
}

describe('masking for the product role, in the five locales', () => {
  for (const s of samples) {
    it(`${s.locale}: names, addresses and obfuscated emails are gone from the complaint and the agent's reply`, () => {
      const f = setup();
      const agent: StaffMember = { id: f.staffId, email: 'agent@example.com', name: 'Agent', role: 'agent' };
      const product = addProduct(f);
      f.feedback.routing.setMembers('finance', [product.id]);
      const r = f.feedback.complaints.submit(complaintInput({ locale: s.locale, name: s.name, subject: s.subject, description: s.description }), { channel: 'web' });
      if (!r.ok) throw new Error('not saved');
      if (f.feedback.complaints.get(r.complaint.id)?.teamId !== 'finance') f.feedback.complaints.reroute(r.complaint.id, agent.id, 'finance', 'billing');
      expect(f.feedback.handling.act(agent, r.complaint.id, { action: 'reply', message: s.reply, nextStatus: 'waiting-for-customer' })).toEqual({ ok: true, value: 'reply' });

      const page = f.feedback.handling.open(product, r.complaint.reference)!;
      const shown = JSON.stringify({ complaint: page.complaint, bodies: page.events.map((e) => e.body) });
      for (const word of s.hidden) expect(shown, word).not.toContain(word);
      for (const word of s.kept) expect(shown, word).toContain(word);

      // The agent sees it all, and finds the complaint by the customer's name.
      const full = f.feedback.handling.open(agent, r.complaint.reference)!;
      expect(full.complaint.description).toBe(s.description);
      expect(f.feedback.handling.inbox(agent, new URLSearchParams({ q: s.hidden[0]! })).total).toBe(1);
      // The product person's search runs over the masked text: hidden words find nothing, shown ones do.
      expect(f.feedback.handling.inbox(product, new URLSearchParams({ q: s.hidden[0]! })).total).toBe(0);
      expect(f.feedback.handling.inbox(product, new URLSearchParams({ q: s.searchable })).total).toBe(1);
    });
  }

  it('leaves ordinary text alone: order numbers, versions, dates and the word "at"', () => {
    const text = 'Order 12345 arrived at the depot on 3 March; app version 3.2.1. Meet at Starbucks. The end.';
    expect(maskText(text, ['Anna Virtanen'])).toBe(text);
  });
});
