/**
 * One JSON object per line on stdout (errors on stderr), so log collectors parse them without rules.
 * Callers pass only what an operator needs to follow a request: ids, routes, statuses, durations,
 * counts and error messages; never addresses, e-mail, names, form fields or query strings.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export type LogFields = Record<string, string | number | boolean | undefined>;

/** A last guard for messages passed through from elsewhere (a mail server's refusal names its recipient). */
const emailAddress = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;

function withoutAddresses(fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v.replace(emailAddress, '[email]') : v]));
}

export function logEvent(level: LogLevel, event: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...withoutAddresses(fields) });
  if (level === 'error') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
