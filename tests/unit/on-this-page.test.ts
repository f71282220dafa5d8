/** The build step that lists a long page's sections ("On this page") beside its content. */
import { describe, expect, it } from 'vitest';
import { addOnThisPage, MIN_SECTIONS, PLACEHOLDER, sectionsOf } from '../../integrations/on-this-page.mjs';

const page = (main: string, placeholder = PLACEHOLDER) =>
  `<html><body><h2 id="site">Not in main</h2><div class="page-body"><main id="main">${main}</main>${placeholder}</div></body></html>`;
const three = '<h2 id="a">Alpha</h2><p>x</p><section><h2 class="big" id="b">Beta <span class="count">(5)</span></h2></section><h2 id="c">Gamma &amp; delta</h2>';

describe('sectionsOf', () => {
  it('lists each visible <h2 id> inside <main>, with its text', () => {
    expect(sectionsOf(page(three))).toEqual([
      { id: 'a', text: 'Alpha' },
      { id: 'b', text: 'Beta (5)' },
      { id: 'c', text: 'Gamma &amp; delta' },
    ]);
  });
  it('skips headings without an id, hidden headings and headings outside <main>', () => {
    expect(sectionsOf(page('<h2>No id</h2><h2 id="h" class="visually-hidden">Hidden</h2><h3 id="d">Deeper</h3>'))).toEqual([]);
  });
});

describe('addOnThisPage', () => {
  it('fills the placeholder with links to the sections, in order', () => {
    const html = addOnThisPage(page(three));
    expect(html).not.toContain(PLACEHOLDER);
    expect(html).toContain('<nav class="toc" aria-label="Contents of this page" data-pagefind-ignore><h2 class="toc__title">On this page</h2>');
    expect([...html.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['a', 'Alpha'],
      ['b', 'Beta (5)'],
      ['c', 'Gamma &amp; delta'],
    ]);
  });
  it(`removes the placeholder from a page with fewer than ${MIN_SECTIONS} sections`, () => {
    const html = addOnThisPage(page('<h2 id="a">Alpha</h2><h2 id="b">Beta</h2>'));
    expect(html).not.toContain('data-on-this-page');
    expect(html).not.toContain('class="toc"');
  });
  it('leaves a page that did not ask for the list as it is', () => {
    const plain = page(three, '');
    expect(addOnThisPage(plain)).toBe(plain);
  });
});
