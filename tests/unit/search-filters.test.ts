import { describe, expect, it } from 'vitest';
import { readSearchFilters } from '../../src/lib/search/search-filters';

const available = { type: { KSB: 70, Duty: 9 }, kind: { Skill: 34, Knowledge: 31 }, method: { AM1: 30, AM2: 40 }, theme: {} };

describe('search page filters from the address', () => {
  it('keeps filters the index knows and names the rest', () => {
    const { chosen, ignored } = readSearchFilters(new URLSearchParams('q=drift&type=KSB&kind=../&kind=Skill&colour=red&type=KSB'), available);
    expect(chosen).toEqual({ type: ['KSB'], kind: ['Skill'], method: [], theme: [] });
    expect(ignored).toEqual(['kind=../', 'colour=red']);
  });

  it('does not treat a prototype key as a known value', () => {
    expect(readSearchFilters(new URLSearchParams('type=constructor&kind=__proto__'), available).ignored).toEqual(['type=constructor', 'kind=__proto__']);
  });
});
