/**
 * Parts of a page indexed as search results of their own (scripts/search-records.mjs): the
 * glossary's terms, each linked to its anchor, in the page's language, with its type.
 */
import { describe, expect, it } from 'vitest';
import { searchRecords } from '../../scripts/search-records.mjs';

const page = `<!doctype html><html lang="en-GB"><body><main data-pagefind-body>
<h1>Glossary</h1>
<section data-pagefind-ignore="all"><dl class="glossary">
<div class="glossary__entry" id="concept-drift" data-search-record="Glossary"><dt><dfn data-pagefind-meta="title">Concept drift</dfn></dt><dd><p>The relationship changes.</p><div class="x"><div>nested</div></div></dd></div>
<div data-search-record="Glossary" class="glossary__entry" id="data-drift"><dt><dfn data-pagefind-meta="title">Data drift</dfn></dt><dd><p>Inputs change.</p></dd></div>
</dl></section></main></body></html>`;

describe('searchRecords', () => {
  const records = searchRecords(page, '/glossary/');

  it('makes each marked element a record at the page’s address with its anchor, whatever the order of its attributes', () => {
    expect(records.map((r) => [r.id, r.url, r.type])).toEqual([
      ['concept-drift', '/glossary/#concept-drift', 'Glossary'],
      ['data-drift', '/glossary/#data-drift', 'Glossary'],
    ]);
  });

  it('holds the whole element, nested elements of the same tag included, and nothing after it', () => {
    expect(records[0]!.html).toContain('<div>nested</div></div></dd></div></main>');
    expect(records[0]!.html).not.toContain('Data drift');
  });

  it('is a document Pagefind indexes: the page’s language, a body to index, the type as a filter', () => {
    expect(records[1]!.html).toMatch(/^<!doctype html><html lang="en-GB">/);
    expect(records[1]!.html).toContain('<main data-pagefind-body><span data-pagefind-filter="type:Glossary"></span><div data-search-record="Glossary"');
  });

  it('finds none in a page without marked parts', () => {
    expect(searchRecords('<html lang="en-GB"><body><div id="x">text</div></body></html>', '/about/')).toEqual([]);
  });

  it('refuses a marked element without an id (it could not be linked to)', () => {
    expect(() => searchRecords('<html><body><div data-search-record="Glossary">x</div></body></html>', '/glossary/')).toThrow(/needs an id/);
  });
});
