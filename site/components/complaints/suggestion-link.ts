/** Where a suggested article's link goes: through the counter, which redirects to the article. */
export function suggestionLink(articleId: string, session: string | undefined): string {
  const params = new URLSearchParams({ id: articleId });
  if (session) params.set('s', session);
  return `/api/complaints/suggest/open?${params}`;
}
