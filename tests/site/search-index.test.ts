/**
 * The built search index (dist/pagefind/) as search uses it: small index chunks, so a first search
 * fetches a few KB of index rather than 30 (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, an unstable Pagefind
 * setting: a Pagefind version that ignores it fails here).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX_CHUNK_WORDS } from '../../src/lib/search/index-chunks.mjs';
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
});
