import type { Element, ElementContent } from 'hast';
import type { Messages } from '../i18n/messages.ts';

/** The class of the element the article page fills with the configured retention period. */
export const retentionPeriodClass = 'setting-retention-period';

type CalloutKind = 'note' | 'tip' | 'warning';

export interface ComponentSpec {
  /** Block components wrap Markdown; inline ones sit inside a paragraph. */
  kind: 'block' | 'inline';
  attributes: readonly string[];
  required?: readonly string[];
  build: (props: Record<string, string>, children: ElementContent[], labels: Messages['callout']) => Element;
}

function el(tagName: string, className: string | undefined, children: ElementContent[], extra: Record<string, string> = {}): Element {
  return { type: 'element', tagName, properties: { ...(className ? { className: className.split(' ') } : {}), ...extra }, children };
}

function callout(kind: CalloutKind): ComponentSpec {
  return {
    kind: 'block',
    attributes: ['title'],
    build: (props, children, labels) =>
      el('aside', `callout callout-${kind}`, [
        el('p', 'callout-title', [{ type: 'text', value: props.title ?? labels[kind] }]),
        ...children,
      ]),
  };
}

/** The whole vocabulary staff may use in an article, each mapped to plain, script-free HTML. */
export const components: Record<string, ComponentSpec> = {
  Note: callout('note'),
  Tip: callout('tip'),
  Warning: callout('warning'),
  Steps: { kind: 'block', attributes: [], build: (_p, children) => el('div', 'steps', children) },
  Answer: {
    kind: 'block',
    attributes: [],
    build: (_p, children, labels) =>
      el('section', 'answer', [el('p', 'answer-title', [{ type: 'text', value: labels.answer }]), el('div', 'answer-text', children)]),
  },
  Details: {
    kind: 'block',
    attributes: ['summary'],
    required: ['summary'],
    build: (props, children) => el('details', undefined, [el('summary', undefined, [{ type: 'text', value: props.summary ?? '' }]), ...children]),
  },
  Kbd: { kind: 'inline', attributes: [], build: (_p, children) => el('kbd', undefined, children) },
  /** The retention period from the configuration, filled in when the page is rendered (core/content/article-settings.ts). */
  RetentionPeriod: { kind: 'inline', attributes: [], build: () => el('span', retentionPeriodClass, []) },
};

export const componentNames = Object.keys(components);
