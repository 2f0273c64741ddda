import type { ComplaintCategory } from '../content/complaint-categories.ts';
import type { Locale } from '../i18n/locales.ts';

/**
 * The port through which complaints ask the knowledge base for answers. `search/answers.ts` implements
 * it over the search engine and the content store; the composition root (site/lib/app.ts) hands it to
 * the complaint room, which imports only this.
 */
export interface AnswerQuery {
  /** The complaint's own words: its subject and description. */
  text: string;
  locale: Locale;
  category: ComplaintCategory | null;
  product: string | null;
  limit: number;
}

export interface AnswerCandidate {
  kind: 'template' | 'article';
  /** The article id, `<locale>/<slug>`. */
  id: string;
  translationKey: string;
  title: string;
  locale: Locale;
  /** The paste-ready text as written: a template's reply (placeholders unfilled) or an article's short answer. */
  text: string;
  url: string;
  /** True when the complaint's locale had no match and this comes from English. */
  fallback: boolean;
}

export interface AnswerFinder {
  /** The best answers for a complaint, best first; thin locales are filled up from English. */
  find(query: AnswerQuery): Promise<AnswerCandidate[]>;
  /** One answer by article id (for inserting it), when it exists and has paste-ready text. */
  get(id: string): AnswerCandidate | undefined;
}
