/**
 * A refused settings form, as the routing pages show it: the problems (one message per field), which
 * section of the page the form belongs to (`team-add` -> `team`), and what was typed, to show it again.
 */
export interface FailedForm {
  section: string;
  errors: Record<string, string>;
  /** The messages in one line, for the flash at the top of the page. */
  message: string;
  values: Record<string, string>;
}

export function failedForm(values: Record<string, string>, errors: Record<string, string>): FailedForm {
  return { section: (values.action ?? '').split('-')[0] ?? '', errors, message: Object.values(errors).join(' '), values };
}

/** A field's value: what was typed when the form was refused, else the stored value. */
export function fieldValue(failed: FailedForm | undefined, key: string, stored: string | null | undefined): string {
  return failed ? (failed.values[key] ?? '') : (stored ?? '');
}

/** `aria-invalid` for a field the refusal names. */
export function invalid(failed: FailedForm | undefined, field: string): 'true' | undefined {
  return failed?.errors[field] ? 'true' : undefined;
}

export const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
