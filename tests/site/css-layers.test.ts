/**
 * The built pages: the cascade layer order comes first in <head>, before any stylesheet (a layer's
 * place is fixed where its name first appears), and every stylesheet, linked or inline, keeps its
 * rules in those layers. Astro orders the bundled stylesheets itself, so this is checked here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYER_STATEMENT, layeringProblems } from '../support/css';
import { DIST, distBuilt, htmlPages, readPage } from '../support/dist';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

/** Astro's own rule for islands, moved into <head> by integrations/hoist-island-style.mjs. */
const ISLAND_RULE = 'astro-island,astro-slot,astro-static-slot{display:contents}';

function stylesOf(page: string): string[] {
  const head = readPage(page).split('</head>')[0]!;
  return [...head.matchAll(/<style>([\s\S]*?)<\/style>|<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
    m[1] !== undefined ? m[1] : readFileSync(join(DIST, m[2]!), 'utf8'),
  );
}

describe('cascade layers on every page', () => {
  it.each(htmlPages())('%s', (page) => {
    const styles = stylesOf(page);
    expect(styles[0]).toBe(LAYER_STATEMENT);
    expect(styles.slice(1).filter((css) => css !== ISLAND_RULE).flatMap(layeringProblems)).toEqual([]);
  });
});
