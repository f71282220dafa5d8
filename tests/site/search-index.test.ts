/**
 * The built search index (dist/pagefind/) as search uses it: small index chunks, so a first search
 * fetches a few KB of index rather than 30 (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, an unstable Pagefind
 * setting: a Pagefind version that ignores it fails here); the site's code talks to Pagefind's
 * worker, never pagefind.js; and the service worker saves everything search needs offline, but not
 * pagefind.js.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Script } from 'node:vm';
import { INDEX_CHUNK_WORDS } from '../../src/lib/search/index-chunks.mjs';
import { PAGEFIND_WORKER_FILE } from '../../src/lib/search/pagefind-files.mjs';
import { WORKER_CHANGES } from '../../scripts/tune-pagefind-worker.mjs';
import { DIST, distBuilt } from '../support/dist';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

const PAGEFIND = join(DIST, 'pagefind');
const files = (dir: string) => readdirSync(join(PAGEFIND, dir)).map((name) => ({ name, bytes: statSync(join(PAGEFIND, dir, name)).size }));

/**
 * The largest chunk allowed. At 2,000 words a chunk this site's are 2–6 KB (gzip, as stored and
 * served); at Pagefind's default of 20,000 words, up to 29 KB.
 */
const MAX_CHUNK_BYTES = 8 * 1024;

describe('the search index', () => {
  it(`is cut into small chunks (${INDEX_CHUNK_WORDS.toLocaleString('en-GB')} words each, none over ${MAX_CHUNK_BYTES / 1024} KB)`, () => {
    const chunks = files('index').filter((f) => f.name.endsWith('.pf_index'));
    expect(chunks.length, 'more than a handful of chunks').toBeGreaterThan(20);
    const large = chunks.filter((c) => c.bytes > MAX_CHUNK_BYTES).map((c) => `${c.name}: ${c.bytes} bytes`);
    expect(large).toEqual([]);
  });

  it('is searched through Pagefind’s worker: no built script asks for pagefind.js', () => {
    expect(files('').map((f) => f.name)).toContain('pagefind-worker.js');
    const scripts = readdirSync(join(DIST, '_astro')).filter((name) => name.endsWith('.js'));
    const naming = scripts.filter((name) => /pagefind\.js/.test(readFileSync(join(DIST, '_astro', name), 'utf8')));
    expect(naming).toEqual([]);
    const worker = scripts.filter((name) => readFileSync(join(DIST, '_astro', name), 'utf8').includes('pagefind-worker.js'));
    expect(worker, 'the script that starts the worker').toHaveLength(1);
  });

  it('has Pagefind’s worker as the build tunes it (scripts/tune-pagefind-worker.mjs), and still JavaScript', () => {
    const source = readFileSync(join(PAGEFIND, PAGEFIND_WORKER_FILE), 'utf8');
    for (const change of WORKER_CHANGES) expect(source, change.what).toContain(change.replace);
    expect(() => new Script(source, { filename: PAGEFIND_WORKER_FILE })).not.toThrow();
  });

  it('names the worker in every page’s search opener, which starts it as search is asked for', () => {
    const html = readFileSync(join(DIST, 'ksbs', 'k7', 'index.html'), 'utf8');
    expect(html).toMatch(new RegExp(`<form[^>]*data-search-opener[^>]*data-search-worker="/pagefind/${PAGEFIND_WORKER_FILE}"`));
  });
});

describe('the service worker’s saved copy', () => {
  const precached = new Set([...readFileSync(join(DIST, 'sw.js'), 'utf8').matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!));

  it('holds everything search needs offline: the worker, its WebAssembly, the entry, metadata, and every chunk, filter and fragment', () => {
    const entry = JSON.parse(readFileSync(join(PAGEFIND, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; wasm: string }> };
    const needed = [
      '/pagefind/pagefind-worker.js',
      '/pagefind/pagefind-entry.json',
      ...Object.values(entry.languages).flatMap((l) => [`/pagefind/pagefind.${l.hash}.pf_meta`, `/pagefind/wasm.${l.wasm}.pagefind`]),
      ...['index', 'filter', 'fragment'].flatMap((dir) => files(dir).map((f) => `/pagefind/${dir}/${f.name}`)),
    ];
    expect(needed.length).toBeGreaterThan(100);
    expect(needed.filter((url) => !precached.has(url))).toEqual([]);
  });

  it('leaves out pagefind.js, which the site no longer uses', () => {
    expect(precached.has('/pagefind/pagefind.js')).toBe(false);
    expect([...precached].filter((url) => url.startsWith('/pagefind/') && url.endsWith('.js'))).toEqual(['/pagefind/pagefind-worker.js']);
  });
});
