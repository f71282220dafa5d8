import { describe, expect, it } from 'vitest';
import { median } from '../../scripts/bench/stats.mjs';

describe('the bench’s median', () => {
  it('is the middle figure, or the mean of the middle two, whatever the order given', () => {
    expect(median([310, 120, 165])).toBe(165);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
  });
});
