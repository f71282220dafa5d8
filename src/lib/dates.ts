/**
 * Calendar-date arithmetic for the EPA rules ("12 months on programme", "two weeks after gateway",
 * "end of week eight"). Dates are plain calendar dates written YYYY-MM-DD, with no time of day and
 * no time zone, so a date never shifts by a day because of where the user is.
 *
 * Month arithmetic clamps to the end of the month: 31 January + 1 month = 28 February (29 in a
 * leap year). That is the usual reading of "N months from" in rules like these, and it never
 * jumps into the month after.
 */

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** "2025-02-29" → undefined (no such day); "2024-02-29" → { 2024, 2, 29 }. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isValidIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

function require(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new RangeError(`Not a valid date: "${text}"`);
  return date;
}

/** Adds whole months, clamping to the last day of the target month. */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = require(iso);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return toIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** Milliseconds in a day of 24 hours. */
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar date (UTC arithmetic, so no daylight-saving effects). */
function dayNumber(iso: string): number {
  const { year, month, day } = require(iso);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return toIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

export function addWeeks(iso: string, weeks: number): string {
  return addDays(iso, weeks * 7);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** -1, 0 or 1, like a comparator. */
export function compareDates(a: string, b: string): number {
  return Math.sign(daysBetween(b, a));
}

/**
 * Orders two saved times (or dates, "2026-01-05" read as that midnight UTC) as instants: for sorting
 * what was saved, newest first or oldest first. Not as text: a valid timestamp may carry an offset or
 * another precision ("2026-01-05T10:30+01:00" is before "2026-01-05T09:30:00.001Z", though it sorts
 * after it as text), and a merge must keep the one that is really newer. Not with localeCompare
 * either: its collator took 20–30 ms to start in Chromium here, on the main thread (issue #20). No
 * time (or one that cannot be read) is before every time, and nothing throws; one instant written
 * two ways is a tie.
 */
export function compareTimes(x: string | undefined, y: string | undefined): number {
  const at = (t: string | undefined) => {
    const ms = t ? Date.parse(t) : NaN;
    return Number.isNaN(ms) ? -Infinity : ms;
  };
  const [tx, ty] = [at(x), at(y)];
  return tx < ty ? -1 : tx > ty ? 1 : 0;
}

/** The last day of week `n` of a period starting on `start` (week 1 is start … start + 6 days). */
export function endOfWeek(start: string, n: number): string {
  return addDays(start, n * 7 - 1);
}

/** Today's date where the user is. */
export function todayIso(now = new Date()): string {
  return toIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/**
 * The date, where the user is, of a saved moment ("2026-07-31T23:30:00.000Z" is 1 August in London):
 * not its first ten characters, which are the date in UTC. Undefined if it is not a time.
 */
export function dayOf(timestamp: string): string | undefined {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? undefined : todayIso(new Date(time));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * "2025-03-14" → "14 March 2025", or "Friday 14 March 2025" with the weekday: the GOV.UK style,
 * built by hand because Intl's punctuation differs between ICU versions.
 */
export function formatDate(iso: string, options: { weekday?: boolean } = {}): string {
  const { year, month, day } = require(iso);
  const date = `${day} ${MONTHS[month - 1]} ${year}`;
  return options.weekday ? `${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]} ${date}` : date;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * A moment's time of day where the learner is, on the 24-hour clock: "07:03". The same text as
 * `toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })` (a property test holds them
 * equal), without Intl: starting Intl's date formatting took 20–50 ms in Chromium here, on the
 * main thread, the first time a page said "Saved at" (the learner's first answer; issue #20).
 */
export function formatTime(moment: Date): string {
  return `${twoDigits(moment.getHours())}:${twoDigits(moment.getMinutes())}`;
}

/** A moment as the learner's own calendar and clock have it: "5 September 2026, 07:03" (formatDate's style). */
export function formatDateTime(moment: Date): string {
  return `${formatDate(todayIso(moment))}, ${formatTime(moment)}`;
}

/* ───────────────────── Dates a learner enters, and saved timestamps ───────────────────── */

/**
 * The range of dates a learner can enter or have saved (start, gateway, assessment dates). The
 * arithmetic above works from 1900 to 2200, so every rule applied to a date in this range (years
 * added for deadlines, say) stays within what it supports.
 */
export const DATE_RANGE = { min: '2000-01-01', max: '2099-12-31' } as const;
export const DATE_RANGE_TEXT = `between ${formatDate(DATE_RANGE.min)} and ${formatDate(DATE_RANGE.max)}`;

/** A real calendar date within DATE_RANGE. */
export function isDateInRange(text: string): boolean {
  return isValidIsoDate(text) && compareDates(text, DATE_RANGE.min) >= 0 && compareDates(text, DATE_RANGE.max) <= 0;
}

/** What is wrong with a date the learner typed, in words for the field's error message; undefined when it is fine. */
export function dateError(iso: string | undefined): string | undefined {
  if (iso === undefined || !isValidIsoDate(iso)) return 'Enter a real date, for example 1 9 2025';
  if (!isDateInRange(iso)) return `Enter a date ${DATE_RANGE_TEXT}`;
  return undefined;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date and time (as Date.prototype.toISOString writes), on a date within DATE_RANGE. */
export function isTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  return match !== null && isDateInRange(match[1]!) && !Number.isNaN(Date.parse(text));
}

/* ─────────────── A date typed as day, month and year boxes (GOV.UK date input) ─────────────── */

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** "2025-09-01" → { day: '1', month: '9', year: '2025' } */
export function isoToParts(iso: string | undefined): DateParts {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match ? { year: match[1]!, month: String(Number(match[2])), day: String(Number(match[3])) } : { day: '', month: '', year: '' };
}

/** { day: '1', month: '9', year: '2025' } → "2025-09-01", or undefined unless all three parts are numbers. */
export function partsToIso({ day, month, year }: DateParts): string | undefined {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return undefined;
  return `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
}
