/**
 * Every stylesheet in src/ puts its rules in one of the cascade layers that Base.astro declares, in
 * order, before any stylesheet; print rules sit in the print layer under @media print.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYER_ORDER } from '../../src/styles/layers.mjs';
import { LAYER_STATEMENT, layeringProblems } from '../support/css';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const sources = files('src');
const stylesheets = sources.filter((f) => f.endsWith('.css'));

describe('cascade layers', () => {
  it('declares the layer order once (src/styles/layers.mjs), and Base.astro writes it first in <head>', () => {
    const declarations = sources.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/@layer [\w-]+(?:\s*,\s*[\w-]+)+\s*;/g)].map((m) => `${relative('src', f)}: ${m[0]}`),
    );
    expect(declarations).toEqual([`styles/layers.mjs: ${LAYER_STATEMENT}`]);
    expect(LAYER_ORDER).toBe(LAYER_STATEMENT);
    const base = readFileSync('src/layouts/Base.astro', 'utf8');
    const head = base.slice(base.lastIndexOf('<head>'), base.lastIndexOf('</head>'));
    expect(head.match(/<(style|link|slot)\b[^>]*>/)?.[0]).toBe('<style is:inline set:html={LAYER_ORDER} />');
  });

  it.each(stylesheets.map((f) => relative('src', f)))('%s keeps every rule in a declared layer', (file) => {
    expect(layeringProblems(readFileSync(join('src', file), 'utf8'))).toEqual([]);
  });

  it('finds a rule outside the layers, and a print rule for the screen', () => {
    expect(layeringProblems('.a{color:red}@layer components{.b{color:red}}')).toEqual(['outside the layers: .a { … }']);
    expect(layeringProblems('@layer print{.c{display:none}}')).toEqual(['in @layer print, not under @media print: .c']);
    expect(layeringProblems("@layer base{q{quotes:'{' '}'}}@layer print{@media print{a{color:#000}}}")).toEqual([]);
  });
});
