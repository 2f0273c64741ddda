import type { ShownDiagnostic } from '@admin/articles/form.ts';

/** What the article pages say: dates, statuses, the message after a change, the error summary's entries. */

/** "2026-11-23 09:00" from an ISO time (UTC). */
export function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

export const articleStatusLabels: Record<string, string> = { published: 'Published', draft: 'Draft', problem: 'Has problems', deleted: 'Deleted' };

/** The message the edit page shows after a change (`?done=`), for an article now saved with `savedStatus`. */
export function editDoneText(done: string | null, savedStatus: string): string | undefined {
  const text: Record<string, string> = {
    created: 'The article was created as a draft. Publish it when it is ready.',
    'created-published': 'The article was created and published: it is live on the site and in search.',
    saved: savedStatus === 'published' ? 'Saved. The live article, its page and search are updated.' : 'The draft was saved.',
    published: 'Published. The article is live on the site and in search.',
    unpublished: 'Unpublished. The article is a draft again and gone from the site and search.',
    restored: 'Restored.',
  };
  return done && Object.hasOwn(text, done) ? text[done] : undefined;
}

/** The article's problems as error-summary entries, each linking to its field. */
export function summaryItems(diagnostics: readonly ShownDiagnostic[] = []): Array<{ id: string; text: string }> {
  return diagnostics.map((d) => ({ id: d.field === 'frontmatter' ? 'f-title' : `f-${d.field}`, text: `${d.where}: ${d.message}` }));
}
