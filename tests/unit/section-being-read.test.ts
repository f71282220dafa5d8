/** The "On this page" list's choice of the section being read (src/lib/section-being-read.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingTop, LAID_OUT_WHEN_NEAR, sectionBeingRead, type HeadingBox } from '../../src/lib/section-being-read';

const LINE = 300; // a third of a 900-pixel window

describe('sectionBeingRead', () => {
  it('a heading jumped to is the one marked, even when the next one is also near the top (a short section)', () => {
    // "Pitfalls" at the window's top (its scroll margin), "Key terms" 214 px below it, above the line.
    expect(sectionBeingRead([-2400, -900, 48, 262, 900], LINE)).toBe(2);
    expect(sectionBeingRead([-2400, -900, -0.5, 213.5, 900], LINE), 'a pixel of rounding').toBe(2);
  });

  it('a section read past its heading stays marked until the next heading reaches the top third', () => {
    expect(sectionBeingRead([-2400, -900, -100, 500], LINE)).toBe(2);
    expect(sectionBeingRead([-2400, -900, -100, 290], LINE)).toBe(3);
  });

  it('nothing before the first heading has come near the top; headings not on the page are passed over', () => {
    expect(sectionBeingRead([400, 900], LINE)).toBe(-1);
    expect(sectionBeingRead([undefined, 120, undefined], LINE)).toBe(1);
    expect(sectionBeingRead([-50, undefined, 700], LINE)).toBe(0);
    expect(sectionBeingRead([], LINE)).toBe(-1);
  });

  it('always a heading on the page (or none), never one below the line', () => {
    const tops = fc.array(fc.option(fc.integer({ min: -5000, max: 5000 }), { nil: undefined }), { maxLength: 12 }).map((list) => {
      // In page order, as headings are: each one further down than the one before.
      let at = -6000;
      return list.map((top) => (top === undefined ? undefined : (at = Math.max(at + 1, top))));
    });
    fc.assert(
      fc.property(tops, fc.integer({ min: 1, max: 1000 }), (list, line) => {
        const i = sectionBeingRead(list, line);
        if (i === -1) return list.every((top) => top === undefined || top > line);
        expect(list[i]).toBeDefined();
        expect(list[i]!).toBeLessThanOrEqual(line);
        // Nothing between it and the window's top: it is the last heading above, or the first showing.
        const showing = list.findIndex((top) => top !== undefined && top >= -1);
        return (
          showing === i || (list[i]! < -1 && (showing === -1 || list[showing]! > line) && list.slice(i + 1).every((top) => top === undefined || top >= -1))
        );
      }),
    );
  });
});

describe('headingTop', () => {
  /** A heading at `top`, in a part at `partTop` (or in none), laid out or not; counts the boxes asked for. */
  function heading(top: number, part?: { top: number; laidOut: boolean }, checkVisibility = true) {
    const asked: string[] = [];
    const box = (name: string, at: number): HeadingBox => ({
      closest: () => null,
      getBoundingClientRect: () => (asked.push(name), { top: at }),
    });
    const holder = part ? box('part', part.top) : null;
    const self: HeadingBox = {
      closest: (selector) => (selector === LAID_OUT_WHEN_NEAR ? holder : null),
      getBoundingClientRect: () => (asked.push('heading'), { top }),
      ...(checkVisibility ? { checkVisibility: ({ contentVisibilityAuto }) => !(contentVisibilityAuto && part && !part.laidOut) } : {}),
    };
    return { self, asked };
  }

  it('a heading laid out, or in no part, is taken where it is', () => {
    const inPart = heading(120, { top: 80, laidOut: true });
    expect(headingTop(inPart.self)).toBe(120);
    const alone = heading(-40);
    expect(headingTop(alone.self)).toBe(-40);
  });

  it('a heading in a part not laid out yet is taken at its part’s top, and its own box is never asked for (that would lay the part out)', () => {
    const far = heading(5200, { top: 5100, laidOut: false });
    expect(headingTop(far.self)).toBe(5100);
    expect(far.asked).toEqual(['part']);
  });

  it('in a browser without checkVisibility, every heading is taken where it is', () => {
    const old = heading(5200, { top: 5100, laidOut: false }, false);
    expect(headingTop(old.self)).toBe(5200);
  });
});
