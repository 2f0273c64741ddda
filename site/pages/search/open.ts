import type { APIRoute } from 'astro';
import { z } from 'zod';
import { articleUrl } from '@core/content/article.ts';
import { clientAddress } from '@core/http/client-address.ts';
import { isLocale } from '@core/i18n/locales.ts';

const params = z.object({
  qid: z.coerce.number().int().positive(),
  id: z.string().max(220),
  pos: z.coerce.number().int().min(1).max(1000),
  anchor: z.string().max(200).regex(/^[\p{L}\p{N}_-]*$/u).optional(),
});

/**
 * Result links pass through here so "which result was opened" is known without JavaScript.
 * It only ever redirects to an article the visitor may read, so it cannot be used as an open redirect.
 */
export const GET: APIRoute = (context) => {
  const { url, locals, redirect } = context;
  const parsed = params.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return new Response('Bad link', { status: 400 });
  const { qid, id, pos, anchor } = parsed.data;
  const [locale, slug] = id.split('/');
  const article = isLocale(locale) && slug ? locals.app.content.get(locale, slug, locals.viewer) : undefined;
  if (!article) return new Response(null, { status: 404 });
  locals.app.search.analytics.recordClick(qid, article.id, pos, new Date(), clientAddress(context, locals.app.config));
  return redirect(`${articleUrl(article)}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`, 302);
};
