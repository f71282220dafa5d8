/**
 * Pagefind's search worker, as Pagefind names it in its output folder (dist/pagefind/): started by
 * the page when search is asked for (src/client/site.ts, src/client/search/pagefind-worker.ts) and
 * tuned by the build (scripts/tune-pagefind-worker.mjs). Plain JavaScript so the scripts read it too.
 */
export const PAGEFIND_WORKER_FILE = 'pagefind-worker.js';
