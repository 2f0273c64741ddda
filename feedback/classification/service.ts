import type { Db } from '@core/db/database.ts';
import { isLocale, locales, type Locale } from '@core/i18n/locales.ts';
import { complaintCategories, isComplaintCategory, type ComplaintCategory } from '@core/content/complaint-categories.ts';
import { KeywordRules } from './keyword-rules.ts';
import { TextClassifier } from './text-classifier.ts';
import { addExamples, listExamples, loadLatestModel, pruneModels, saveModel } from './training-store.ts';
import { severities, type Classification, type Severity } from '../complaints/model.ts';
import { defaultKeywordRules } from './seed-rules.ts';
import { seedExamples } from './seed-examples.ts';

/** What a category means for severity when no keyword rule sets one. */
export const defaultSeverity: Record<ComplaintCategory, Severity> = {
  'product-defect': 'medium',
  'usage-question': 'low',
  'billing-payment': 'medium',
  delivery: 'medium',
  'repair-service': 'medium',
  'staff-conduct': 'medium',
  'warranty-dispute': 'medium',
  privacy: 'high',
  suggestion: 'low',
};

export interface KeywordRuleRow {
  id: number;
  locale: Locale;
  category: ComplaintCategory;
  keywords: string[];
  severity: Severity | null;
  updatedAt: string;
}

export interface ClassifyResult {
  category: ComplaintCategory | null;
  severity: Severity;
  classification: Classification;
}

export class KeywordRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Classification of complaints: the admins' keyword rules first (predictable, for what must never be
 * missed), then the trained classifier. Keeps rules, examples and models in SQLite; a staff correction is
 * stored as an example and learnt by the live model at once; full retraining uses every stored example.
 */
export class ClassificationService {
  private keywordRules: KeywordRules | undefined;
  private model: TextClassifier | undefined;
  /** Corrections learnt by the live model but not yet saved as a model row. */
  private unsaved = 0;
  /** Row id of the model in use, to notice one trained elsewhere (`npm run classify:import -- --train`). */
  private modelId = 0;

  constructor(private readonly db: Db) {}

  /** Seeds default rules and examples into empty tables and loads (or first trains) the model. */
  init(): void {
    if ((this.db.prepare('SELECT COUNT(*) FROM complaint_keyword_rules').pluck().get() as number) === 0 && !this.setting('keyword-rules-seeded')) {
      const insert = this.db.prepare('INSERT INTO complaint_keyword_rules (locale, category, keywords, severity, updated_at) VALUES (?, ?, ?, ?, ?)');
      const now = new Date().toISOString();
      this.db.transaction(() => {
        for (const r of defaultKeywordRules) insert.run(r.locale, r.category, r.keywords.join('\n'), r.severity ?? null, now);
        this.setSetting('keyword-rules-seeded', now);
      })();
    }
    if (!this.setting('examples-seeded')) {
      addExamples(this.db, seedExamples().map((e) => ({ ...e, source: 'seed' })));
      this.setSetting('examples-seeded', new Date().toISOString());
    }
    this.model = loadLatestModel(this.db);
    this.modelId = this.latestModelId();
    if (!this.model) this.retrain();
  }

