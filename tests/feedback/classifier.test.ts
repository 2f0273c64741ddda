import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@core/i18n/locales.ts';
import { readLabelledCsv } from '@feedback/classification/csv.ts';
import { complaintCategories, type ComplaintCategory } from '@core/content/complaint-categories.ts';
import { TextClassifier, type LabelledText } from '@feedback/classification/text-classifier.ts';

const fixtures = path.join(import.meta.dirname, '../fixtures/classify-mini');
const locales: Locale[] = ['en', 'es', 'zh-Hant', 'el', 'fi'];

function fixture(locale: Locale): LabelledText[] {
  const { examples, problems } = readLabelledCsv(fs.readFileSync(path.join(fixtures, `${locale}.csv`)));
  expect(problems).toEqual([]);
  return examples.map((e) => ({ text: e.text, label: e.label, locale }));
}

/** Sentences that are not in the fixtures, one per category and locale. */
const heldOut: Record<Locale, Array<[string, ComplaintCategory]>> = {
  en: [
    ['The washing machine is leaking and the display shows an error.', 'product-defect'],
    ['How do I clean the filter of my washing machine?', 'usage-question'],
    ['I was charged twice and I am still waiting for the refund.', 'billing-payment'],
    ['My parcel was not delivered and the tracking has not changed.', 'delivery'],
    ['The technician missed the repair appointment again.', 'repair-service'],
    ['The agent was very rude and hung up.', 'staff-conduct'],
    ['Why was my warranty claim refused?', 'warranty-dispute'],
    ['Delete my personal data and stop the marketing emails.', 'privacy'],
    ['It would be great if the app had a night mode.', 'suggestion'],
  ],
  es: [
    ['La lavadora hace ruido y pierde agua por la puerta.', 'product-defect'],
    ['¿Cómo se limpia el filtro de la lavadora?', 'usage-question'],
    ['Me cobraron dos veces y no me han devuelto el dinero.', 'billing-payment'],
    ['El paquete no ha llegado y el seguimiento no cambia.', 'delivery'],
    ['El técnico no vino otra vez a la cita de reparación.', 'repair-service'],
    ['El agente fue muy maleducado y me colgó el teléfono.', 'staff-conduct'],
    ['¿Por qué rechazaron mi garantía?', 'warranty-dispute'],
    ['Quiero que borren mis datos personales.', 'privacy'],
    ['Estaría genial que la aplicación tuviera modo nocturno.', 'suggestion'],
  ],
  'zh-Hant': [
    ['洗衣機一直漏水，而且無法開機。', 'product-defect'],
    ['洗碗機的濾網要怎麼清洗？', 'usage-question'],
    ['我被重複扣款，還沒收到退款。', 'billing-payment'],
    ['包裹到現在還沒送達，追蹤也沒有更新。', 'delivery'],
    ['技術人員又沒有來維修。', 'repair-service'],
    ['客服態度很差，直接掛我電話。', 'staff-conduct'],
    ['為什麼拒絕我的保固申請？', 'warranty-dispute'],
    // Simplified script: the analyzer folds it to Traditional.
    ['请删除我的个人资料。', 'privacy'],
    ['建議應用程式加入夜間模式。', 'suggestion'],
  ],
  el: [
    ['Το πλυντήριο τρέχει νερά και δεν ανάβει.', 'product-defect'],
    ['Πώς καθαρίζω το φίλτρο του πλυντηρίου πιάτων;', 'usage-question'],
    ['Με χρεώσατε δύο φορές και δεν έχω πάρει τα χρήματα πίσω.', 'billing-payment'],
    ['Το δέμα δεν έχει παραδοθεί ακόμη.', 'delivery'],
    ['Ο τεχνικός δεν ήρθε ξανά στο ραντεβού επισκευής.', 'repair-service'],
    ['Η υπάλληλος ήταν πολύ αγενής μαζί μου.', 'staff-conduct'],
    ['Γιατί απορρίψατε την εγγύηση;', 'warranty-dispute'],
    ['Διαγράψτε τα προσωπικά μου δεδομένα.', 'privacy'],
    ['Προτείνω νυχτερινή λειτουργία στην εφαρμογή.', 'suggestion'],
  ],
  fi: [
    ['Pesukone vuotaa ja pitää kovaa ääntä.', 'product-defect'],
    ['Miten astianpesukoneen suodatin puhdistetaan?', 'usage-question'],
    ['Minulta veloitettiin kahdesti enkä ole saanut hyvitystä.', 'billing-payment'],
    ['Pakettia ei ole vieläkään toimitettu.', 'delivery'],
    ['Huoltomies ei taaskaan tullut korjauskäyntiin.', 'repair-service'],
    ['Asiakaspalvelija oli todella töykeä.', 'staff-conduct'],
    ['Miksi takuuvaatimukseni hylättiin?', 'warranty-dispute'],
    ['Poistakaa henkilötietoni.', 'privacy'],
    ['Olisi hienoa, jos sovelluksessa olisi yötila.', 'suggestion'],
  ],
};

