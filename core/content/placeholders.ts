/**
 * Placeholders in reply templates: `{{customer.name}}` and the like, filled from the complaint being
 * answered. A template naming any other placeholder is refused when saved, with its position, so an
 * agent never sends "Dear {{custmer.name}}".
 */
export const placeholderNames = [
  'customer.name',
  'customer.email',
  'complaint.reference',
  'complaint.subject',
  'complaint.product',
  'complaint.trackingUrl',
  'agent.name',
] as const;
export type PlaceholderName = (typeof placeholderNames)[number];

export const placeholderDescriptions: Record<PlaceholderName, string> = {
  'customer.name': 'the customer’s name',
  'customer.email': 'the customer’s email address',
  'complaint.reference': 'the complaint’s reference, for example C-2026-000042',
  'complaint.subject': 'the subject the customer gave',
  'complaint.product': 'the product’s name',
  'complaint.trackingUrl': 'a fresh link to the customer’s tracking page (made when the reply is sent)',
  'agent.name': 'the name of the agent who replies',
};

const pattern = /\{\{\s*([^{}\s]*)\s*\}\}/g;

export function isPlaceholder(name: string): name is PlaceholderName {
  return (placeholderNames as readonly string[]).includes(name);
}

/** Every `{{...}}` in the text, with where it starts. */
export function placeholdersIn(text: string): Array<{ name: string; index: number; raw: string }> {
  return [...text.matchAll(pattern)].map((m) => ({ name: m[1] ?? '', index: m.index, raw: m[0] }));
}

export type PlaceholderValues = Partial<Record<PlaceholderName, string | null | undefined>>;

/**
 * Fills the placeholders that have a value. Those without one stay in the text as written and are
 * listed in `missing`, for the agent to fill by hand: a placeholder is never silently dropped.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(pattern, (raw, name: string) => {
    const value = isPlaceholder(name) ? values[name] : undefined;
    if (value) return value;
    missing.add(name);
    return raw;
  });
  return { text: filled, missing: [...missing] };
}
