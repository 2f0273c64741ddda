const dangerousTags = /^(script|iframe|object|embed|style|link|meta|base|form|svg|math)$/i;
const urlAttributes = /^(href|src|action|formaction|xlink:href|srcset|cite|longdesc)$/i;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
}

/** Returns the first piece of markup that could run script, or undefined when the HTML is inert. */
export function findUnsafeMarkup(html: string): string | undefined {
  for (const tag of html.matchAll(/<([a-z][a-z0-9-]*)\b([^>]*)>/gi)) {
    const [whole, name = '', attrs = ''] = tag;
    if (dangerousTags.test(name)) return whole;
    for (const attr of attrs.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const attrName = attr[1] ?? '';
      const value = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '').replace(/[\u0000-\u0020]/g, '');
      if (/^on/i.test(attrName) || /^style$/i.test(attrName)) return whole;
      if (urlAttributes.test(attrName) && /^(javascript|vbscript|data):/i.test(value)) return whole;
    }
  }
  return undefined;
}
