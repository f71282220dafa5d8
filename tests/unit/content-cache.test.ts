/**
 * Content is read once per process. Every collection in src/content.config.ts asks loadAllContent()
 * for the whole content (15 collections, so 15 reads of every file a build without the cache); the
 * second and later calls must read no content file, and a file that changes (as in `astro dev`) is
 * read again. Counts the reads through node:fs, on a copy of content/ in a temporary folder.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAllContent } from '../../src/lib/content/authored-content';

/** Reading all of content/ or decoding a 1,273-character QR code: seconds on a loaded 2-core machine, so more than the 5 s default. */
const SLOW_TEST_MS = 60_000;

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, readFileSync: vi.fn(actual.readFileSync) };
});

let root: string;
let contentDir: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'st1398-cache-'));
  contentDir = join(root, 'content');
  cpSync('content', contentDir, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** How many times a file under the copied content/ is read while `load` runs. */
function contentReads(load: () => unknown): number {
  const spy = vi.mocked(readFileSync);
  spy.mockClear();
  load();
  return spy.mock.calls.filter(([path]) => String(path).startsWith(contentDir)).length;
}

describe('content loaded once per process', () => {
  it('reads every content file on the first call and none on the next', () => {
    let first: unknown;
    let second: unknown;
    const firstReads = contentReads(() => (first = loadAllContent('content', root)));
    expect(firstReads).toBeGreaterThan(100); // 70 KSBs' questions and notes, the glossary, the standard
    for (let i = 0; i < 14; i++) expect(contentReads(() => (second = loadAllContent('content', root)))).toBe(0);
    expect(second).toBe(first);
  }, SLOW_TEST_MS);

  it('reads again after a file changes, then not again', () => {
    const before = loadAllContent('content', root);
    const file = join(contentDir, 'glossary', 'ab-testing.yaml');
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    let after: unknown;
    expect(contentReads(() => (after = loadAllContent('content', root)))).toBeGreaterThan(100);
    expect(after).not.toBe(before);
    expect(contentReads(() => loadAllContent('content', root))).toBe(0);
  }, SLOW_TEST_MS);
});
