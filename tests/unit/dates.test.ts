/** Calendar arithmetic for the EPA rules: month ends, leap years and invalid input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWeeks, compareDates, DATE_RANGE, DATE_RANGE_TEXT, dateError, dayOf, daysBetween, endOfWeek, formatDate, formatDateTime, formatTime, isDateInRange, isTimestamp, isValidIsoDate, parseIsoDate, todayIso } from '../../src/lib/dates';
import { savedDate, savedTimestamp } from '../../src/lib/storage/saved-fields';

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
  it('gives a saved moment’s date where the user is, not in UTC (its first ten characters)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      // Half past midnight on 1 August in London (British Summer Time) is 31 July in UTC.
      expect(dayOf('2026-07-31T23:30:00.000Z')).toBe('2026-08-01');
      expect(dayOf('2026-12-03T23:30:00.000Z')).toBe('2026-12-03');
      expect(dayOf('not a time')).toBeUndefined();
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
  it('writes a moment on the learner’s own clock and calendar', () => {
    expect(formatTime(new Date(2026, 8, 5, 7, 3))).toBe('07:03');
    expect(formatTime(new Date(2026, 8, 5, 23, 59, 59))).toBe('23:59');
    expect(formatDateTime(new Date(2026, 8, 5, 0, 0))).toBe('5 September 2026, 00:00');
  });
  it('gives the time of day toLocaleTimeString("en-GB") gives, for any moment', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), (moment) => {
        expect(formatTime(moment)).toBe(moment.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the range of dates a learner can enter or have saved', () => {
  it('runs from 1 January 2000 to 31 December 2099, and says so', () => {
    expect(DATE_RANGE).toEqual({ min: '2000-01-01', max: '2099-12-31' });
    expect(DATE_RANGE_TEXT).toBe('between 1 January 2000 and 31 December 2099');
  });

  it.each([
    ['2000-01-01', true],
    ['2099-12-31', true],
    ['2024-02-29', true],
    ['1999-12-31', false],
    ['2100-01-01', false],
    ['2200-01-01', false],
    ['1900-01-01', false],
    ['2099-02-29', false],
    ['2099-12-32', false],
  ])('%s is in range: %s', (iso, inRange) => {
    expect(isDateInRange(iso)).toBe(inRange);
    expect(savedDate().safeParse(iso).success).toBe(inRange);
  });

  it('gives the field a message: a real date first, then the range', () => {
    expect(dateError('2000-01-01')).toBeUndefined();
    expect(dateError('2099-12-31')).toBeUndefined();
    expect(dateError('1999-12-31')).toBe('Enter a date between 1 January 2000 and 31 December 2099');
    expect(dateError('2200-01-01')).toBe('Enter a date between 1 January 2000 and 31 December 2099');
    expect(dateError('2025-02-30')).toBe('Enter a real date, for example 1 9 2025');
    expect(dateError(undefined)).toBe('Enter a real date, for example 1 9 2025');
  });

  it('rejects a saved date out of range with the range in the reason', () => {
    const result = savedDate().safeParse('2200-01-01');
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('must be a real date between 1 January 2000 and 31 December 2099');
  });

  it('bounds saved timestamps by the same range', () => {
    expect(isTimestamp('2000-01-01T00:00:00.000Z')).toBe(true);
    expect(isTimestamp('2099-12-31T23:59:59Z')).toBe(true);
    expect(isTimestamp('1999-12-31T23:59:59.999Z')).toBe(false);
    expect(isTimestamp('2100-01-01T00:00:00Z')).toBe(false);
    expect(isTimestamp('yesterday')).toBe(false);
    expect(savedTimestamp().safeParse('2200-01-01T00:00:00Z').success).toBe(false);
  });

  it('keeps every date the rules derive from the range within what the arithmetic supports', () => {
    // Deadlines a few years from the last day in range stay computable (the arithmetic runs to 2200).
    expect(addMonths(DATE_RANGE.max, 24)).toBe('2101-12-31');
    expect(addDays(DATE_RANGE.min, -1)).toBe('1999-12-31');
    expect(parseIsoDate('2200-12-31')).toEqual({ year: 2200, month: 12, day: 31 });
    expect(parseIsoDate('2201-01-01')).toBeUndefined();
  });
});