const allHeldOut = locales.flatMap((locale) => heldOut[locale].map(([text, label]) => ({ text, label, locale })));

let examples: LabelledText[];
let model: TextClassifier;

beforeAll(() => {
  examples = locales.flatMap(fixture);
  model = TextClassifier.train(examples);
}, 60_000);

describe('the fixture', () => {
  it('has about ten examples per category in each of the five locales', () => {
    for (const locale of locales) {
      const rows = examples.filter((e) => e.locale === locale);
      for (const category of complaintCategories) expect(rows.filter((e) => e.label === category).length, `${locale} ${category}`).toBeGreaterThanOrEqual(8);
      expect(new Set(rows.map((e) => e.label))).toEqual(new Set(complaintCategories));
    }
  });
});

describe('TextClassifier trained on five locales at once', () => {
  for (const locale of locales) {
    it.each(heldOut[locale])(`${locale}: %s -> %s`, (text, label) => {
      const p = model.predict(text, locale);
      expect(p.label).toBe(label);
      expect(p.confidence).toBeGreaterThan(0.3);
    });
  }

  it('gives a probability for every label, the predicted one the highest', () => {
    const p = model.predict('The fridge is leaking water', 'en');
    expect(Object.keys(p.scores).sort()).toEqual([...complaintCategories].sort());
    const total = Object.values(p.scores).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(p.confidence).toBe(Math.max(...Object.values(p.scores)));
    expect(p.scores[p.label]).toBe(p.confidence);
  });

  it('explains with words and phrases of the text itself, strongest first', () => {
    for (const { text, locale } of allHeldOut) {
      const p = model.predict(text, locale);
      expect(p.explanation.length, text).toBeGreaterThan(0);
      expect(p.explanation.length).toBeLessThanOrEqual(8);
      for (const { term, weight } of p.explanation) {
        expect(text, `${term} in ${text}`).toContain(term);
        expect(weight).toBeGreaterThan(0);
      }
      const weights = p.explanation.map((e) => e.weight);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }
  });

  it('names the decisive words (inflected as written, Chinese as dictionary words, in the script typed)', () => {
    const terms = (text: string, locale: Locale) => model.predict(text, locale).explanation.map((e) => e.term);
    expect(terms('Why was my warranty claim refused?', 'en')).toContain('warranty');
    expect(terms('¿Por qué rechazaron mi garantía?', 'es')).toContain('garantía');
    expect(terms('Γιατί απορρίψατε την εγγύηση;', 'el')).toContain('εγγύηση');
    expect(terms('為什麼拒絕我的保固申請？', 'zh-Hant')).toContain('保固');
    expect(terms('请删除我的个人资料。', 'zh-Hant').some((t) => ['资料', '个人', '删除'].includes(t))).toBe(true);
  });

  it('does not fail on empty, unknown or odd text', () => {
    for (const text of ['', '   ', '🙂🙂', 'zzzz qqqq', '<script>alert(1)</script>', 'x'.repeat(20000)]) {
      const p = model.predict(text, 'en');
      expect(complaintCategories).toContain(p.label);
      expect(Number.isFinite(p.confidence)).toBe(true);
    }
  });
});

