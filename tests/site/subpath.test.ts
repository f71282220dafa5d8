/**
 * The site as a provider hosts it: built with SITE_URL and a BASE_PATH (scripts/deploy-variant.mjs;
 * `npm test` builds it into dist-subpath/). Every full address names the origin and the sub-path
 * exactly once (pages, the sitemap, robots.txt, every JSON file under api/), every internal link and
 * asset resolves under the sub-path (href and src, islands' scripts, form actions, srcset, url() in
 * stylesheets, the paths built scripts import), and nothing names the build machine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUBPATH_VARIANT } from '../../scripts/deploy-variant.mjs';
import { openSite, referencesIn } from '../support/dist';
import { assetLinks, brokenAssetLinks, brokenLinks } from '../support/links';

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
    // Relative references too: "../../x" from a page near the top could climb out of the sub-path.
    const internal = referencesIn(html)
      .filter((l) => !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(l))
      .map((l) => new URL(l, `http://site${page}`).pathname);
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.filter((l) => !l.startsWith(base)), 'links that escape the sub-path').toEqual([]);
    expect(internal.filter((l) => l.startsWith(doubled)), 'links with the sub-path twice').toEqual([]);
    expect(brokenLinks(variant, page)).toEqual([]);
    expect(wrongAddresses(html)).toEqual([]);
    expect(html).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('the paths built stylesheets and scripts import resolve under the sub-path', () => {
    const links = assetLinks(variant);
    expect(links.length, 'the scripts import their chunks').toBeGreaterThan(10);
    expect(links.filter(({ resolved }) => !resolved.startsWith(base) || resolved.startsWith(doubled)).map(({ file, ref }) => `${file}: ${ref}`)).toEqual([]);
    expect(brokenAssetLinks(variant)).toEqual([]);
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

  it('robots.txt names the sitemap under the sub-path', () => {
    const robots = read(`${base}robots.txt`);
    expect(robots).toContain(`${prefix}sitemap-index.xml`);
    expect(wrongAddresses(robots)).toEqual([]);
  });

  const jsonFiles = (() => {
    const found: string[] = [];
    const walk = (folder: string) => readdirSync(folder, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(folder, e.name)) : e.name.endsWith('.json') && found.push(join(folder, e.name))));
    walk(join(root, base, 'api'));
    return found.map((f) => `/${relative(root, f).split(sep).join('/')}`).sort();
  })();

  it('publishes JSON files to check', () => {
    expect(jsonFiles.length).toBeGreaterThan(140);
    for (const name of ['standard.json', 'ksbs/k1.json', 'questions/index.json', 'questions/k1.json', 'schemas/standard.schema.json']) expect(jsonFiles).toContain(`${base}api/${name}`);
  });

  it.each(jsonFiles)('%s names this site only under the sub-path, once, and other origins only as cited sources', (file) => {
    const data: unknown = JSON.parse(read(file));
    const wrong: string[] = [];
    let own = 0;
    const walk = (value: unknown, at: string) => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${at}[${i}]`));
      if (value && typeof value === 'object') return Object.entries(value).forEach(([k, v]) => walk(v, `${at}.${k}`));
      if (typeof value !== 'string') return;
      for (const [address] of value.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)\]]+/gi)) {
        if (new URL(address).origin === new URL(site).origin) {
          own++;
          if (!address.startsWith(prefix) || address.includes(doubled)) wrong.push(`${at}: ${address}`);
        } else if (!(/\.(sources\[\d+\]|licence)\.url$/.test(at) || (at === '.$schema' && address === 'https://json-schema.org/draft/2020-12/schema'))) {
          // Another origin is allowed only as the address of a document the data cites, or the JSON Schema dialect.
          wrong.push(`${at}: ${address} (another origin)`);
        }
      }
      if (/localhost|127\.0\.0\.1/.test(value)) wrong.push(`${at}: ${value} (the build machine)`);
    };
    walk(data, '');
    expect(wrong).toEqual([]);
    const { $schema, $id } = data as { $schema?: string; $id?: string };
    if (file.startsWith(`${base}api/schemas/`)) {
      // A schema's $id is its own full address.
      expect($id).toBe(`${site}${file}`);
    } else {
      // A data file names its schema, which is published beside it.
      expect($schema).toMatch(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}api/schemas/[a-z-]+\\.schema\\.json$`));
      expect(existsSync(join(root, new URL($schema!).pathname))).toBe(true);
      expect(own).toBeGreaterThan(0);
    }
  });

  it('the providers page shows each example address under the sub-path once', () => {
    const html = variant.readPage(`${base}providers/`);
    const examples = [...html.matchAll(/data-site-address="([^"]+)"/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(3);
    expect(examples.filter((e) => !e.startsWith(base) || e.startsWith(doubled))).toEqual([]);
  });
});
