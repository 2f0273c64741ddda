import type { Category } from '@core/content/categories.ts';
import type { ComplaintMessages } from './complaints-types.ts';
import type { TranslationMessages } from './translation-types.ts';
import type { AttachmentMessages } from './attachments-types.ts';
import type { LostLinkMessages } from './lost-link-types.ts';

/** Every UI string the site shows; each locale must provide all of them (the compiler checks). */
export interface Messages {
  siteName: string;
  skipToContent: string;
  mainNav: string;
  languageLabel: string;
  search: {
    label: string;
    placeholder: string;
    button: string;
    resultsTitle: (query: string) => string;
    resultCount: (n: number) => string;
    noResults: (query: string) => string;
    emptyQuery: string;
    tooLong: (max: number) => string;
    allCategories: string;
    filterByCategory: string;
    suggestions: string;
    previous: string;
    next: string;
    pageOf: (page: number, pages: number) => string;
    unavailable: string;
    instantHint: (n: number) => string;
    seeAll: (query: string) => string;
  };
  home: {
    title: string;
    intro: string;
    categories: string;
    popular: string;
    recent: string;
    stillNeedHelp: string;
    contactText: string;
    writeToUs: string;
    contactHours: string;
  };
  categories: Record<Category, { name: string; description: string }>;
  articleCount: (n: number) => string;
  article: {
    breadcrumbHome: string;
    updated: (date: string) => string;
    toc: string;
    related: string;
    translations: string;
    internalBadge: string;
    draftBadge: string;
    print: string;
  };
  translation: TranslationMessages;
  callout: { note: string; tip: string; warning: string; answer: string; copy: string; copied: string; table: string };
  notFound: { title: string; text: string; searchHint: string; backHome: string };
  footer: { rights: string; sitemap: string };
  complaints: ComplaintMessages;
  attachments: AttachmentMessages;
  lostLink: LostLinkMessages;
}