describe('learning from staff corrections', () => {
  it('changes the prediction for the corrected text, and similar ones, without undoing the rest', () => {
    const m = TextClassifier.fromJSON(model.toJSON());
    const text = 'The glass shelf in my fridge arrived broken.';
    const before = m.predict(text, 'en').label;
    const correction: ComplaintCategory = before === 'delivery' ? 'product-defect' : 'delivery';
    m.learn({ text, label: correction, locale: 'en' });
    expect(m.predict(text, 'en').label).toBe(correction);
    const stillRight = allHeldOut.filter((e) => m.predict(e.text, e.locale).label === e.label).length;
    expect(stillRight).toBeGreaterThanOrEqual(allHeldOut.length - 2);
  });

  it('learns words it has never seen and labels it has never seen', () => {
    const m = TextClassifier.fromJSON(model.toJSON());
    const text = 'Kindly arrange a product recall, the capacitor overheats';
    m.learn({ text, label: 'safety-recall', locale: 'en' });
    expect(m.labels).toContain('safety-recall');
    const p = m.predict(text, 'en');
    expect(p.label).toBe('safety-recall');
    expect(p.explanation.map((e) => e.term)).toContain('capacitor');
    expect(m.predict('The technician missed the repair appointment again.', 'en').label).toBe('repair-service');
  });

  it('a few corrections in another locale move a whole kind of complaint', () => {
    const m = TextClassifier.fromJSON(model.toJSON());
    const probe = 'Το πλυντήριο πιάτων μυρίζει πλαστικό.';
    expect(m.predict(probe, 'el').label).not.toBe('usage-question');
    // Staff decide that complaints about the smell of a new appliance are usage questions.
    for (const text of ['Το καινούργιο ψυγείο μυρίζει πλαστικό.', 'Ο φούρνος μυρίζει πλαστικό στην πρώτη χρήση.', 'Η καφετιέρα μυρίζει πλαστικό.']) {
      m.learn({ text, label: 'usage-question', locale: 'el' });
    }
    expect(m.predict(probe, 'el').label).toBe('usage-question');
  });
});

describe('storage form', () => {
  it('toJSON / fromJSON gives identical predictions, also after corrections', () => {
    const m = TextClassifier.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    const probe = [...allHeldOut, { text: 'The oven makes a strange noise but only when the delivery driver rings', label: '', locale: 'en' as Locale }];
    for (const { text, locale } of probe) expect(m.predict(text, locale)).toEqual(model.predict(text, locale));
    m.learn({ text: 'My kettle whistles too loudly', label: 'suggestion', locale: 'en' });
    const again = TextClassifier.fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    for (const { text, locale } of probe) expect(again.predict(text, locale)).toEqual(m.predict(text, locale));
    expect(again.predict('My kettle whistles too loudly', 'en')).toEqual(m.predict('My kettle whistles too loudly', 'en'));
  });

  it('training is deterministic: same data, same model', () => {
    expect(JSON.stringify(TextClassifier.train(examples).toJSON())).toBe(JSON.stringify(model.toJSON()));
  }, 60_000);

  it('is compact', () => {
    // 450 examples, 9 labels: the JSON is some hundreds of KB at most.
    expect(JSON.stringify(model.toJSON()).length).toBeLessThan(1_000_000);
  });

  it('rejects what is not a model', () => {
    expect(() => TextClassifier.fromJSON(null)).toThrow(/not a text classifier/);
    expect(() => TextClassifier.fromJSON({ format: 'something-else' })).toThrow(/not a text classifier/);
    expect(() => TextClassifier.fromJSON({ ...model.toJSON(), version: 99 })).toThrow(/version 99/);
    expect(() => TextClassifier.fromJSON({ ...model.toJSON(), idf: [] })).toThrow(/malformed/);
  });
});

describe('training input', () => {
  it('takes arbitrary string labels and a default locale', () => {
    const m = TextClassifier.train(
      [
        { text: 'I lost my card', label: 'lost_or_stolen_card' },
        { text: 'my card was stolen yesterday', label: 'lost_or_stolen_card' },
        { text: 'what is the exchange rate', label: 'exchange_rate' },
        { text: 'exchange rate for euros to dollars', label: 'exchange_rate' },
      ],
      { locale: 'en' },
    );
    expect(m.labels).toEqual(['exchange_rate', 'lost_or_stolen_card']);
    expect(m.predict('someone stole my card', 'en').label).toBe('lost_or_stolen_card');
  });

  it('refuses to train on nothing', () => {
    expect(() => TextClassifier.train([])).toThrow(/no examples/);
    expect(() => TextClassifier.train([{ text: '  ', label: 'x' }])).toThrow(/no examples/);
  });
});
