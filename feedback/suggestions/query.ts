/** The search query behind "answers before the complaint": the subject, then the description, to 200 characters. */
export function suggestionQuery(subject: string, description: string, max = 200): string {
  const text = `${subject.trim()} ${description.trim()}`.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? cut.slice(0, space) : cut;
}

/** At most this many articles are suggested. */
export const maxSuggestions = 5;
