#!/usr/bin/env node
/**
 * Builds the search index (Pagefind, through its Node API) into dist/pagefind/: every page with
 * data-pagefind-body, as `pagefind --site dist` would, and besides them each part of a page marked
 * data-search-record as a result of its own, linked to its anchor (scripts/search-records.mjs):
 * the glossary's terms. Pagefind's search worker is then tuned for a search made as search opens
 * (scripts/tune-pagefind-worker.mjs). Run by `npm run build` (scripts/build.mjs) after `astro build`.
 *
 *   node scripts/index-search.mjs [--dir dist]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { INDEX_CHUNK_ENV, INDEX_CHUNK_WORDS } from '../src/lib/search/index-chunks.mjs';
import { RECORD_ATTRIBUTE, searchRecords } from './search-records.mjs';
import { runAlone } from './run-alone.mjs';
import { PAGEFIND_WORKER_FILE } from '../src/lib/search/pagefind-files.mjs';
import { tunePagefindWorker } from './tune-pagefind-worker.mjs';

/** Every HTML page in dir, but not Pagefind's own files. */
function htmlFiles(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(join(d, e.name));
    return e.name.endsWith('.html') ? [join(d, e.name)] : [];
  });
}

/** Stops the build with what Pagefind reported, if it reported anything. */
const failOn = (what, errors) => {
  if (errors.length > 0) throw new Error(`Search index: ${what} failed:\n${errors.join('\n')}`);
};

/**
 * Indexes the built site in dir into dir/pagefind/ and says what it did, in one line.
 * @param {string} dir
 */
export async function indexSearch(dir) {
  /** The address Pagefind gives a page: its path in dir/, without a final index.html. */
  const pageUrl = (file) => `/${relative(dir, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

  // Small index chunks, so a first search fetches a few KB of index, not 30 (see index-chunks.mjs).
  // The Node API runs Pagefind's binary, which inherits this process's environment.
  process.env[INDEX_CHUNK_ENV] = String(INDEX_CHUNK_WORDS);

  const started = performance.now();
  const { index, errors: createErrors } = await pagefind.createIndex({});
  try {
    failOn('creating the index', createErrors);
    const indexing = index.addDirectory({ path: dir });
    // Read while Pagefind's binary indexes the pages; added after them, as before.
    const records = htmlFiles(dir).flatMap((file) => {
      const html = readFileSync(file, 'utf8');
      return html.includes(RECORD_ATTRIBUTE) ? searchRecords(html, pageUrl(file)) : [];
    });
    const pages = await indexing;
    failOn('indexing the pages', pages.errors);
    // All at once: each is a message to Pagefind's binary, and waiting for each reply in turn took
    // a fifth of a second.
    const added = await Promise.all(records.map((record) => index.addHTMLFile({ url: record.url, content: record.html })));
    added.forEach((result, i) => failOn(`indexing ${records[i].url}`, result.errors));
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    failOn('writing the index', written.errors);
    const worker = join(dir, 'pagefind', PAGEFIND_WORKER_FILE);
    writeFileSync(worker, tunePagefindWorker(readFileSync(worker, 'utf8')));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `Search index: ${pages.page_count} HTML files read, and ${records.length} parts of pages made results of their own, in ${seconds} s`;
  } finally {
    await pagefind.close();
  }
}

await runAlone(import.meta, () => {
  const at = process.argv.indexOf('--dir');
  return indexSearch(at >= 0 ? process.argv[at + 1] : 'dist');
});
