/**
 * Parts of a page that are search results of their own (scripts/index-search.mjs): each element
 * marked `data-search-record="<type>"`, with an id, becomes a record linked to its anchor
 * (`<page>#<id>`), of that type. The glossary marks each term so: a query that finds a term shows
 * that term, and fetches its few hundred bytes rather than the whole page. The page keeps the
 * marked parts out of its own record with data-pagefind-ignore="all".
 */

export const RECORD_ATTRIBUTE = 'data-search-record';

const attribute = (attrs, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** Where the element that opens at `from` (its tag `tag`) closes, counting nested elements of the same tag. */
function closingEnd(html, tag, from) {
  const tags = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/**
 * The records in a built page's HTML, each as an HTML document for Pagefind (the element within a
 * <main data-pagefind-body> of the page's language, with the type as its "type" filter).
 * @param {string} html the page as built
 * @param {string} pageUrl the page's address as the index gives it ("/glossary/")
 * @returns {Array<{ id: string, url: string, type: string, html: string }>}
 */
export function searchRecords(html, pageUrl) {
  const lang = /<html\b[^>]*\slang="([^"]+)"/i.exec(html)?.[1] ?? 'en';
  const opening = /<([a-z][a-z0-9-]*)(\s[^>]*)>/gi;
  const records = [];
  for (let m = opening.exec(html); m; m = opening.exec(html)) {
    const [tag, attrs] = [m[1], m[2]];
    if (attribute(attrs, RECORD_ATTRIBUTE) === undefined) continue;
    const id = attribute(attrs, 'id');
    const type = attribute(attrs, RECORD_ATTRIBUTE);
    const end = closingEnd(html, tag, m.index + m[0].length);
    if (!id || !type || end < 0) throw new Error(`A ${RECORD_ATTRIBUTE} element in ${pageUrl} needs an id, a type and its closing tag: ${m[0]}`);
    const body = html.slice(m.index, end);
    records.push({
      id,
      url: `${pageUrl.split('#')[0]}#${id}`,
      type,
      html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body><main data-pagefind-body><span data-pagefind-filter="type:${type}"></span>${body}</main></body></html>`,
    });
    opening.lastIndex = end;
  }
  return records;
}
