import { describe, expect, it } from 'vitest';
import { suggestionQuery } from '@feedback/suggestions/query.ts';
import { setup } from './helpers.ts';

describe('classification on intake', () => {
  it('keyword rules decide first and can raise the severity; the classifier covers the rest, in every locale', () => {
    const { feedback } = setup();
    const c = feedback.classification;
    expect(c.classify('There was smoke coming out of the dryer', 'en')).toMatchObject({ category: 'product-defect', severity: 'critical', classification: { source: 'rules', matched: ['smoke'] } });
    expect(c.classify('Quiero que borren mis datos personales', 'es')).toMatchObject({ category: 'privacy', severity: 'high', classification: { source: 'rules' } });
    expect(c.classify('咖啡機冒煙了', 'zh-Hant')).toMatchObject({ category: 'product-defect', severity: 'critical' });
    expect(c.classify('Χρεώθηκα δύο φορές για την παραγγελία', 'el')).toMatchObject({ category: 'billing-payment', classification: { source: 'rules' } });
    expect(c.classify('Laite savuaa käytössä', 'fi')).toMatchObject({ category: 'product-defect', severity: 'critical' });
    const predicted = c.classify('The fridge stopped cooling and all the food went bad', 'en');
    expect(predicted).toMatchObject({ category: 'product-defect', classification: { source: 'classifier' } });
    // The words behind the decision, as the customer wrote them.
    const terms = predicted.classification.classifier!.explanation.map((e) => e.term.toLowerCase());
    expect(terms.some((t) => ['cooling', 'stopped', 'fridge', 'food'].includes(t))).toBe(true);
  });

  it('keyword rules are edited per locale and validated', () => {
    const { feedback } = setup();
    const c = feedback.classification;
    const id = c.saveRule({ locale: 'fi', category: 'repair-service', keywords: 'huoltokäynti\nhuoltomies ei tullut', severity: null });
    expect(c.classify('Huoltomies ei tullut sovittuna päivänä', 'fi')).toMatchObject({ category: 'repair-service', classification: { source: 'rules', matched: ['huoltomies ei tullut'] } });
    expect(() => c.saveRule({ locale: 'de', category: 'privacy', keywords: 'x', severity: null })).toThrow(/en, es/);
    expect(() => c.saveRule({ locale: 'en', category: 'gossip', keywords: 'x', severity: null })).toThrow(/product-defect/);
    expect(() => c.saveRule({ locale: 'en', category: 'privacy', keywords: ' \n ', severity: null })).toThrow(/at least one/);
    expect(c.deleteRule(id)).toBe(true);
    expect(c.classify('Huoltomies ei tullut sovittuna päivänä', 'fi').classification.source).not.toBe('rules');
  });

  it('seeds rules and examples once, and retrains from every stored example', () => {
    const { feedback, db } = setup();
    const stats = feedback.classification.stats();
    expect(stats.examples.seed).toBe(135);
    expect(stats.labels).toHaveLength(9);
    const rules = db.prepare('SELECT COUNT(DISTINCT locale) FROM complaint_keyword_rules').pluck().get();
    expect(rules).toBe(5);
    feedback.classification.init();
    expect(feedback.classification.stats().examples.seed).toBe(135);
    const r = feedback.classification.retrain();
    expect(r).toMatchObject({ examples: 135, labels: 9 });
  });

  it('retrains on its own after enough staff corrections, and saves learnt corrections meanwhile', async () => {
    const { feedback, db } = setup();
    feedback.classification.correct({ text: 'The lid of the kettle will not close any more', locale: 'en', label: 'product-defect' });
    const models = () => db.prepare('SELECT COUNT(*) FROM classifier_models').pluck().get() as number;
    const before = models();
    expect((await feedback.tick()).modelSaved).toBe(true);
    expect(models()).toBe(Math.min(before + 1, 3));
    for (let i = 0; i < 10; i++) feedback.classification.correct({ text: `Delivery number ${i} came a week late`, locale: 'en', label: 'delivery' });
    expect((await feedback.tick()).retrained).toBe(true);
    expect(feedback.classification.correctionsSinceTraining()).toBe(0);
  });
});

describe('answers before the complaint', () => {
  it('builds the search query from the subject and description, at most 200 characters on a word boundary', () => {
    expect(suggestionQuery('  Leak ', ' water   under the door ')).toBe('Leak water under the door');
    const long = suggestionQuery('Washing machine', 'word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('word')).toBe(true);
  });

  it('counts forms that showed suggestions, opened one and still sent the complaint, without any text', () => {
    const { feedback, db } = setup();
    const d = feedback.deflection;
    d.shown('session-aaaaaaaaaaaa', 'en', 3);
    d.shown('session-bbbbbbbbbbbb', 'en', 5);
    d.opened('session-aaaaaaaaaaaa', 'en');
    d.shown('session-cccccccccccc', 'fi', 2);
    d.opened('session-cccccccccccc', 'fi');
    d.shown('bad', 'en', 1);
    feedback.complaints.submit(
      { locale: 'en', product: 'aquawash', subject: 'Still leaking', description: 'The article did not help, it still leaks.', email: 'a@example.com', consent: true, suggestionSession: 'session-aaaaaaaaaaaa' },
      { channel: 'web' },
    );
    expect(d.stats()).toEqual({ sessions: 3, opened: 2, openedAndSubmitted: 1, deflectionRate: 0.5, submittedRate: 1 / 3 });
    const columns = (db.prepare('PRAGMA table_info(complaint_suggestion_sessions)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(['id', 'locale', 'day', 'shown', 'opened', 'submitted']);
  });
});

describe('a model trained elsewhere', () => {
  it('is taken up by the running portal on the next scheduler round', async () => {
    const { feedback, db, logs } = setup();
    const { TextClassifier } = await import('@feedback/classification/text-classifier.ts');
    const { saveModel } = await import('@feedback/classification/training-store.ts');
    // As `npm run classify:import -- history.csv --train` would store it.
    saveModel(db, TextClassifier.train([
      { text: 'the toaster burns every slice of bread', label: 'product-defect' },
      { text: 'the parcel never arrived at my house', label: 'delivery' },
    ]));
    await feedback.tick();
    expect(logs).toContain('[complaints] took up a newer classifier model from the database');
    expect(feedback.classification.stats().labels).toEqual(['delivery', 'product-defect']);
  });
});
