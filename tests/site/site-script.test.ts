/**
 * What pages load before anything is asked of them stays small (issue #20):
 * - the script every page runs (src/client/site.ts) learns the service worker's address from the
 *   page (<html data-service-worker>, written by the layout) instead of loading the site's list of
 *   addresses (src/lib/urls.ts), which only pages that need it load;
 * - the KSB list's island names the states in words without loading the learner model, the quiz
 *   engine and the schema library (they load only once the learner has saved something).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, distBuilt, htmlPages, readPage } from '../support/dist';
import { basePathFromEnv, withoutBase } from '../../src/lib/base-path.mjs';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

const base = basePathFromEnv();
const siteScriptOf = (html: string) => html.match(/<script type="module" src="([^"]*SiteScript[^"]*\.js)"/)?.[1];
/** The chunks a chunk imports statically, and theirs, by file name under _astro/. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(join(DIST, '_astro', file), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}])\s*import\s*(?:[\w{}$,\s*]+from\s*)?["']\.\/([^"']+)["']/g)) {
    if (seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    staticImports(m[1]!, seen);
  }
  return seen;
}

describe('the script every page runs', () => {
  const pages = htmlPages();

  it('is told the service worker’s address by every page, and that file exists', () => {
    const missing = pages.filter((p) => {
      const named = readPage(p).match(/<html[^>]*\sdata-service-worker="([^"]+)"/)?.[1];
      return !named || !existsSync(join(DIST, withoutBase(named, base)));
    });
    expect(missing).toEqual([]);
  });

  it('does not load the site’s list of addresses (urls) before anything else', () => {
    const src = siteScriptOf(readPage('/ksbs/k7/'));
    expect(src).toBeDefined();
    const file = withoutBase(src!, base).replace(/^\/_astro\//, '');
    const loaded = [...staticImports(file)];
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((f) => /^urls\./.test(f))).toEqual([]);
  });
});

describe('the KSB list', () => {
  it('loads neither the learner model nor the quiz engine nor zod with its island', () => {
    const html = readPage('/ksbs/');
    const island = html.match(/<astro-island[^>]*component-url="([^"]*KsbFinder[^"]*)"/)?.[1];
    expect(island).toBeDefined();
    const file = withoutBase(island!, base).replace(/^\/_astro\//, '');
    const loaded = [...staticImports(file)];
    expect(loaded.some((f) => /^preact\.module\./.test(f))).toBe(true);
    expect(loaded.filter((f) => /^(model|engine|saved-fields|store)\./.test(f))).toEqual([]);
  });
});
