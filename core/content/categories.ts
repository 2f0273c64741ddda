export const categories = ['product-feature', 'faq', 'service-terms', 'claim-rules', 'internal-guide', 'reply-template'] as const;
export type Category = (typeof categories)[number];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (categories as readonly string[]).includes(value);
}

/** Reply templates: internal articles whose `reply` agents insert into their answer to a complaint. */
export const templateCategory = 'reply-template' satisfies Category;

/** Categories whose articles are only for staff: the public site neither lists nor links them. */
export const staffCategories: readonly Category[] = ['internal-guide', templateCategory];

/** The categories a viewer's navigation shows. */
export function categoriesFor(viewer: { kind: 'public' | 'staff' }): Category[] {
  return categories.filter((c) => viewer.kind === 'staff' || !staffCategories.includes(c));
}
