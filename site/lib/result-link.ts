/** The tracked link for a search hit: records the click, then redirects to the article (and section). */
export function resultLink(queryId: number, hit: { id: string; url: string }, position: number): string {
  const anchor = hit.url.split('#')[1];
  const params = new URLSearchParams({ qid: String(queryId), id: hit.id, pos: String(position) });
  if (anchor) params.set('anchor', decodeURIComponent(anchor));
  return `/search/open?${params}`;
}
