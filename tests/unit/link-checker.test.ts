/** The link checker the site tests rely on, over a small fixture site. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSite } from '../support/dist';
import { brokenAssetLinks, brokenLinks } from '../support/links';

const dir = mkdtempSync(join(tmpdir(), 'st1398-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (rel: string, html: string) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), html);
};
write('index.html', '<a href="/ksbs/k1/">ok</a><a href="/ksbs/k1/#criteria">ok</a><a href="#top">self</a><h1 id="top">x</h1>');
write('ksbs/k1/index.html', '<h2 id="criteria">c</h2><a href="../../">up</a><a href="/style.css">css</a><img src="/missing.png" alt="">');
write('style.css', 'body{}');
write('bad/index.html', '<a href="/ksbs/k2/">gone</a><a href="/ksbs/k1/#nope">no id</a><a href="#">empty</a><a href="https://example.org/x">external</a><a href="mailto:a@b.c">mail</a>');
write(
  'island/index.html',
  '<astro-island component-url="/_astro/A.js" renderer-url="/_astro/gone.js" before-hydration-url="/_astro/B.js"></astro-island>' +
    '<form action="/nowhere/"></form><img alt="" srcset="/style.css 1x, /big.png 2x"><style>a{background:url("/bg.png")}</style><p style="background:url(data:image/png;base64,x)">',
);
write('_astro/A.js', 'import{x}from"./B.js";import"./gone-chunk.js";const m=()=>import("/_astro/lazy.js");export{x,m}');
write('_astro/B.js', 'export const x=1;');
write('_astro/site.css', '@import "./gone.css";body{background:url(../missing.svg)}i{background:url(data:image/svg+xml,x)}');
const site = openSite(dir);

describe('brokenLinks', () => {
  it('finds the pages of a site', () => expect(site.htmlPages()).toEqual(['/', '/bad/', '/island/', '/ksbs/k1/']));
  it('accepts links, relative links, fragments and assets that resolve', () => {
    expect(brokenLinks(site, '/')).toEqual([]);
  });
  it('reports a missing asset', () => {
    expect(brokenLinks(site, '/ksbs/k1/')).toEqual(['/missing.png (no such page or file)']);
  });
  it('reports missing pages, missing ids and empty fragments, and leaves external links alone', () => {
    expect(brokenLinks(site, '/bad/')).toEqual([
      '/ksbs/k2/ (no such page or file)',
      '/ksbs/k1/#nope (no element with id "nope")',
      '# (empty fragment)',
    ]);
  });
  it('checks what islands load, form actions, srcset and inline url() too', () => {
    expect(brokenLinks(site, '/island/')).toEqual(['/_astro/gone.js (no such page or file)', '/nowhere/ (no such page or file)', '/big.png (no such page or file)', '/bg.png (no such page or file)']);
  });
  it('checks the paths built scripts import and the url() and @import of built stylesheets', () => {
    expect(brokenAssetLinks(site)).toEqual(['/_astro/A.js: ./gone-chunk.js (no such file)', '/_astro/A.js: /_astro/lazy.js (no such file)', '/_astro/site.css: ./gone.css (no such file)', '/_astro/site.css: ../missing.svg (no such file)']);
  });
});
