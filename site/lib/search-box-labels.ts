import { categoriesFor } from '@core/content/categories.ts';
import type { Viewer } from '@core/content/article.ts';
import type { Messages } from '@core/i18n/messages/types.ts';
import type { SearchBoxProps } from '@site/components/SearchBox.tsx';

/** The words the search island shows, in the page's language; staff categories only for staff. */
export function searchBoxLabels(t: Messages, viewer: Viewer): SearchBoxProps['labels'] {
  return {
    label: t.search.label,
    placeholder: t.search.placeholder,
    button: t.search.button,
    hintOne: t.search.instantHint(1),
    hintMany: t.search.instantHint(1000001).replace('1000001', '{n}'),
    none: t.search.resultCount(0),
    categories: Object.fromEntries(categoriesFor(viewer).map((c) => [c, t.categories[c].name])),
  };
}
