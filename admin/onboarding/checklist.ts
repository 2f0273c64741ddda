import { z } from 'zod';
import type { Article } from '@core/content/article.ts';
import type { ContentStore } from '@core/content/store.ts';
import type { Db } from '@core/db/database.ts';
import { isLocale } from '@core/i18n/locales.ts';
import { ActionError, parseInput, runAction, type ActionResult } from '@core/staff/actions.ts';
import type { StaffMember } from '@core/staff/users.ts';
import type { ProgressStore } from './progress-store.ts';

/** The id of the form the checkboxes of a staff member's article belong to. */
export const checklistFormId = 'checklist-form';

const box = /<input type="checkbox"( checked)? disabled id="task-item-(\d+)"/g;

/** How many task-list checkboxes the article has. */
export function taskCount(article: Article): number {
  return [...article.html.matchAll(box)].length;
}

/**
 * The article's HTML with its checkboxes enabled for one staff member: each belongs to the checklist
 * form by its `form` attribute (so the article needs no wrapping form) and shows the person's saved
 * state, or the author's ticks until the person saves their own.
 */
export function tickableHtml(article: Article, ticked: Set<number> | undefined): string {
  return article.html.replace(box, (_m, authorChecked: string | undefined, n: string) => {
    const on = ticked ? ticked.has(Number(n)) : Boolean(authorChecked);
    return `<input type="checkbox" name="item-${n}" form="${checklistFormId}"${on ? ' checked' : ''} id="task-item-${n}"`;
  });
}

const saveInput = z.object({
  article: z.string().regex(/^[a-zA-Z-]{2,7}\/[a-z0-9-]{1,200}$/, 'is not an article; reload the page'),
});

/** Each staff member's own ticks in articles' checklists. */
export class Checklists {
  constructor(private readonly deps: { db: Db; content: ContentStore; store: ProgressStore }) {}

  /** The person's ticks; undefined when they never saved this checklist. */
  ticks(member: StaffMember, article: Article): Set<number> | undefined {
    const saved = this.deps.store.ticks(member.id, article.id);
    return saved.size ? saved : undefined;
  }

  /** Saves the ticked boxes (`item-<n>` fields) of an article the person can see. */
  save(member: StaffMember, form: Record<string, string>): ActionResult<{ article: Article; ticked: number }> {
    return runAction(this.deps.db, member, 'onboarding:read', () => {
      const { article: id } = parseInput(saveInput, form);
      const [locale, slug] = id.split('/');
      const article = isLocale(locale) && slug ? this.deps.content.get(locale, slug, { kind: 'staff' }) : undefined;
      if (!article) throw new ActionError('article', 'is not an article you can see', 404);
      const count = taskCount(article);
      const items = Object.keys(form).flatMap((k) => {
        const m = /^item-(\d{1,4})$/.exec(k);
        return m ? [Number(m[1])] : [];
      });
      if (items.some((n) => n < 1 || n > count)) throw new ActionError('article', `has ${count} checklist items; reload the page`);
      this.deps.store.setTicks(member.id, article.id, items);
      return { value: { article, ticked: items.length }, audit: { action: 'checklist.save', objectType: 'article', objectId: article.file, detail: { ticked: items.length, of: count } } };
    });
  }
}
