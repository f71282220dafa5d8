/** Calendar arithmetic for the EPA rules: month ends, leap years and invalid input. */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWeeks, compareDates, daysBetween, endOfWeek, formatDate, isValidIsoDate, parseIsoDate, todayIso } from '../../src/lib/dates';

describe('parsing', () => {
  it('accepts real dates only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-02-29')).toBeUndefined();
    expect(parseIsoDate('1900-02-29')).toBeUndefined(); // 1900 was not a leap year
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    for (const bad of ['2025-13-01', '2025-04-31', '2025-4-1', '01/04/2025', '', 'tomorrow', '2025-00-10', '1800-01-01']) {
      expect(isValidIsoDate(bad), bad).toBe(false);
    }
  });
});

describe('adding months clamps to the end of the month', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-02-28', 12, '2024-02-28'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-10-15', 3, '2026-01-15'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-01', 1, '2026-01-01'],
  ])('%s + %i months = %s', (start, months, expected) => {
    expect(addMonths(start, months)).toBe(expected);
  });
  it('refuses an invalid date rather than guessing', () => {
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('days and weeks', () => {
  it('adds across month, year and daylight-saving boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31'); // UK clocks change on 30 March 2025
    expect(addWeeks('2025-10-20', 2)).toBe('2025-11-03');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
  it('counts and compares', () => {
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-06-10', '2025-06-01')).toBe(-9);
    expect([compareDates('2025-01-01', '2025-01-02'), compareDates('2025-01-02', '2025-01-02'), compareDates('2025-02-01', '2025-01-02')]).toEqual([-1, 0, 1]);
  });
  it('finds the last day of week n of a period', () => {
    expect(endOfWeek('2026-01-05', 1)).toBe('2026-01-11');
    expect(endOfWeek('2026-01-05', 8)).toBe('2026-03-01');
  });
});

describe('display', () => {
  it('formats in British English', () => {
    expect(formatDate('2025-03-14')).toBe('14 March 2025');
    expect(formatDate('2025-03-14', { weekday: true })).toBe('Friday 14 March 2025');
  });
  it('takes today from the local calendar', () => {
    expect(todayIso(new Date(2026, 10, 24, 23, 30))).toBe('2026-11-24');
  });
});
