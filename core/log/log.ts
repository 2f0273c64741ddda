/**
 * One JSON object per line on stdout (errors on stderr), so log collectors parse them without rules.
 * Callers pass only what an operator needs to follow a request: ids, routes, statuses, durations,
 * counts and error messages; never addresses, e-mail, names, form fields or query strings.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export type LogFields = Record<string, string | number | boolean | undefined>;

export function logEvent(level: LogLevel, event: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === 'error') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