  private latestModelId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) FROM classifier_models').pluck().get() as number) ?? 0;
  }

  /** Takes up a newer model stored by another process (the import CLI), unless corrections are unsaved here. */
  refresh(): boolean {
    if (this.unsaved > 0) return false;
    const latest = this.latestModelId();
    if (latest <= this.modelId) return false;
    const model = loadLatestModel(this.db);
    if (!model) return false;
    this.model = model;
    this.modelId = latest;
    return true;
  }

  get ready(): boolean {
    return this.model !== undefined;
  }

  /** Rules first, then the classifier; the classifier's view is kept either way, for the staff view. */
  classify(text: string, locale: Locale): ClassifyResult {
    const rules = this.rulesEngine();
    const hit = rules.match(text, locale);
    let predicted: Classification['classifier'];
    let classifierError: string | undefined;
    if (this.model) {
      try {
        const p = this.model.predict(text, locale);
        predicted = { label: p.label, confidence: Math.round(p.confidence * 1000) / 1000, explanation: p.explanation };
      } catch (error) {
        classifierError = error instanceof Error ? error.message : String(error);
      }
    } else classifierError = 'no model trained yet';
    if (hit && isComplaintCategory(hit.category)) {
      const classification: Classification = { source: 'rules', matched: hit.matched, evidence: hit.evidence };
      if (predicted) classification.classifier = predicted;
      return { category: hit.category, severity: (hit.severity as Severity | undefined) ?? defaultSeverity[hit.category], classification };
    }
    if (predicted && isComplaintCategory(predicted.label)) {
      return { category: predicted.label, severity: defaultSeverity[predicted.label], classification: { source: 'classifier', classifier: predicted } };
    }
    return { category: null, severity: 'medium', classification: { source: 'none', error: classifierError ?? 'no category found' } };
  }

  /** A person chose the category: store it as an example and let the live model learn it now. */
  correct(example: { text: string; locale: Locale; label: ComplaintCategory }): void {
    addExamples(this.db, [{ text: example.text, label: example.label, locale: example.locale, source: 'correction' }]);
    if (this.model) {
      this.model.learn({ text: example.text, label: example.label, locale: example.locale });
      this.unsaved++;
    }
  }

  /** Puts the newest stored model in use, dropping what was learnt since it was saved (an erasure changed the stored ones; the examples keep the corrections for the next training). */
  reload(): void {
    const model = loadLatestModel(this.db);
    if (!model) return;
    this.model = model;
    this.modelId = this.latestModelId();
    this.unsaved = 0;
  }

  /** Saves the live model when it learnt corrections since the last save (the scheduler calls this). */
  persist(): boolean {
    if (!this.model || this.unsaved === 0) return false;
    this.modelId = saveModel(this.db, this.model);
    pruneModels(this.db, 3);
    this.unsaved = 0;
    return true;
  }

  /** Trains a new model on every stored example (seed, imports, corrections) and puts it in use. */
  retrain(): { examples: number; labels: number; ms: number } {
    const started = Date.now();
    const examples = listExamples(this.db).filter((e) => isComplaintCategory(e.label));
    if (examples.length === 0) return { examples: 0, labels: 0, ms: 0 };
    const model = TextClassifier.train(examples.map((e) => ({ text: e.text, label: e.label, locale: isLocale(e.locale) ? e.locale : 'en' })));
    this.modelId = saveModel(this.db, model);
    pruneModels(this.db, 3);
    this.model = model;
    this.unsaved = 0;
    this.setSetting('last-training', JSON.stringify({ at: new Date().toISOString(), examples: examples.length }));
    return { examples: examples.length, labels: model.labels.length, ms: Date.now() - started };
  }

  /** Corrections stored since the last full training. */
  correctionsSinceTraining(): number {
    const last = this.setting('last-training');
    const at = last ? (JSON.parse(last) as { at: string }).at : '';
    return this.db.prepare("SELECT COUNT(*) FROM classifier_examples WHERE source = 'correction' AND created_at > ?").pluck().get(at) as number;
  }

  stats(): { examples: Record<string, number>; lastTraining: { at: string; examples: number } | null; correctionsSinceTraining: number; labels: string[] } {
    const examples: Record<string, number> = {};
    for (const r of this.db.prepare('SELECT source, COUNT(*) AS n FROM classifier_examples GROUP BY source').all() as Array<{ source: string; n: number }>) examples[r.source] = r.n;
    const last = this.setting('last-training');
    return {
      examples,
      lastTraining: last ? (JSON.parse(last) as { at: string; examples: number }) : null,
      correctionsSinceTraining: this.correctionsSinceTraining(),
      labels: this.model ? [...this.model.labels] : [],
    };
  }

  rules(): KeywordRuleRow[] {
    const rows = this.db.prepare('SELECT id, locale, category, keywords, severity, updated_at AS updatedAt FROM complaint_keyword_rules ORDER BY locale, category, id').all() as Array<
      Omit<KeywordRuleRow, 'keywords'> & { keywords: string }
    >;
    return rows.map((r) => ({ ...r, keywords: r.keywords.split('\n').filter(Boolean) }));
  }

  saveRule(input: { id?: number; locale: string; category: string; keywords: string; severity: string | null }): number {
    if (!isLocale(input.locale)) throw new KeywordRuleError('locale', `Choose one of ${locales.join(', ')}.`);
    if (!isComplaintCategory(input.category)) throw new KeywordRuleError('category', `Choose one of ${complaintCategories.join(', ')}.`);
    if (input.severity && !(severities as readonly string[]).includes(input.severity)) throw new KeywordRuleError('severity', 'Choose a severity from the list.');
    const keywords = [...new Set(input.keywords.split(/[\n,;]+/).map((k) => k.trim()).filter(Boolean))];
    if (keywords.length === 0) throw new KeywordRuleError('keywords', 'Enter at least one keyword (one per line).');
    if (keywords.length > 100 || keywords.some((k) => k.length > 80)) throw new KeywordRuleError('keywords', 'Use at most 100 keywords of at most 80 characters each.');
    const now = new Date().toISOString();
    let id = input.id;
    if (id) {
      const changes = this.db
        .prepare('UPDATE complaint_keyword_rules SET locale = ?, category = ?, keywords = ?, severity = ?, updated_at = ? WHERE id = ?')
        .run(input.locale, input.category, keywords.join('\n'), input.severity || null, now, id).changes;
      if (!changes) throw new KeywordRuleError('rule', 'This rule no longer exists.');
    } else {
      id = Number(
        this.db
          .prepare('INSERT INTO complaint_keyword_rules (locale, category, keywords, severity, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(input.locale, input.category, keywords.join('\n'), input.severity || null, now).lastInsertRowid,
      );
    }
    this.keywordRules = undefined;
    return id;
  }

  deleteRule(id: number): boolean {
    const changes = this.db.prepare('DELETE FROM complaint_keyword_rules WHERE id = ?').run(id).changes;
    this.keywordRules = undefined;
    return changes > 0;
  }

  private rulesEngine(): KeywordRules {
    this.keywordRules ??= new KeywordRules(
      this.rules().map((r) => ({ locale: r.locale, category: r.category, keywords: r.keywords, ...(r.severity ? { severity: r.severity } : {}) })),
    );
    return this.keywordRules;
  }

  private setting(key: string): string | undefined {
    return this.db.prepare('SELECT value FROM feedback_settings WHERE key = ?').pluck().get(key) as string | undefined;
  }

  private setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO feedback_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
