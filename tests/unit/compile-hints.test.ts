/**
 * The compile hints (integrations/compile-hints.mjs): what a page runs while it loads is marked for
 * eager compilation, with everything it imports statically; what is imported only later is not; a
 * file is marked once however many pages start it; a page starting a script that is not there fails
 * the build, naming it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHintsStep, scriptsStartedBy, staticImportsOf, withCompileHint } from '../../integrations/compile-hints.mjs';
import { finishPages } from '../../integrations/finish-pages.mjs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'compile-hints-'));
  mkdirSync(join(root, '_astro'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const PAGE = `<!doctype html><html lang="en-GB" data-island-runtime="/_astro/islands.a.js"><head><script type="module" src="/_astro/site.a.js"></script></head>
<body><astro-island uid="1" component-url="/_astro/Finder.a.js" component-export="default" renderer-url="/_astro/client.a.js" props="{}" ssr client="idle"></astro-island></body></html>`;

describe('what a page starts', () => {
  it('is its module scripts, its islands and their renderer, and the island runtime', () => {
    expect([...scriptsStartedBy(PAGE)].sort()).toEqual(['/_astro/Finder.a.js', '/_astro/client.a.js', '/_astro/islands.a.js', '/_astro/site.a.js']);
    expect([...scriptsStartedBy('<html lang="en-GB"><body><p>No script.</p></body></html>')]).toEqual([]);
  });

  it('reads static imports from built chunks, not dynamic ones', () => {
    const code = 'import{a as b}from"./preact.a.js";import"./style.a.js";\nimport {c} from "./hooks.a.js";const d=()=>import("./dialog.a.js");';
    expect(staticImportsOf(code)).toEqual(['preact.a.js', 'style.a.js', 'hooks.a.js']);
  });

  it('adds the hint once, first', () => {
    expect(withCompileHint('var a=1;')).toBe(`${COMPILE_HINT}var a=1;`);
    expect(withCompileHint(withCompileHint('var a=1;'))).toBe(`${COMPILE_HINT}var a=1;`);
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
  });
});

describe('marking the built scripts', () => {
  it('marks what pages start and what that imports statically, once each, and nothing loaded later', async () => {
    write('index.html', PAGE);
    write('ksbs/index.html', PAGE);
    write('_astro/site.a.js', 'import{t}from"./shared.a.js";document.onclick=()=>import("./dialog.a.js");');
    write('_astro/Finder.a.js', 'import{h}from"./preact.a.js";import{t}from"./shared.a.js";export default function F(){}');
    write('_astro/client.a.js', 'import{h}from"./preact.a.js";export default 1;');
    write('_astro/islands.a.js', 'customElements.define("astro-island",class extends HTMLElement{});');
    write('_astro/shared.a.js', 'export const t=1;');
    write('_astro/preact.a.js', 'export const h=1;');
    write('_astro/dialog.a.js', 'export const open=1;');
    const { lines } = await finishPages(root, [compileHintsStep({ root, base: '/' })]);
    expect(lines).toEqual(['compile hints: 6 scripts run on load marked for eager compilation']);
    for (const name of ['site', 'Finder', 'client', 'islands', 'shared', 'preact'])
      expect(read(`_astro/${name}.a.js`).startsWith(COMPILE_HINT), name).toBe(true);
    expect(read('_astro/shared.a.js')).toBe(`${COMPILE_HINT}export const t=1;`);
    expect(read('_astro/dialog.a.js')).toBe('export const open=1;');
  });

  it('fails the build, naming the file, when a page starts a script that is not there', async () => {
    write('index.html', PAGE);
    write('_astro/site.a.js', 'var a;');
    await expect(finishPages(root, [compileHintsStep({ root, base: '/' })])).rejects.toThrow(
      /compile hints: (Finder|client|islands)\.a\.js is started or imported on load but is not in dist\/_astro\//,
    );
  });

  it('reads addresses under a base path', async () => {
    write('index.html', '<html lang="en-GB"><head><script type="module" src="/guide/_astro/site.a.js"></script></head></html>');
    write('_astro/site.a.js', 'var a;');
    await finishPages(root, [compileHintsStep({ root, base: '/guide/' })]);
    expect(read('_astro/site.a.js')).toBe(`${COMPILE_HINT}var a;`);
  });
});
