/** The build step that makes a page renderable from its own HTML (integrations/first-round-trip.mjs). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { combineStylesheets, concatenationProblem, externalIslandRuntime, hydrateInTaskOfItsOwn, inlineUsedCss, namesIn, ownHashesOnly, usedCss } from '../../integrations/first-round-trip.mjs';
import loadDirective from 'astro/runtime/client/load.prebuilt.js';
import idleDirective from 'astro/runtime/client/idle.prebuilt.js';
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js';

const PAGE = '<main id="main"><h1 class="title big">Hi</h1><ul class="list"><li>a</li></ul><template><p class="later">x</p></template></main>';

describe('usedCss', () => {
  const names = namesIn(PAGE);

  it('keeps the rules whose element names, classes and ids all occur on the page, byte for byte, and drops the rest', () => {
    const css = '.title{color:red}.absent{color:blue}ul.list>li{margin:0}ol{padding:0}#main{display:block}#other{display:none}.title .absent{x:y}';
    expect(usedCss(css, names)).toBe('.title{color:red}ul.list>li{margin:0}#main{display:block}');
  });

  it('keeps a rule if any one of its selectors could match', () => {
    expect(usedCss('.absent,.big{font-weight:700}', names)).toBe('.absent,.big{font-weight:700}');
  });

  it('keeps states the page can reach: pseudo-classes, pseudo-elements and attributes are not required', () => {
    const css = '.title:hover{a:b}.list li::marker{c:d}.title[aria-current=page]{e:f}h1:not(.absent){g:h}.later:focus-visible{i:j}';
    expect(usedCss(css, names)).toBe(css);
  });

  it('keeps cascade layers and media queries around the rules kept, and drops them when empty', () => {
    const css = '@layer a,b;@layer a{.title{x:y}.absent{x:y}}@media (prefers-color-scheme:dark){@layer b{:root{--bg:#000}}}@media print{.absent{x:y}}';
    expect(usedCss(css, names)).toBe('@layer a,b;@layer a{.title{x:y}}@media (prefers-color-scheme:dark){@layer b{:root{--bg:#000}}}');
  });

  it('keeps other at-rules whole (fonts, keyframes)', () => {
    const css = '@font-face{font-family:x;src:url(/x.woff2)}@keyframes spin{to{transform:rotate(1turn)}}';
    expect(usedCss(css, names)).toBe(css);
  });
});

describe('inlineUsedCss', () => {
  const html = `<html><head><title>t</title><link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/b.css"></head><body>${PAGE}</body></html>`;
  const sheets: Record<string, string> = { '/_astro/a.css': '.title{a:b}.absent{c:d}', '/_astro/b.css': '.list{e:f}' };

  it('puts the used rules inline where the first stylesheet was, and the stylesheets at the end of <body>', async () => {
    const out = await inlineUsedCss(html, async (href) => sheets[href]!);
    expect(out).toBe(
      `<html><head><title>t</title><style>.title{a:b}.list{e:f}</style></head><body>${PAGE}<link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/b.css"></body></html>`,
    );
  });

  it('leaves a page without stylesheets in its <head> as it is', async () => {
    const plain = `<html><head></head><body>${PAGE}<link rel="stylesheet" href="/_astro/a.css"></body></html>`;
    expect(await inlineUsedCss(plain, async () => '')).toBe(plain);
  });
});

describe('combineStylesheets', () => {
  const sheets: Record<string, string> = {
    '/_astro/Base.x.css': '@layer base{a{color:red}}',
    '/_astro/a.css': '.a{b:c}',
    '/_astro/b.css': '.b{d:e}',
    '/st1398/_astro/Base.x.css': '@layer base{a{color:red}}',
    '/st1398/_astro/a.css': '.a{b:c}',
  };
  const read = async (href: string) => sheets[href] ?? Promise.reject(new Error(`no ${href}`));
  const link = (href: string) => `<link rel="stylesheet" href="${href}">`;
  const page = (...hrefs: string[]) => `<html><head><style>a{color:red}</style></head><body>${PAGE}${hrefs.map(link).join('')}</body></html>`;
  const combinedHref = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);

  it('replaces the end-of-body links with one link to their texts concatenated in link order, named by content hash', async () => {
    const out = await combineStylesheets(page('/_astro/b.css', '/_astro/Base.x.css', '/_astro/a.css'), read, '/');
    expect(out.file?.text).toBe('.b{d:e}@layer base{a{color:red}}.a{b:c}');
    expect(out.file?.name).toMatch(/^_astro\/styles\.[\w-]{8,}\.css$/);
    expect(out.html).toBe(`<html><head><style>a{color:red}</style></head><body>${PAGE}${link(`/${out.file!.name}`)}</body></html>`);
  });

  it('names the same stylesheets in the same order the same file on every page, and any other set or order another', async () => {
    const one = await combineStylesheets(page('/_astro/Base.x.css', '/_astro/a.css'), read, '/');
    const same = await combineStylesheets(page('/_astro/Base.x.css', '/_astro/a.css').replace(PAGE, '<p>Another page</p>'), read, '/');
    const more = await combineStylesheets(page('/_astro/Base.x.css', '/_astro/a.css', '/_astro/b.css'), read, '/');
    const reordered = await combineStylesheets(page('/_astro/a.css', '/_astro/Base.x.css'), read, '/');
    expect(same.file?.name).toBe(one.file?.name);
    expect(combinedHref(same.html)).toEqual(combinedHref(one.html));
    expect(new Set([one.file?.name, more.file?.name, reordered.file?.name]).size).toBe(3);
  });

  it('links the file under the deployment base path, reading the stylesheets by their hrefs there', async () => {
    const out = await combineStylesheets(page('/st1398/_astro/Base.x.css', '/st1398/_astro/a.css'), read, '/st1398/');
    expect(out.file?.text).toBe('@layer base{a{color:red}}.a{b:c}');
    expect(combinedHref(out.html)).toEqual([`/st1398/${out.file!.name}`]);
    const atRoot = await combineStylesheets(page('/_astro/Base.x.css', '/_astro/a.css'), read, '/');
    expect(out.file?.name).toBe(atRoot.file?.name);
  });

  it('leaves a page with one stylesheet, or none, as it is', async () => {
    for (const html of [page('/_astro/Base.x.css'), page()]) expect(await combineStylesheets(html, read, '/')).toEqual({ html });
  });

  it('leaves alone stylesheet links that are not at the end of <body>', async () => {
    const html = `<html><head>${link('/_astro/a.css')}${link('/_astro/b.css')}</head><body>${PAGE}</body></html>`;
    expect(await combineStylesheets(html, read, '/')).toEqual({ html });
  });

  it('fails the build, naming the file, for a stylesheet with @import, @charset or @namespace', async () => {
    expect(concatenationProblem('.a{b:c}@media print{.d{e:f}}@layer x;@font-face{font-family:f}')).toBeUndefined();
    expect(concatenationProblem('@import url(/x.css);.a{b:c}')).toMatch(/@import/);
    expect(concatenationProblem('@charset "utf-8";.a{b:c}')).toMatch(/@charset/);
    expect(concatenationProblem('@namespace svg url(http://www.w3.org/2000/svg);')).toMatch(/@namespace/);
    const withImport: Record<string, string> = { ...sheets, '/_astro/c.css': '@import "/_astro/a.css";.c{x:y}' };
    await expect(combineStylesheets(page('/_astro/a.css', '/_astro/c.css'), async (href) => withImport[href]!, '/')).rejects.toThrow(/\/_astro\/c\.css.*@import/);
  });
});

describe('externalIslandRuntime', () => {
  const directive = '(()=>{var e=async t=>{await(await t())()};(self.Astro||(self.Astro={})).load=e;window.dispatchEvent(new Event("astro:load"));})();';
  const runtime = '(()=>{class y extends HTMLElement{}customElements.get("astro-island")||customElements.define("astro-island",y);})();';
  const other = "<script>(()=>{console.log('mine')})()</script>";

  it('takes Astro’s island scripts out, names their file on <html>, and leaves other inline scripts', () => {
    const html = `<html lang="en"><body>${other}<p>x</p><script>${directive}</script><script>${runtime}</script><astro-island></astro-island></body></html>`;
    const out = externalIslandRuntime(html, () => '/_astro/islands.x.js');
    expect(out.html).toBe(`<html lang="en" data-island-runtime="/_astro/islands.x.js"><body>${other}<p>x</p><astro-island></astro-island></body></html>`);
    expect(out.runtime).toBe(`${hydrateInTaskOfItsOwn(directive)}\n${runtime}`);
  });

  it('leaves a page without islands as it is', () => {
    const html = `<body>${other}</body>`;
    expect(externalIslandRuntime(html, () => 'x')).toEqual({ html });
  });
});

describe('hydrateInTaskOfItsOwn', () => {
  /** Runs a directive script as the page would, and returns the directive it registers. */
  const register = (script: string, name: string) => {
    const self = {} as { Astro?: Record<string, (...args: unknown[]) => unknown> };
    new Function('self', 'window', script)(self, { dispatchEvent: () => true });
    return self.Astro![name]!;
  };

  it('makes Astro’s load directive hydrate in a task after the one that loaded the island', async () => {
    const order: string[] = [];
    const load = register(hydrateInTaskOfItsOwn(loadDirective), 'load');
    const done = load(async () => {
      order.push('loaded');
      setTimeout(() => order.push('a task queued when loading ended'));
      return async () => void order.push('hydrated');
    });
    await done;
    expect(order).toEqual(['loaded', 'a task queued when loading ended', 'hydrated']);
  });

  it('hydrates at once without the split (so the test above can fail)', async () => {
    const order: string[] = [];
    await register(loadDirective, 'load')(async () => {
      order.push('loaded');
      setTimeout(() => order.push('a task queued when loading ended'));
      return async () => void order.push('hydrated');
    });
    expect(order).toEqual(['loaded', 'hydrated']);
  });

  it('splits every directive this site uses (load, idle, visible) as Astro ships them', () => {
    for (const script of [loadDirective, idleDirective, visibleDirective]) {
      const out = hydrateInTaskOfItsOwn(script);
      expect(out).not.toBe(script);
      expect(out).toContain('setTimeout($next)');
      expect(() => new Function(out)).not.toThrow();
    }
  });

  it('fails the build when a directive no longer reads as load-then-hydrate', () => {
    const changed = '(()=>{var e=async t=>{let h=await t();await h()};(self.Astro||(self.Astro={})).load=e;})();';
    expect(() => hydrateInTaskOfItsOwn(changed)).toThrow(/no longer read/);
  });
});

describe('ownHashesOnly', () => {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const csp = (script: string, style: string) =>
    `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${script}; style-src 'self' ${style}">`;

  it('lists the hashes of the page’s own inline scripts and styles, and no others', () => {
    const html = `<head>${csp("'sha256-old1' 'sha256-old2'", "'sha256-old3'")}<style>a{b:c}</style><script>go()</script><script type="module" src="/x.js"></script></head><body><style>d{e:f}</style></body>`;
    const out = ownHashesOnly(html);
    expect(out).toContain(`script-src 'self' ${hash('go()')};`);
    expect(out).toContain(`style-src 'self' ${hash('a{b:c}')} ${hash('d{e:f}')}"`);
    expect(out).not.toContain('old');
  });
});
