/** A revision note's parts, each laid out only when near the screen (integrations/note-parts.mjs). */
import { describe, expect, it } from 'vitest';
import { noteParts, notePartsOf, type HastNode } from '../../integrations/note-parts.mjs';

const el = (tagName: string): HastNode => ({ type: 'element', tagName, children: [] });
const text = (): HastNode => ({ type: 'text' });

describe('notePartsOf', () => {
  it('takes each level-2 heading with what follows it up to the next', () => {
    const [h1, h2a, p1, ul, h2b, p2, h3] = [el('h1'), el('h2'), el('p'), el('ul'), el('h2'), el('p'), el('h3')];
    const parts = notePartsOf([h1!, text(), h2a!, p1!, ul!, h2b!, p2!, h3!]);
    expect(parts.map((part) => part.heading)).toEqual([h2a, h2b]);
    expect(parts[0]!.rest).toEqual([p1, ul]);
    expect(parts[1]!.rest, 'a lower heading stays in its part').toEqual([p2, h3]);
  });

  it('leaves what comes before the first heading, and every ES module statement, where it is', () => {
    const esm: HastNode = { type: 'mdxjsEsm' };
    const [intro, h2, p] = [el('p'), el('h2'), el('p')];
    const parts = notePartsOf([intro!, h2!, esm, p!]);
    expect(parts).toEqual([{ heading: h2, rest: [p] }]);
    expect(notePartsOf([intro!, el('h3')])).toEqual([]);
  });

  it('is applied to MDX (the notes) only', () => {
    expect(noteParts({ sourceFormat: 'mdx' })).toMatchObject({ name: 'note-parts' });
    expect(noteParts({ sourceFormat: 'markdown' })).toBeNull();
  });
});
