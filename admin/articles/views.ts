import { z } from 'zod';
import { categories } from '@core/content/categories.ts';
import type { ContentStore } from '@core/content/store.ts';
import { isLocale, locales } from '@core/i18n/locales.ts';
import { intParam } from '../http/form.ts';
import { savedStatus } from './commands.ts';
import { lineDiff } from './diff.ts';
import type { ArticleEditor } from './editor.ts';
import { showDiagnostics, type EditorOutcome } from './form.ts';
import { checkArticleFile } from './paths.ts';
import type { RevisionStore } from './revisions.ts';
import { emptyFields, fieldsFromSource } from './serialize.ts';

/**
 * What the article pages show, read from the editor, the revisions and the content: the list with its
 * filters, the new and edit forms as first shown, and an article's history. Nothing here changes data.
 */

/** The list's filters as they come in the query string; anything unknown or malformed is dropped. */
export const listFilterSchema = z.object({
  locale: z.enum(locales).optional().catch(undefined),
  category: z.enum(categories).optional().catch(undefined),
  audience: z.enum(['public', 'internal']).optional().catch(undefined),
  status: z.enum(['published', 'draft', 'problem', 'deleted']).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});

/** What an article file holds now (null when it does not exist), as `ArticleEditor.read` answers. */
export type OpenedFile = ReturnType<ArticleEditor['read']>;

export class ArticleViews {
  constructor(private readonly deps: { editor: ArticleEditor; revisions: RevisionStore; content: ContentStore }) {}

  /** How many articles are in each state, for the staff home page. */
  statusCounts(): Record<'published' | 'draft' | 'problem' | 'deleted', number> {
    const counts = { published: 0, draft: 0, problem: 0, deleted: 0 };
    for (const e of this.deps.editor.entries()) counts[e.status]++;
    return counts;
  }

  /** One page of the article list, filtered by the query string. */
  list(params: URLSearchParams, pageSize = 25) {
    const filter = listFilterSchema.parse(Object.fromEntries([...params.entries()].filter(([, v]) => v !== '')));
    const listing = this.deps.editor.list({ ...filter, page: intParam(params.get('page'), 1), pageSize });
    return { filter, listing, filtered: Object.values(filter).some(Boolean) };
  }

  /**
   * The new-article form as first shown. "Create translation" links carry the source article (`from`)
   * and the target language; `category` and `translationKey` may be given too.
   */
  newForm(params: URLSearchParams): { state: EditorOutcome; translatingFrom?: string } {
    const today = new Date().toISOString().slice(0, 10);
    const state: EditorOutcome = { status: 200, errors: {}, diagnostics: [], fields: { ...emptyFields, updated: today }, slug: '', body: '', baseHash: '', message: '', bumpUpdated: true, minor: false };
    let translatingFrom: string | undefined;
    const from = params.get('from');
    if (from) {
      try {
        const source = this.deps.editor.read(checkArticleFile(from));
        if (source) {
          const { fields, body } = fieldsFromSource(source.source);
          state.fields = { ...fields, updated: today, status: 'draft' };
          state.body = body;
          state.slug = from.split('/').at(-1)?.replace(/\.mdx?$/, '') ?? '';
          translatingFrom = from;
        }
      } catch {
        translatingFrom = undefined;
      }
    }
    const locale = params.get('locale');
    if (isLocale(locale)) state.fields.locale = locale;
    const category = params.get('category');
    if (category && (categories as readonly string[]).includes(category)) state.fields.category = category;
    // "Draft an article for this" on the search insights passes the customers' query as the title.
    const title = params.get('title');
    if (title && !from) state.fields.title = title.trim().slice(0, 140);
    const key = params.get('translationKey');
    if (key && /^[a-z0-9-]{1,100}$/.test(key)) state.fields.translationKey = key;
    return { state, translatingFrom };
  }

  /**
   * The edit page of `file` before any submission: its last revision, saved status, the article the site
   * serves, and the form filled from the file with the problems the site found in it (no form when the
   * file does not exist).
   */
  edit(file: string, current: OpenedFile) {
    const source = current?.source ?? null;
    let state: EditorOutcome | undefined;
    if (current) {
      const { fields, body } = fieldsFromSource(current.source);
      const problems = this.deps.content.problems.get(file);
      const diagnostics = problems?.length ? showDiagnostics(current.source, problems) : [];
      state = { status: 200, errors: {}, diagnostics, fields, body, slug: '', baseHash: current.hash, message: '', bumpUpdated: true, minor: false, file };
    }
    return {
      latest: this.deps.revisions.latest(file),
      savedStatus: savedStatus(source),
      article: this.deps.content.all().find((a) => a.file === file),
      state,
    };
  }

  /**
   * The history of `file`: its revisions, newest first, two of them compared (`from`, `to`; by default the
   * newest and the one before) and one shown (`view`). Undefined when there is neither a revision nor a file.
   */
  history(file: string, params: URLSearchParams) {
    const { editor, revisions } = this.deps;
    const list = revisions.list(file);
    const current = editor.read(file);
    if (list.length === 0 && !current) return undefined;
    const byId = new Map(list.map((r) => [r.id, r]));
    const toId = intParam(params.get('to'), list[0]?.id ?? 0);
    const fromId = intParam(params.get('from'), list.find((r) => r.id < toId)?.id ?? 0);
    const to = byId.has(toId) ? revisions.get(toId) : undefined;
    const from = byId.has(fromId) ? revisions.get(fromId) : undefined;
    const viewId = intParam(params.get('view'), 0);
    const viewed = byId.has(viewId) ? revisions.get(viewId) : undefined;
    return {
      list,
      current,
      fromId,
      toId,
      from,
      to,
      diff: to && from ? lineDiff(from.content, to.content) : undefined,
      viewed,
      viewedDiff: viewed ? lineDiff(current?.source ?? '', viewed.content) : undefined,
      /** The file on disk is not the last revision (changed outside the editor). */
      onDiskUnknown: Boolean(current && list[0] && list[0].hash !== current.hash),
    };
  }
}
