import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPounds } from '../../src/lib/format';

describe('formatNumber', () => {
  it('writes numbers as British English does', () => {
    expect(formatNumber(5000)).toBe('5,000');
    expect(formatNumber(1234567.891)).toBe('1,234,567.891');
    expect(formatNumber(2.25, 2)).toBe('2.25');
    expect(formatNumber(2.5, 2)).toBe('2.5');
    expect(formatNumber(12.35, 1)).toBe('12.4');
    expect(formatNumber(999.96, 1)).toBe('1,000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-1500.5, 0)).toBe('-1,501');
    expect(formatPounds(22000)).toBe('£22,000');
  });

  it('gives the same text as toLocaleString("en-GB") for any number and any number of digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(0, -0, 0.5, 1.005, 2.675, 1e-7, Infinity, -Infinity, NaN)), fc.integer({ min: 0, max: 3 }), (value, digits) => {
        expect(formatNumber(value, digits)).toBe(value.toLocaleString('en-GB', { maximumFractionDigits: digits }));
      }),
      { numRuns: 2000 },
    );
  });
});
