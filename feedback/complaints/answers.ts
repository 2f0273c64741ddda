import type { AnswerCandidate, AnswerFinder } from '@core/answers/port.ts';
import { products } from '@core/content/products.ts';
import { fillPlaceholders, type PlaceholderValues } from '@core/content/placeholders.ts';
import type { StaffMember } from '@core/staff/users.ts';
import type { Complaint } from './model.ts';

/** A suggested answer with the complaint's values filled in; `missing` lists the placeholders left as written. */
export interface SuggestedAnswer extends AnswerCandidate {
  missing: string[];
}

export type Suggestions = { available: true; suggestions: SuggestedAnswer[] } | { available: false; suggestions: [] };

/** How many answers the complaint page offers. */
export const suggestionCount = 3;

/**
 * What a placeholder means for this complaint, as the agent may see it (masked for roles that see
 * masked data). The tracking link is made when the reply is sent, so it is never filled here.
 */
export function placeholderValues(complaint: Complaint, agent: StaffMember): PlaceholderValues {
  return {
    'customer.name': complaint.name,
    'customer.email': complaint.email,
    'complaint.reference': complaint.reference,
    'complaint.subject': complaint.subject,
    'complaint.product': complaint.product ? (products[complaint.product as keyof typeof products] ?? complaint.product) : null,
    'agent.name': agent.name,
  };
}

export function filled(candidate: AnswerCandidate, values: PlaceholderValues): SuggestedAnswer {
  const { text, missing } = fillPlaceholders(candidate.text, values);
  return { ...candidate, text, missing };
}

/**
 * The best answers for the complaint's own words, category and product, in its locale (filled up from
 * English, marked). A search failure never breaks the complaint page: it says suggestions are unavailable.
 */
export async function suggestAnswers(finder: AnswerFinder | undefined, complaint: Complaint, agent: StaffMember, log: (line: string) => void): Promise<Suggestions> {
  if (!finder) return { available: false, suggestions: [] };
  try {
    const found = await finder.find({
      text: `${complaint.subject}\n${complaint.description}`,
      locale: complaint.locale,
      category: complaint.category,
      product: complaint.product,
      limit: suggestionCount,
    });
    const values = placeholderValues(complaint, agent);
    return { available: true, suggestions: found.map((c) => filled(c, values)) };
  } catch (error) {
    log(`[complaints] suggested answers unavailable: ${error instanceof Error ? error.message : error}`);
    return { available: false, suggestions: [] };
  }
}
