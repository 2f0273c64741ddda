import { z } from 'zod';
import { ActionError, permissionRefusal, refusal, type ActionResult } from '@core/staff/actions.ts';
import { templateCategory } from '@core/content/categories.ts';
import { productIds } from '@core/content/products.ts';
import type { Locale } from '@core/i18n/locales.ts';
import { can } from '@core/staff/roles.ts';
import type { StaffMember } from '@core/staff/users.ts';
import { splitFrontmatter } from '@core/markdown/frontmatter.ts';
import type { ArticleEditor } from './editor.ts';
import { submitEditor, type EditorOutcome } from './form.ts';
import { newArticleFile, PathError } from './paths.ts';
import { composeSource, emptyFields } from './serialize.ts';
import type { RevisionStore } from './revisions.ts';

/**
 * Every staff action on articles, one function each: check `articles:edit`, validate the form, make the
 * change. The editor writes the revision and the one audit entry of a change in its own IMMEDIATE
 * transaction, so these functions audit nothing themselves; a refused change reaches neither.
 */

/** An editor submission: saved (a redirect), previewed (the form again), or refused with the form to show again. */
export type EditorSubmission =
  | { ok: true; value: EditorOutcome }
  | { ok: false; status: number; errors: Record<string, string>; outcome?: EditorOutcome };

/** Where the browser goes after a change (Post/Redirect/Get). */
export interface Done {
  redirect: string;
}

const permission = 'articles:edit';

/** The status an article's text has: published, or a draft for anything else (and for no text). */
export function savedStatus(source: string | null): 'published' | 'draft' {
  const data = source ? (splitFrontmatter(source).data as Record<string, unknown> | undefined) : undefined;
  return data?.status === 'published' ? 'published' : 'draft';
}

const removeForm = z.object({
  baseHash: z.string().default(''),
  message: z.string().default('').transform((m) => m.slice(0, 200)),
});

const restoreDeletedForm = z.object({
  intent: z.literal('restore-deleted', { errorMap: () => ({ message: 'Unknown action; reload the page and try again.' }) }),
  file: z.string().default(''),
});

const notThisArticle = 'Revision: not a revision of this article; reload the page and try again.';
const restoreRevisionForm = z.object({
  intent: z.literal('restore', { errorMap: () => ({ message: notThisArticle }) }),
  revision: z.string({ errorMap: () => ({ message: notThisArticle }) }).regex(/^\d{1,9}$/, notThisArticle).transform(Number),
  baseHash: z.string().default(''),
});

/** The form's problems as field errors: its own, its diagnostics, a conflict. */
function outcomeErrors(outcome: EditorOutcome): Record<string, string> {
  const errors = { ...outcome.errors };
  for (const d of outcome.diagnostics) errors[d.field] ??= `${d.where}: ${d.message}`;
  if (outcome.conflict) errors.form ??= 'Someone else changed this article while you were editing; nothing was overwritten.';
  if (Object.keys(errors).length === 0) errors.form = 'The article was not saved.';
  return errors;
}

function submission(outcome: EditorOutcome): EditorSubmission {
  if (outcome.redirect || outcome.status < 300) return { ok: true, value: outcome };
  return { ok: false, status: outcome.status, errors: outcomeErrors(outcome), outcome };
}

function refusedOrThrow(error: unknown): { ok: false; status: number; errors: Record<string, string> } {
  const refused = refusal(error instanceof PathError ? new ActionError('form', `File: ${error.message}`) : error);
  if (refused) return refused;
  throw error;
}

export class ArticleCommands {
  constructor(private readonly deps: { editor: ArticleEditor; revisions: RevisionStore }) {}

  /**
   * Runs `action` for someone allowed to edit articles. Refusals become field errors: ActionError and zod
   * errors by their field, an unsafe path as `form` ("File: …").
   */
  private act<T>(member: StaffMember, action: () => ActionResult<T>): ActionResult<T> {
    try {
      if (!can(member.role, permission)) throw permissionRefusal(member, permission);
      return action();
    } catch (error) {
      return refusedOrThrow(error);
    }
  }

  /** act() for an action that waits, such as the editor's parse in the parse pool. */
  private async actAsync<T>(member: StaffMember, action: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
    try {
      if (!can(member.role, permission)) throw permissionRefusal(member, permission);
      return await action();
    } catch (error) {
      return refusedOrThrow(error);
    }
  }

