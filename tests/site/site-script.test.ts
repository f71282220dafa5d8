/**
 * What pages load before anything is asked of them stays small (issue #20):
 * - the script every page runs (src/client/site.ts) learns the service worker's address from the
 *   page (<html data-service-worker>, written by the layout) instead of loading the site's list of
 *   addresses (src/lib/urls.ts), which only pages that need it load;
 * - the KSB list's island names the states in words without loading the learner model, the quiz
 *   engine and the schema library (they load only once the learner has saved something);
 * - every script a page runs while it loads is marked for eager compilation (V8's compile hints,
 *   integrations/compile-hints.mjs), and what loads only on demand (the search dialog) is not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, distBuilt, htmlPages, readPage } from '../support/dist';
import { basePathFromEnv, withoutBase } from '../../src/lib/base-path.mjs';
import { COMPILE_HINT, scriptsStartedBy, staticImportsOf } from '../../integrations/compile-hints.mjs';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

const base = basePathFromEnv();
const siteScriptOf = (html: string) => html.match(/<script type="module" src="([^"]*SiteScript[^"]*\.js)"/)?.[1];
/** The chunks a chunk imports statically, and theirs, by file name under _astro/. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(join(DIST, '_astro', file), 'utf8');
  for (const name of staticImportsOf(code)) {
    if (seen.has(name)) continue;
    seen.add(name);
    staticImports(name, seen);
  }
  return seen;
}

const codeOf = (file: string) => readFileSync(join(DIST, '_astro', file), 'utf8');
const allChunks = () => readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
/** A path only src/lib/urls.ts writes. */
const ADDRESS_ONLY_IN_URLS = '/epa/am1/report/';
/** Words only the learner model (src/lib/learner/model.ts) writes. */
const LEARNER_MODEL_ONLY = 'you said you can already do it';

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
    const loaded = [file, ...staticImports(file)];
    expect(loaded.length).toBeGreaterThan(1);
    // By what the files hold, not their names: chunks are grouped (integrations/client-chunks.mjs).
    expect(loaded.filter((f) => codeOf(f).includes(ADDRESS_ONLY_IN_URLS))).toEqual([]);
    // The marker is real: some chunk of the build holds it.
    expect(allChunks().some((f) => codeOf(f).includes(ADDRESS_ONLY_IN_URLS))).toBe(true);
  });

  it('loads only its own small chunk, shared with no bigger group (integrations/client-chunks.mjs)', () => {
    const file = withoutBase(siteScriptOf(readPage('/ksbs/k7/'))!, base).replace(/^\/_astro\//, '');
    const loaded = [...staticImports(file)];
    expect(loaded.map((f) => f.replace(/\..*$/, ''))).toEqual(['site']);
    // Preact's hooks (their `__H` state), zod and FSRS, by markers each holds.
    expect(loaded.filter((f) => /\$ZodType|__H|FSRSValidationError/.test(codeOf(f)))).toEqual([]);
  });
});

describe('the KSB list', () => {
  it('loads neither the learner model nor the quiz engine nor zod with its island', () => {
    const html = readPage('/ksbs/');
    const island = html.match(/<astro-island[^>]*component-url="([^"]*KsbFinder[^"]*)"/)?.[1];
    expect(island).toBeDefined();
    const file = withoutBase(island!, base).replace(/^\/_astro\//, '');
    const loaded = [...staticImports(file)];
    // By what the files hold (chunks are grouped, integrations/client-chunks.mjs): Preact, but not
    // zod (the saved-data layer's schemas), the learner model or the quiz engine (ts-fsrs).
    expect(loaded.some((f) => codeOf(f).includes('__H'))).toBe(true);
    expect(loaded.filter((f) => codeOf(f).includes('$ZodType'))).toEqual([]);
    expect(loaded.filter((f) => codeOf(f).includes(LEARNER_MODEL_ONLY))).toEqual([]);
    expect(loaded.filter((f) => codeOf(f).includes('FSRSValidationError'))).toEqual([]);
    // The markers are real: each is in some chunk of the build.
    for (const marker of ['$ZodType', LEARNER_MODEL_ONLY, 'FSRSValidationError']) expect(allChunks().some((f) => codeOf(f).includes(marker))).toBe(true);
  });
});

describe('compile hints', () => {
  const started = new Set<string>();
  for (const page of htmlPages()) for (const src of scriptsStartedBy(readPage(page))) started.add(withoutBase(src, base).replace(/^\/_astro\//, ''));
  const onLoad = new Set([...started].flatMap((file) => [file, ...staticImports(file)]));
  const hinted = (file: string) => readFileSync(join(DIST, '_astro', file), 'utf8').startsWith(COMPILE_HINT);

  it('marks every script a page runs while it loads, and what those import', () => {
    expect(started.size).toBeGreaterThan(5);
    expect([...onLoad].filter((file) => !hinted(file))).toEqual([]);
  });

  it('leaves what loads only on demand as it is (the search dialog)', () => {
    const dialog = readdirSync(join(DIST, '_astro')).filter((f) => /^dialog\..*\.js$/.test(f));
    expect(dialog).toHaveLength(1);
    expect(onLoad.has(dialog[0]!)).toBe(false);
    expect(hinted(dialog[0]!)).toBe(false);
  });
});
