import { useEffect, useRef, useState } from 'preact/hooks';
import { suggestionQuery } from '@feedback/suggestions/query.ts';

export interface SuggestionHit {
  id: string;
  title: string;
  href: string;
  /** Set when the article is in another language than the page (an English fallback). */
  lang?: string;
}

export interface ComplaintSuggestionsProps {
  locale: string;
  /** The form's random id for the deflection counters; no text is sent with it. */
  session: string;
  /** Ids of the inputs to watch. */
  subjectId: string;
  descriptionId: string;
  /** The product select: suggestions follow the chosen product. */
  productId: string;
  /** The no-JavaScript "look for answers" button, removed once this island runs. */
  fallbackButtonId: string;
  /** Server-rendered suggestions (the no-JavaScript path), or null when none were asked for. */
  initial: SuggestionHit[] | null;
  labels: { title: string; intro: string; none: string; newTab: string; inEnglish: string };
}

const minChars = 4;
const debounceMs = 350;

/**
 * "Answers before the complaint": while the customer types the subject and description, up to five
 * public articles appear under them. Links open in a new tab so the form keeps what was typed. Without
 * JavaScript the same list is rendered by the server after "Look for answers first".
 */
export default function ComplaintSuggestions({ locale, session, subjectId, descriptionId, productId, fallbackButtonId, initial, labels }: ComplaintSuggestionsProps) {
  const [hits, setHits] = useState<SuggestionHit[] | null>(initial);
  const abort = useRef<AbortController>();
  const last = useRef('');

  useEffect(() => {
    // Live suggestions replace the button; removed (not hidden) so Enter sends the form, as people expect.
    document.getElementById(fallbackButtonId)?.remove();
    const subject = document.getElementById(subjectId) as HTMLInputElement | null;
    const description = document.getElementById(descriptionId) as HTMLTextAreaElement | null;
    const product = document.getElementById(productId) as HTMLSelectElement | null;
    if (!subject || !description || !product) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = suggestionQuery(subject.value, description.value);
        const asked = `${product.value}\n${q}`;
        if (q.length < minChars || asked === last.current) return;
        last.current = asked;
        abort.current?.abort();
        const controller = new AbortController();
        abort.current = controller;
        try {
          const params = new URLSearchParams({ q, locale, s: session, product: product.value });
          const response = await fetch(`/api/complaints/suggest?${params}`, { signal: controller.signal });
          if (!response.ok) return;
          const body = (await response.json()) as { hits: SuggestionHit[] };
          setHits(body.hits);
        } catch {
          // Aborted by newer typing, or offline: the form works without suggestions.
        }
      }, debounceMs);
    };
    subject.addEventListener('input', update);
    description.addEventListener('input', update);
    product.addEventListener('change', update);
    if (subject.value || description.value) update();
    return () => {
      clearTimeout(timer);
      subject.removeEventListener('input', update);
      description.removeEventListener('input', update);
      product.removeEventListener('change', update);
    };
  }, [locale, session, subjectId, descriptionId, productId, fallbackButtonId]);

  return (
    <section class="complaint-suggestions" aria-labelledby="suggestions-title" aria-live="polite" hidden={hits === null}>
      <h2 id="suggestions-title">{labels.title}</h2>
      {hits && hits.length > 0 ? (
        <>
          <p class="hint">{labels.intro}</p>
          <ul role="list">
            {hits.map((hit) => (
              <li key={hit.id}>
                <a href={hit.href} target="_blank" rel="noopener" hreflang={hit.lang}>
                  <span lang={hit.lang}>{hit.title}</span>
                  <span class="visually-hidden"> {labels.newTab}</span>
                </a>
                {hit.lang && <span class="suggestion-lang"> ({labels.inEnglish})</span>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="hint">{labels.none}</p>
      )}
    </section>
  );
}
