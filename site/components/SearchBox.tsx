import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Category } from '@core/content/categories.ts';

interface Hit {
  id: string;
  title: string;
  url: string;
  category: Category;
}

export interface SearchBoxProps {
  locale: string;
  id: string;
  value: string;
  /** The header's box hides its label; the home page's big box shows it. */
  compact?: boolean;
  labels: {
    label: string;
    placeholder: string;
    button: string;
    /** Announcements with `{n}` in place of the count, for one result and for several. */
    hintOne: string;
    hintMany: string;
    none: string;
    categories: Record<string, string>;
  };
}

const minChars = 2;
const debounceMs = 120;

/**
 * The header and home-page search: a plain GET form that works without JavaScript, upgraded to a combobox
 * (WAI-ARIA 1.2 pattern) showing instant results grouped by category.
 */
export default function SearchBox({ locale, id, value, compact = true, labels }: SearchBoxProps) {
  const [query, setQuery] = useState(value);
  const [hits, setHits] = useState<Hit[]>([]);
  const [queryId, setQueryId] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const abort = useRef<AbortController>();
  const input = useRef<HTMLInputElement>(null);

  // The box is usable before this island hydrates: pick up whatever the reader typed meanwhile.
  useEffect(() => {
    const typed = input.current?.value ?? '';
    if (typed !== query) setQuery(typed);
  }, []);
  const listId = `${id}-listbox`;

  useEffect(() => {
    const q = query.trim();
    if (q.length < minChars) {
      setHits([]);
      setOpen(false);
      return;
    }
    const timer = setTimeout(async () => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      try {
        const params = new URLSearchParams({ q, locale, limit: '8', source: 'instant' });
        const response = await fetch(`/api/search?${params}`, { signal: controller.signal });
        if (!response.ok) return;
        const body = (await response.json()) as { hits: Hit[]; queryId: number };
        setHits(body.hits);
        setQueryId(body.queryId);
        setActive(-1);
        setOpen(true);
        const n = body.hits.length;
        setStatus(n === 0 ? labels.none : (n === 1 ? labels.hintOne : labels.hintMany).replace('{n}', String(n)));
      } catch {
        // Aborted by a newer keystroke, or offline: the form still submits to the results page.
      }
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [query, locale]);

  // Options in display order: grouped by category, so arrow keys follow what the eye sees.
  const groups = useMemo(() => {
    const byCategory = new Map<string, Hit[]>();
    for (const hit of hits) byCategory.set(hit.category, [...(byCategory.get(hit.category) ?? []), hit]);
    return [...byCategory];
  }, [hits]);
  const ordered = groups.flatMap(([, list]) => list);

  function link(hit: Hit): string {
    const position = hits.indexOf(hit) + 1;
    const params = new URLSearchParams({ qid: String(queryId), id: hit.id, pos: String(position) });
    const anchor = hit.url.split('#')[1];
    if (anchor) params.set('anchor', decodeURIComponent(anchor));
    return `/search/open?${params}`;
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!ordered.length) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const n = ordered.length;
      setActive((current) => (step > 0 ? (current + 1 >= n ? 0 : current + 1) : current - 1 < 0 ? n - 1 : current - 1));
    } else if (event.key === 'Enter' && open && active >= 0 && ordered[active]) {
      event.preventDefault();
      window.location.assign(link(ordered[active]));
    } else if (event.key === 'Escape') {
      // A search input clears itself on Escape; the first press should only close the list (APG combobox).
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else setQuery('');
      setActive(-1);
    }
  }

  const expanded = open && query.trim().length >= minChars;
  const activeHit = active >= 0 && active < ordered.length ? ordered[active] : undefined;
  const optionId = (hit: Hit) => `${id}-opt-${ordered.indexOf(hit)}`;

  return (
    <form class={compact ? 'search-form compact' : 'search-form'} role="search" action={`/${locale}/search`} method="get">
      <label for={id} class={compact ? 'visually-hidden' : undefined}>
        {labels.label}
      </label>
      <div class="search-row combobox">
        <input
          ref={input}
          id={id}
          name="q"
          type="search"
          value={query}
          placeholder={labels.placeholder}
          maxLength={200}
          autoComplete="off"
          required
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeHit ? optionId(activeHit) : undefined}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onFocus={() => hits.length && setOpen(true)}
        />
        <button type="submit">{labels.button}</button>
        <div id={listId} role="listbox" aria-label={labels.label} class="suggestions" hidden={!expanded}>
          {groups.map(([category, list]) => (
            <div role="group" aria-labelledby={`${id}-grp-${category}`} key={category}>
              <div id={`${id}-grp-${category}`} class="suggestion-group" role="presentation">
                {labels.categories[category] ?? category}
              </div>
              {list.map((hit) => (
                <a
                  id={optionId(hit)}
                  role="option"
                  aria-selected={hit === activeHit}
                  class="suggestion"
                  href={link(hit)}
                  tabIndex={-1}
                  key={hit.id}
                  onMouseDown={(e) => e.preventDefault()}
                >
                  {hit.title}
                </a>
              ))}
            </div>
          ))}
          {expanded && hits.length === 0 && <div class="suggestion-empty">{labels.none}</div>}
        </div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
    </form>
  );
}
