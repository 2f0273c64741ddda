import { z } from 'zod';
import { articleUrl, type Article } from '@core/content/article.ts';
import { templateCategory } from '@core/content/categories.ts';
import type { ContentStore } from '@core/content/store.ts';
import { locales, type Locale } from '@core/i18n/locales.ts';
import type { SearchEngine } from './port.ts';
import { maxQueryLength } from './query-schema.ts';

const staff = { kind: 'staff' } as const;


export const answerDeskSchema = z.object({
  q: z.string().trim().max(maxQueryLength, `must be at most ${maxQueryLength} characters`).default(''),
  locale: z.enum(locales).catch('en').default('en'),
});

export interface DeskAnswer {
  id: string;
  kind: 'template' | 'article';
  title: string;
  locale: Locale;
  url: string;
  /** The paste-ready text: a template's reply or an article's short answer. */
  text: string;
  updated: string;
  /** Not reviewed for longer than the review period. */
  stale: boolean;
  translations: Array<{ locale: Locale; url: string }>;
  uses: number;
}

/**
 * The answer desk: search over public and internal articles and reply templates in one locale, each hit
 * with its paste-ready text, its translations, when it was last reviewed and how often agents used it.
 * With no query: the answers most used, then the ones longest without review.
 */
export async function answerDesk(
  deps: { engine: SearchEngine; content: ContentStore },
  params: URLSearchParams,
  options: { now: Date; reviewDays: number; usage: Map<string, number> },
): Promise<{ query: z.infer<typeof answerDeskSchema>; error?: string; unavailable?: boolean; answers: DeskAnswer[]; staleCount: number }> {
  const parsed = answerDeskSchema.safeParse({ q: params.get('q') ?? undefined, locale: params.get('locale') || undefined });
  const query = parsed.success ? parsed.data : { q: (params.get('q') ?? '').slice(0, maxQueryLength), locale: 'en' as Locale };
  const cutoff = new Date(options.now.getTime() - options.reviewDays * 86_400_000).toISOString().slice(0, 10);
  const withAnswer = (a: Article) => !!(a.meta.category === templateCategory ? a.meta.reply : a.meta.answer);
  const all = deps.content.list({ locale: query.locale, viewer: staff }).filter(withAnswer);
  const toDesk = (a: Article): DeskAnswer => ({
    id: a.id,
    kind: a.meta.category === templateCategory ? 'template' : 'article',
    title: a.meta.title,
    locale: a.locale,
    url: articleUrl(a),
    text: (a.meta.category === templateCategory ? a.meta.reply : a.meta.answer) ?? '',
    updated: a.meta.updated,
    stale: a.meta.updated < cutoff,
    translations: deps.content.translations(a, staff).map((t) => ({ locale: t.locale, url: articleUrl(t) })),
    uses: options.usage.get(a.id) ?? 0,
  });
  const staleCount = all.filter((a) => a.meta.updated < cutoff).length;
  if (!parsed.success) return { query, error: `Search: ${parsed.error.issues[0]?.message ?? 'is not valid'}`, answers: [], staleCount };
  if (!query.q) {
    const ranked = all.map(toDesk).sort((a, b) => b.uses - a.uses || Number(b.stale) - Number(a.stale) || a.title.localeCompare(b.title));
    return { query, answers: ranked.slice(0, 30), staleCount };
  }
  let found;
  try {
    found = await deps.engine.search({ q: query.q, locale: query.locale, audiences: ['public', 'internal'], page: 1, limit: 50 });
  } catch (error) {
    console.error('[answers] search failed:', error instanceof Error ? error.message : error);
    return { query, unavailable: true, answers: [], staleCount };
  }
  const answers: DeskAnswer[] = [];
  for (const hit of found.hits) {
    const article = deps.content.get(hit.locale, hit.slug, staff);
    if (article && withAnswer(article)) answers.push(toDesk(article));
  }
  return { query, answers: answers.slice(0, 20), staleCount };
}
