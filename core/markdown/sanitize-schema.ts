import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';
import { retentionPeriodClass } from './components.ts';

const base = defaultSchema.attributes ?? {};

/**
 * GitHub's sanitize schema plus the few classes our components emit. Anything else (script, style,
 * event handlers, javascript: URLs, unknown elements) is dropped whatever produced it.
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside'],
  attributes: {
    ...base,
    aside: [['className', 'callout', 'callout-note', 'callout-tip', 'callout-warning']],
    section: [...(base.section ?? []), ['className', 'answer', 'footnotes']],
    div: [...(base.div ?? []), ['className', 'steps', 'answer-text']],
    p: [['className', 'callout-title', 'answer-title']],
    table: [...(base.table ?? [])],
    span: [...(base.span ?? []), ['className', retentionPeriodClass]],
  },
};
