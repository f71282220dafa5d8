/**
 * The site as a provider hosts it: built with SITE_URL and a BASE_PATH (scripts/deploy-variant.mjs;
 * `npm test` builds it into dist-subpath/). Every full address names the origin and the sub-path
 * exactly once, every internal link and asset resolves under the sub-path, and nothing names the
 * build machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUBPATH_VARIANT } from '../../scripts/deploy-variant.mjs';
import { linksIn, openSite } from '../support/dist';
import { brokenLinks } from '../support/links';

const { site, base, dir } = SUBPATH_VARIANT;
const root = join(process.cwd(), dir);
if (!existsSync(join(root, base, 'index.html'))) throw new Error(`${dir}/ is not built: run \`npm test\` (it builds the sub-path variant), or see scripts/deploy-variant.mjs.`);

const variant = openSite(root);
const pages = variant.htmlPages();
const prefix = `${site}${base}`;
const doubled = `${base}${base.slice(1)}`; // "/st1398/st1398/"
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Every full address of this site's origin in a text, and whether each has the sub-path exactly once. */
function wrongAddresses(text: string): string[] {
  const addresses = [...text.matchAll(/https?:\/\/[^\s"'<>)\]]+/g)].map((m) => m[0]);
  return addresses.filter((a) => a.startsWith(site) && (!a.startsWith(prefix) || a.includes(doubled)));
}

describe(`the site under ${prefix}`, () => {
  it('has every page under the sub-path and nothing outside it', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.filter((p) => !p.startsWith(base))).toEqual([]);
  });

  it.each(pages)('%s: links resolve under the sub-path; full addresses name it once; no build-machine address', (page) => {
    const html = variant.readPage(page);
    const rootRelative = linksIn(html).filter((l) => l.startsWith('/') && !l.startsWith('//'));
    expect(rootRelative.filter((l) => !l.startsWith(base)), 'links that escape the sub-path').toEqual([]);
    expect(rootRelative.filter((l) => l.startsWith(doubled)), 'links with the sub-path twice').toEqual([]);
    expect(brokenLinks(variant, page)).toEqual([]);
    expect(wrongAddresses(html)).toEqual([]);
    expect(html).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('the sitemap lists each page once, at its full address under the sub-path', () => {
    const index = read(`${base}sitemap-index.xml`);
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    expect(wrongAddresses(index)).toEqual([]);
    const locs = sitemaps.flatMap((url) => [...read(new URL(url).pathname).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    expect(locs.length).toBeGreaterThan(100);
    expect(locs.filter((l) => !l.startsWith(prefix) || l.includes(doubled))).toEqual([]);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it('robots.txt and the JSON data name the site under the sub-path', () => {
    const robots = read(`${base}robots.txt`);
    expect(robots).toContain(`${prefix}sitemap-index.xml`);
    expect(wrongAddresses(robots)).toEqual([]);
    const json = read(`${base}api/standard.json`);
    expect(json).toContain(prefix);
    expect(wrongAddresses(json)).toEqual([]);
  });

  it('the providers page shows each example address under the sub-path once', () => {
    const html = variant.readPage(`${base}providers/`);
    const examples = [...html.matchAll(/data-site-address="([^"]+)"/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(3);
    expect(examples.filter((e) => !e.startsWith(base) || e.startsWith(doubled))).toEqual([]);
  });
});
