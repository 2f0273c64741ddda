/**
 * Working time: deadlines can count only the hours a team works (for example Monday to Friday,
 * 08:00 to 17:00 in Helsinki). Wall-clock times are read in the team's time zone with Intl, so summer
 * time is followed without a time-zone library.
 */
export interface BusinessHours {
  enabled: boolean;
  /** IANA time zone, e.g. Europe/Helsinki. */
  timeZone: string;
  /** ISO weekdays that are working days: 1 = Monday ... 7 = Sunday. */
  days: number[];
  /** Opening and closing time, HH:MM (24 h); closing after opening. */
  start: string;
  end: string;
}

export const defaultBusinessHours: BusinessHours = { enabled: false, timeZone: 'Europe/Helsinki', days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' };

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function parseClock(hhmm: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Weekday (1-7) and milliseconds since local midnight of an instant in a time zone. */
export function localTime(at: Date, timeZone: string): { weekday: number; msOfDay: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  const ms = ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + at.getUTCMilliseconds();
  return { weekday: weekdays[parts.weekday ?? 'Mon'] ?? 1, msOfDay: ms };
}

/** Problems with a business-hours setting, by field; empty when it can be used. */
export function checkBusinessHours(h: BusinessHours): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isTimeZone(h.timeZone)) errors.timeZone = 'Use an IANA time zone such as Europe/Helsinki.';
  const start = parseClock(h.start);
  const end = parseClock(h.end);
  if (start === undefined) errors.start = 'Use HH:MM, for example 08:00.';
  if (end === undefined) errors.end = 'Use HH:MM, for example 17:00.';
  if (start !== undefined && end !== undefined && end <= start) errors.end = 'Closing time must be after opening time.';
  if (h.days.length === 0 || h.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) errors.days = 'Choose at least one working day.';
  return errors;
}

/**
 * The instant `durationMs` of working time after `from`. Without business hours (or with a broken
 * setting) it is plain elapsed time.
 */
export function addWorkingTime(from: Date, durationMs: number, hours: BusinessHours | undefined): Date {
  if (!hours?.enabled || Object.keys(checkBusinessHours(hours)).length) return new Date(from.getTime() + durationMs);
  const open = parseClock(hours.start)! * minuteMs;
  const close = parseClock(hours.end)! * minuteMs;
  let t = from.getTime();
  let remaining = durationMs;
  for (let guard = 0; guard < 10_000; guard++) {
    const { weekday, msOfDay } = localTime(new Date(t), hours.timeZone);
    const workingDay = hours.days.includes(weekday);
    if (workingDay && msOfDay >= open && msOfDay < close) {
      const untilClose = close - msOfDay;
      if (remaining <= untilClose) return new Date(t + remaining);
      remaining -= untilClose;
      t += untilClose;
    } else if (workingDay && msOfDay < open) {
      t += open - msOfDay;
    } else {
      // To the next local midnight; the loop then moves on to the opening time of a working day.
      t += dayMs - msOfDay;
    }
  }
  return new Date(t + remaining);
}
