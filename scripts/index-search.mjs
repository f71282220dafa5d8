#!/usr/bin/env node
/**
 * Builds the search index (Pagefind, through its Node API) into dist/pagefind/: every page with
 * data-pagefind-body, as `pagefind --site dist` would, and besides them each part of a page marked
 * data-search-record as a result of its own, linked to its anchor (scripts/search-records.mjs):
 * the glossary's terms. Run by `npm run build` after `astro build`.
 *
 *   node scripts/index-search.mjs [--dir dist]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { INDEX_CHUNK_ENV, INDEX_CHUNK_WORDS } from '../src/lib/search/index-chunks.mjs';
import { RECORD_ATTRIBUTE, searchRecords } from './search-records.mjs';

const at = process.argv.indexOf('--dir');
const dir = at >= 0 ? process.argv[at + 1] : 'dist';

function htmlFiles(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(join(d, e.name));
    return e.name.endsWith('.html') ? [join(d, e.name)] : [];
  });
}

/** The address Pagefind gives a page: its path in dir/, without a final index.html. */
const pageUrl = (file) => `/${relative(dir, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

const fail = (what, errors) => {
  if (errors.length === 0) return;
  console.error(`Search index: ${what} failed:\n${errors.join('\n')}`);
  process.exit(1);
};

// Small index chunks, so a first search fetches a few KB of index, not 30 (see index-chunks.mjs).
// The Node API runs Pagefind's binary, which inherits this process's environment.
process.env[INDEX_CHUNK_ENV] = String(INDEX_CHUNK_WORDS);

const started = performance.now();
const { index, errors: createErrors } = await pagefind.createIndex({});
fail('creating the index', createErrors);
const pages = await index.addDirectory({ path: dir });
fail('indexing the pages', pages.errors);
let records = 0;
for (const file of htmlFiles(dir)) {
  const html = readFileSync(file, 'utf8');
  if (!html.includes(RECORD_ATTRIBUTE)) continue;
  for (const record of searchRecords(html, pageUrl(file))) {
    const added = await index.addHTMLFile({ url: record.url, content: record.html });
    fail(`indexing ${record.url}`, added.errors);
    records++;
  }
}
const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
fail('writing the index', written.errors);
await pagefind.close();
console.log(`Search index: ${pages.page_count} HTML files read, and ${records} parts of pages made results of their own, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