  /**
   * A reply that worked, proposed as a reply template: a draft (internal, never shown to customers) for
   * an editor to check and publish. Agents may propose (`complaints:handle`); the editor audits the save.
   */
  proposeTemplate(member: StaffMember, draft: { reference: string; eventId: number; locale: Locale; product: string | null; category: string | null; subject: string; reply: string }): ActionResult<{ file: string }> {
    try {
      if (!can(member.role, 'complaints:handle') && !can(member.role, permission)) throw permissionRefusal(member, 'complaints:handle');
      const slug = `proposal-${draft.reference.toLowerCase()}-${draft.eventId}`;
      const file = newArticleFile(draft.locale, templateCategory, slug);
      if (this.deps.editor.read(file)) throw new ActionError('form', `This reply was already proposed: ${file}.`, 409);
      const fields = {
        ...emptyFields,
        title: `Draft: ${draft.subject}`.slice(0, 140),
        summary: `Proposed from the reply to ${draft.reference}; check, generalise and publish.`,
        category: templateCategory,
        audience: 'internal',
        locale: draft.locale,
        translationKey: slug,
        product: draft.product && (productIds as readonly string[]).includes(draft.product) ? draft.product : '',
        reply: draft.reply,
        complaintCategories: draft.category ?? '',
        updated: new Date().toISOString().slice(0, 10),
        status: 'draft',
      };
      const body = `Proposed by ${member.name} from the reply to complaint ${draft.reference}. Check the facts, make it fit other customers, then publish.`;
      const saved = this.deps.editor.save({ file, source: composeSource(fields, body), baseHash: '', authorId: member.id, action: 'create', message: `Proposed from ${draft.reference}` });
      if (!saved.ok) throw new ActionError('form', saved.reason === 'invalid' ? `The draft could not be made: ${saved.diagnostics.map((d) => d.message).join('; ')}` : `The draft could not be made (${saved.reason}).`, 409);
      return { ok: true, value: { file } };
    } catch (error) {
      const refused = refusal(error instanceof PathError ? new ActionError('form', `File: ${error.message}`) : error);
      if (refused) return refused;
      throw error;
    }
  }

  /** The new-article form: preview, save as a draft or publish; refused when the address is taken. */
  create(member: StaffMember, form: Record<string, string>): Promise<EditorSubmission> {
    return this.actAsync(member, async () => submission(await submitEditor(this.deps.editor, member.id, form)));
  }

  /** The edit form of `file`: preview, save, publish or unpublish; a stale `baseHash` is a conflict, answered with both versions. */
  save(member: StaffMember, file: string, form: Record<string, string>): Promise<EditorSubmission> {
    return this.actAsync(member, async () => {
      const current = this.deps.editor.read(file);
      const source = current?.source ?? null;
      return submission(await submitEditor(this.deps.editor, member.id, form, { file, source, status: savedStatus(source) }));
    });
  }

  /** Soft-deletes `file` when it is still the version the person saw (`baseHash`). */
  remove(member: StaffMember, file: string, form: Record<string, string>): ActionResult<Done> {
    return this.act(member, () => {
      const input = removeForm.parse(form);
      const result = this.deps.editor.remove({ file, baseHash: input.baseHash, authorId: member.id, message: input.message });
      if (!result.ok) {
        throw new ActionError('form', 'The article changed after you opened it, so it was not deleted. Review the current version below, then delete again if you still want to.', 409);
      }
      return { ok: true, value: { redirect: `/admin/articles?done=deleted&file=${encodeURIComponent(file)}` } };
    });
  }

  /** Puts a deleted article back (the list's Restore and Undo buttons). */
  restoreDeleted(member: StaffMember, form: Record<string, string>): ActionResult<Done> {
    return this.act(member, () => {
      const input = restoreDeletedForm.parse(form);
      const result = this.deps.editor.restoreDeleted({ file: input.file, authorId: member.id });
      if (result.ok) return { ok: true, value: { redirect: `/admin/articles/edit?file=${encodeURIComponent(result.file)}&done=restored` } };
      const why =
        result.reason === 'conflict'
          ? 'a file exists there again or it is not deleted. Open it from the list instead.'
          : result.reason === 'invalid'
            ? result.diagnostics.map((d) => d.message).join('; ')
            : 'it is too large.';
      throw new ActionError('file', `Could not restore ${input.file}: ${why}`);
    });
  }

  /** Makes a revision of `file` its current text again, when the file is still the version the person saw. */
  restoreRevision(member: StaffMember, file: string, form: Record<string, string>): ActionResult<Done> {
    return this.act(member, () => {
      const parsed = restoreRevisionForm.safeParse(form);
      const revisionId = parsed.success ? parsed.data.revision : 0;
      if (!parsed.success || this.deps.revisions.get(revisionId)?.file !== file) throw new ActionError('revision', notThisArticle, 409);
      const result = this.deps.editor.restoreRevision({ revisionId, baseHash: parsed.data.baseHash, authorId: member.id });
      if (result.ok) return { ok: true, value: { redirect: `/admin/articles/history?file=${encodeURIComponent(file)}&done=restored&revision=${revisionId}` } };
      const message =
        result.reason === 'conflict'
          ? 'The article changed since this page was loaded, so nothing was restored. The list below is up to date now; restore again if you still want to.'
          : result.reason === 'invalid'
            ? `Revision #${revisionId} no longer passes the article checks: ${result.diagnostics.map((d) => `line ${d.line}, column ${d.column}: ${d.message}`).join('; ')}. Open it in the editor and fix it there.`
            : `Revision #${revisionId} could not be restored.`;
      throw new ActionError('form', message, 409);
    });
  }
}
