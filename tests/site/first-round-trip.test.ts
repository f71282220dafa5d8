/**
 * What integrations/first-round-trip.mjs promises of every built page: nothing in <head> waits for
 * a stylesheet; the site's stylesheets still load, after the content (for what scripts add, and for
 * print), as one request: one file that is Astro's stylesheets concatenated, shared by every page
 * of a type; and every class the page uses that a stylesheet styles is styled by the page's inline
 * CSS too, so the first render already looks like the last.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, distBuilt, htmlPages, readPage } from '../support/dist';
import { basePathFromEnv, withoutBase } from '../../src/lib/base-path.mjs';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

const classesOf = (html: string) => new Set([...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/).filter(Boolean)));
/** The classes and element names a selector names, leaving out those in parentheses (:not(.x)) and brackets ([x]). */
const namesOfSelector = (selector: string) => {
  let outer = selector.replace(/\[[^\]]*\]/g, '');
  while (/\([^()]*\)/.test(outer)) outer = outer.replace(/\([^()]*\)/g, '');
  return {
    classes: [...outer.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!),
    tags: [...outer.matchAll(/(?:^|[\s>+~])([a-z][a-z0-9-]*)/g)].map((m) => m[1]!),
  };
};
/** Each selector of each style rule of a stylesheet (a pattern over minified CSS: the text before each "{" that is not an at-rule's). */
const selectorsIn = (css: string) =>
  [...css.replace(/url\([^)]*\)|"[^"]*"/g, '').matchAll(/(?:^|[{};])\s*([^{}@;][^{}]*)\{/g)].flatMap((m) => m[1]!.split(','));
const sheets = new Map<string, string>();
const sheet = (href: string) => {
  if (!sheets.has(href)) sheets.set(href, readFileSync(join(DIST, withoutBase(href, basePathFromEnv())), 'utf8'));
  return sheets.get(href)!;
};

const hrefsOf = (html: string) => [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1]);
/** Astro's own stylesheets (each component's), by file name: everything in _astro/ but the combined files. */
const astroSheets = new Map(
  readdirSync(join(DIST, '_astro'))
    .filter((name) => name.endsWith('.css') && !name.startsWith('styles.'))
    .map((name) => [name, readFileSync(join(DIST, '_astro', name), 'utf8')] as const),
);
/** The Astro stylesheets that, concatenated in this order, make `css` exactly, each used once; or undefined. */
function splitIntoSheets(css: string, used: string[] = []): string[] | undefined {
  if (css === '') return used;
  for (const [name, text] of astroSheets) {
    if (text === '' || used.includes(name) || !css.startsWith(text)) continue;
    const rest = splitIntoSheets(css.slice(text.length), [...used, name]);
    if (rest) return rest;
  }
  return undefined;
}

describe('pages load their stylesheets in one request', () => {
  const pages = htmlPages();
  const hrefs = new Map(pages.map((page) => [page, hrefsOf(readPage(page))]));

  it('link one stylesheet, just before </body>', () => {
    for (const page of pages) {
      expect(hrefs.get(page), `${page}: stylesheet links`).toHaveLength(1);
      expect(readPage(page), page).toMatch(/<link rel="stylesheet" href="[^"]+"><\/body>/);
    }
  });

  it('whose text is Astro’s stylesheets concatenated, each once, Base.css among them (or one of Astro’s own, alone)', () => {
    const base = [...astroSheets.keys()].filter((name) => name.startsWith('Base.'));
    expect(base, 'Base.css in _astro/').toHaveLength(1);
    const checked = new Map<string, string[] | undefined>();
    for (const page of pages) {
      const name = withoutBase(hrefs.get(page)![0]!, basePathFromEnv()).replace(/^\/_astro\//, '');
      if (!checked.has(name)) checked.set(name, astroSheets.has(name) ? [name] : splitIntoSheets(sheet(`/_astro/${name}`)));
      const parts = checked.get(name);
      expect(parts, `${page}: ${name} is a concatenation of Astro’s stylesheets`).toBeDefined();
      if (parts!.length > 1) {
        expect(name, page).toMatch(/^styles\.[\w-]{8,}\.css$/);
        expect(parts, `${page}: ${name} holds Base.css`).toContain(base[0]);
      }
    }
    // The combined files are what most pages load.
    expect([...checked.values()].filter((parts) => parts!.length > 1).length).toBeGreaterThan(10);
  });

  it('the same file for every page of a type', () => {
    const types: [string, RegExp][] = [
      ['KSB', /^\/ksbs\/[ksb]\d+\/$/],
      ['duty', /^\/duties\/\d+\/$/],
      ['theme', /^\/epa\/am\d\/(?!report\/)[^/]+\/$/],
      ['printable theme', /^\/print\/themes\/[^/]+\/$/],
      ['printable duty', /^\/print\/duties\/\d+\/$/],
    ];
    for (const [type, pattern] of types) {
      const ofType = pages.filter((page) => pattern.test(withoutBase(page, basePathFromEnv())));
      expect(ofType.length, `${type} pages`).toBeGreaterThan(5);
      expect(new Set(ofType.map((page) => hrefs.get(page)![0])), `${type} pages`).toHaveLength(1);
    }
  });
});

describe('pages render from their own HTML', () => {
  const pages = htmlPages();

  it('link no stylesheet in <head>, and link the site’s stylesheets at the end of <body>', () => {
    for (const page of pages) {
      const html = readPage(page);
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head, page).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
      const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)];
      expect(links.length, `${page}: its stylesheets still load`).toBeGreaterThan(0);
      for (const [tag, href] of links) {
        expect(existsSync(join(DIST, withoutBase(href!, basePathFromEnv()))), `${page}: ${href} exists`).toBe(true);
        expect(html.indexOf(tag), `${page}: ${href} after the content`).toBeGreaterThan(html.lastIndexOf('</footer>'));
      }
    }
  });

  it('have in their inline CSS every selector of their stylesheets whose classes are all on the page', () => {
    for (const page of pages) {
      const html = readPage(page);
      const head = html.slice(0, html.indexOf('</head>'));
      const used = classesOf(html);
      const tags = new Set([...html.matchAll(/<([a-z][a-z0-9-]*)/g)].map((m) => m[1]!));
      // Counted, not just listed: a selector may style the page in several rules (in @media, in print).
      const inline = new Map<string, number>();
      for (const selector of selectorsIn([...head.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join(''))) inline.set(selector.trim(), (inline.get(selector.trim()) ?? 0) + 1);
      const full = selectorsIn([...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => sheet(m[1]!)).join(''));
      const missing = full.filter((s) => {
        const names = namesOfSelector(s);
        if (!(names.classes.length > 0 && names.classes.every((c) => used.has(c)) && names.tags.every((t) => tags.has(t)))) return false;
        const left = inline.get(s.trim()) ?? 0;
        inline.set(s.trim(), left - 1);
        return left <= 0;
      });
      expect(missing, `${page}: selectors for its elements that apply only once the stylesheets load`).toEqual([]);
    }
  });
});
