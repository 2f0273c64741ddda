import type { APIRoute } from 'astro';
import { articleUrl, publicViewer } from '@core/content/article.ts';
import { categories } from '@core/content/categories.ts';
import { locales } from '@core/i18n/locales.ts';

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Every public page a search engine should know: locale homes, category pages and public articles. */
export const GET: APIRoute = ({ locals }) => {
  const { content, config } = locals.app;
  const visible = content.list({ viewer: publicViewer });
  const urls: Array<{ loc: string; lastmod?: string }> = [];
  for (const locale of locales) {
    urls.push({ loc: `/${locale}/` });
    for (const c of categories) {
      if (visible.some((a) => a.locale === locale && a.meta.category === c)) urls.push({ loc: `/${locale}/categories/${c}` });
    }
  }
  for (const a of visible.sort((x, y) => x.id.localeCompare(y.id))) urls.push({ loc: articleUrl(a), lastmod: a.meta.updated });
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${escapeXml(config.siteUrl + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
