import { useEffect, useRef, useState } from 'preact/hooks';
import type { PreviewData } from '@admin/articles/form.ts';

export interface EditorPreviewProps {
  /** The editor form whose fields are previewed. */
  formId: string;
  csrfToken: string;
  /** The file being edited (absent for a new article). */
  file?: string;
  /** What the server rendered for the last submit, if anything. */
  initial: PreviewData | null;
}

const debounceMs = 400;

function collect(form: HTMLFormElement, file: string | undefined): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value === 'string' && name !== '_csrf' && name !== 'intent') data[name] = value;
  }
  if (file) data.file = file;
  return data;
}

/**
 * The live preview: without JavaScript the form's Preview button renders the same markup on the
 * server; with it, this island asks /api/admin/preview (the public page's own pipeline) as you type.
 */
export default function EditorPreview({ formId, csrfToken, file, initial }: EditorPreviewProps) {
  const [preview, setPreview] = useState<PreviewData | null>(initial);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const [live, setLive] = useState(false);
  const abort = useRef<AbortController>();

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    setLive(true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState('loading');
      try {
        const response = await fetch('/api/admin/preview', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify(collect(form, file)),
          signal: controller.signal,
        });
        // 422 carries the problems of the text, to show like any preview.
        if (!response.ok && response.status !== 422) {
          setState('error');
          return;
        }
        setPreview((await response.json()) as PreviewData);
        setState('idle');
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setState('error');
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(run, debounceMs);
    };
    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
    if (!initial) void run();
    return () => {
      clearTimeout(timer);
      form.removeEventListener('input', schedule);
      form.removeEventListener('change', schedule);
      abort.current?.abort();
    };
  }, [formId, csrfToken, file]);

  return (
    <section class="preview" aria-labelledby="preview-title" data-live={live ? 'true' : 'false'}>
      <div class="page-head">
        <h2 id="preview-title">Preview</h2>
        <p class="muted" role="status" aria-live="polite">
          {state === 'loading' ? 'Updating…' : state === 'error' ? 'The preview could not be updated; use the Preview button.' : live ? 'Updates as you type' : ''}
        </p>
      </div>
      {!preview ? (
        <p class="muted">Press “Preview” to see the article as customers will see it.</p>
      ) : preview.diagnostics.length > 0 ? (
        <div class="flash flash-error" id="preview-problems">
          <p><strong>{preview.diagnostics.length === 1 ? 'One problem' : `${preview.diagnostics.length} problems`} to fix before saving:</strong></p>
          <ul class="diagnostics">
            {preview.diagnostics.map((d) => (
              <li>
                <a class="where" href={`#f-${d.field === 'frontmatter' ? 'title' : d.field}`}>{d.where}</a>: {d.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div class="preview-frame" lang={preview.lang}>
          <p class="article-meta">
            {preview.status === 'draft' && <span class="badge">Draft</span>} {preview.audience === 'internal' && <span class="badge badge-internal">Internal</span>}
          </p>
          <p class="preview-title h1">{preview.title}</p>
          <p class="lead">{preview.summary}</p>
          {preview.answer && (
            <section class="answer answer-summary" aria-label={preview.answerLabel}>
              <p class="answer-title">{preview.answerLabel}</p>
              <div class="answer-text"><p>{preview.answer}</p></div>
            </section>
          )}
          <div class="prose" dangerouslySetInnerHTML={{ __html: preview.html ?? '' }} />
        </div>
      )}
    </section>
  );
}
