/**
 * What integrations/first-round-trip.mjs promises of every built page: nothing in <head> waits for
 * a stylesheet; the site's stylesheets still load, after the content (for what scripts add, and for
 * print); and every class the page uses that a stylesheet styles is styled by the page's inline CSS
 * too, so the first render already looks like the last.
 */
import { existsSync, readFileSync } from 'node:fs';
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
