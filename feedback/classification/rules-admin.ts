import { z } from 'zod';
import type { Db } from '@core/db/database.ts';
import { isLocale, locales, type Locale } from '@core/i18n/locales.ts';
import { ActionError, runAction, type ActionResult, type Change } from '@core/staff/actions.ts';
import type { Permission } from '@core/staff/roles.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { severities } from '../complaints/model.ts';
import { complaintCategories } from '@core/content/complaint-categories.ts';
import { KeywordRuleError, type ClassificationService, type ClassifyResult, type KeywordRuleRow } from './service.ts';

/**
 * The admins' side of classification (/admin/routing/keywords): keyword rules per language and the
 * classifier's retraining. Each change is one staff action (permission `classifier:manage`) audited in
 * its own transaction as `keyword-rule.create|update|delete` or `classifier.retrain`.
 */
export const classifierActions = ['save', 'delete', 'retrain'] as const;
export type ClassifierAction = (typeof classifierActions)[number];

/** An action's input as code passes it or a form sends it (strings): the schema checks every field. */
export type FormInput<S extends z.ZodTypeAny> = { [K in keyof z.input<S>]?: unknown };

export const classifierPermission: Permission = 'classifier:manage';

const messages = {
  rule: 'This rule no longer exists.',
  locale: `Choose one of ${locales.join(', ')}.`,
  category: `Choose one of ${complaintCategories.join(', ')}.`,
  severity: 'Choose a severity from the list.',
  noKeywords: 'Enter at least one keyword (one per line).',
  tooMany: 'Use at most 100 keywords of at most 80 characters each.',
} as const;

const ruleId = z.coerce.number({ invalid_type_error: messages.rule }).int(messages.rule).positive(messages.rule).max(Number.MAX_SAFE_INTEGER, messages.rule);

/** Keywords as an admin writes them: one per line (commas and semicolons separate too), duplicates dropped. */
const keywordList = z
  .string({ required_error: messages.noKeywords })
  .transform((text) => [...new Set(text.split(/[\n,;]+/).map((k) => k.trim()).filter(Boolean))])
  .refine((list) => list.length > 0, messages.noKeywords)
  .refine((list) => list.length <= 100 && list.every((k) => k.length <= 80), messages.tooMany);

export const keywordRuleInput = z.object({
  /** Absent or empty: a new rule. */
  id: z.preprocess((v) => (v === '' || v === null ? undefined : v), ruleId.optional()),
  locale: z.enum(locales, { errorMap: () => ({ message: messages.locale }) }),
  category: z.enum(complaintCategories, { errorMap: () => ({ message: messages.category }) }),
  severity: z
    .string({ invalid_type_error: messages.severity })
    .nullish()
    .refine((v) => !v || (severities as readonly string[]).includes(v), messages.severity)
    .transform((v) => v || null),
  keywords: keywordList,
});

export const keywordRuleDeleteInput = z.object({ id: ruleId });

export interface SavedKeywordRule {
  id: number;
  created: boolean;
  locale: Locale;
}

export interface Retraining {
  examples: number;
  labels: number;
  ms: number;
}

/** What an action on the page did, for the page to answer with. */
export type ClassifierActionDone =
  | { action: 'save'; rule: SavedKeywordRule }
  | { action: 'delete'; id: number }
  | { action: 'retrain'; retrained: Retraining };

export interface ClassifierView {
  /** The language the rule list is narrowed to (`?locale=`), if any. */
  shownLocale: Locale | undefined;
  rules: KeywordRuleRow[];
  /** The rule being edited (`?edit=`). */
  edit: KeywordRuleRow | undefined;
  stats: ReturnType<ClassificationService['stats']>;
  /** The "try the classification" box: the text (at most 2000 characters), its language and the answer. */
  tryText: string;
  tryLocale: Locale;
  tried: ClassifyResult | undefined;
}

export class ClassifierAdmin {
  constructor(private readonly deps: { db: Db; classification: ClassificationService }) {}

  view(params: URLSearchParams): ClassifierView {
    const { classification } = this.deps;
    const locale = params.get('locale');
    const shownLocale = isLocale(locale) ? locale : undefined;
    const all = classification.rules();
    const tryText = (params.get('text') ?? '').slice(0, 2000);
    const asked = params.get('tryLocale');
    const tryLocale = isLocale(asked) ? asked : 'en';
    return {
      shownLocale,
      rules: all.filter((r) => !shownLocale || r.locale === shownLocale),
      edit: all.find((r) => String(r.id) === params.get('edit')),
      stats: classification.stats(),
      tryText,
      tryLocale,
      tried: tryText.trim() ? classification.classify(tryText, tryLocale) : undefined,
    };
  }

  /** One of the page's forms; its `action` field says which. */
  act(member: StaffMember, form: Record<string, string>): ActionResult<ClassifierActionDone> {
    const done = <T>(result: ActionResult<T>, value: (v: T) => ClassifierActionDone): ActionResult<ClassifierActionDone> =>
      result.ok ? { ok: true, value: value(result.value) } : result;
    switch (form.action) {
      case 'save':
        return done(this.saveRule(member, form), (rule) => ({ action: 'save', rule }));
      case 'delete':
        return done(this.deleteRule(member, form), (id) => ({ action: 'delete', id }));
      case 'retrain':
        return done(this.retrain(member), (retrained) => ({ action: 'retrain', retrained }));
      default:
        return runAction(this.deps.db, member, classifierPermission, (): Change<never> => {
          throw new ActionError('action', 'Unknown action.');
        });
    }
  }

  /** Creates a keyword rule, or changes the one with `id`. */
  saveRule(member: StaffMember, input: FormInput<typeof keywordRuleInput>): ActionResult<SavedKeywordRule> {
    return runAction(this.deps.db, member, classifierPermission, () => {
      const rule = keywordRuleInput.parse(input);
      const id = this.service(() =>
        this.deps.classification.saveRule({ ...(rule.id ? { id: rule.id } : {}), locale: rule.locale, category: rule.category, keywords: rule.keywords.join('\n'), severity: rule.severity }),
      );
      return {
        value: { id, created: !rule.id, locale: rule.locale },
        audit: { action: rule.id ? 'keyword-rule.update' : 'keyword-rule.create', objectType: 'keyword-rule', objectId: id, detail: { locale: rule.locale, category: rule.category } },
      };
    });
  }

  deleteRule(member: StaffMember, input: FormInput<typeof keywordRuleDeleteInput>): ActionResult<number> {
    return runAction(this.deps.db, member, classifierPermission, () => {
      const { id } = keywordRuleDeleteInput.parse(input);
      if (!this.deps.classification.deleteRule(id)) throw new ActionError('rule', messages.rule);
      return { value: id, audit: { action: 'keyword-rule.delete', objectType: 'keyword-rule', objectId: id } };
    });
  }

  /**
   * Trains a new model on every stored example and puts it in use. The model rows are written in the
   * action's transaction; the model in memory is replaced as the service trains it.
   */
  retrain(member: StaffMember): ActionResult<Retraining> {
    return runAction(this.deps.db, member, classifierPermission, () => {
      const retrained = this.deps.classification.retrain();
      return { value: retrained, audit: { action: 'classifier.retrain', objectType: 'classifier', objectId: 'complaints', detail: { examples: retrained.examples } } };
    });
  }

  /** The service's own refusals as field errors. */
  private service<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof KeywordRuleError) throw new ActionError(error.field, error.message);
      throw error;
    }
  }
}
