/**
 * What crawlers read, checked with an XML parser against the sitemaps.org protocol: the sitemap
 * index and each sitemap are well-formed XML in the sitemap namespace, every address is absolute,
 * on the site's origin, escaped, under the protocol's limits and names a page that exists; robots.txt
 * holds only known directives and points at the sitemap index.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DIST, distBuilt, fileFor } from '../support/dist';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'sitemap' || name === 'url' });
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const robots = read('robots.txt');
const origin = new URL(/^Sitemap:\s*(\S+)/m.exec(robots)![1]!).origin;
const local = (address: string) => new URL(address).pathname;

function parse(path: string) {
  const xml = read(path);
  expect(XMLValidator.validate(xml), `${path} is well-formed XML`).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return parser.parse(xml);
}

describe('sitemap', () => {
  const index = parse('sitemap-index.xml').sitemapindex;
  const sitemaps: string[] = index.sitemap.map((s: { loc: string }) => s.loc);

  it('the index is a sitemapindex in the sitemaps.org namespace, listing sitemaps that exist', () => {
    expect(index['@_xmlns']).toBe(SITEMAP_NS);
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const address of sitemaps) {
      expect(new URL(address).origin).toBe(origin);
      expect(fileFor(local(address)), address).toBeDefined();
    }
  });

  it.each(sitemaps.map(local))('%s: a urlset of absolute, existing pages within the protocol limits', (path) => {
    const set = parse(path.slice(1)).urlset;
    expect(set['@_xmlns']).toBe(SITEMAP_NS);
    const locs: string[] = set.url.map((u: { loc: string }) => u.loc);
    expect(locs.length).toBeGreaterThan(100);
    expect(locs.length).toBeLessThanOrEqual(50_000);
    expect(statSync(join(DIST, path)).size).toBeLessThanOrEqual(50 * 1024 * 1024);
    expect(new Set(locs).size, 'each page once').toBe(locs.length);
    for (const loc of locs) {
      expect(loc.length, 'under 2,048 characters').toBeLessThan(2048);
      expect(new URL(loc).origin).toBe(origin);
      expect(fileFor(local(loc)), `${loc} is a page`).toBeDefined();
    }
    for (const u of set.url) if (u.lastmod) expect(u.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/);
  });
});

describe('robots.txt', () => {
  it('holds only known directives, allows crawling and names the sitemap index', () => {
    const lines = robots.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
    expect(lines.filter((l) => !/^(User-agent|Allow|Disallow|Sitemap|Crawl-delay):\s*\S/.test(l))).toEqual([]);
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).not.toContain('Disallow: /');
    expect(local(/^Sitemap:\s*(\S+)/m.exec(robots)![1]!)).toBe('/sitemap-index.xml');
  });
});
