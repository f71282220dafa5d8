/**
 * Two changes to Pagefind's search worker (dist/pagefind/pagefind-worker.js, as Pagefind 1.6.0
 * writes it), each taking time off a search made as search opens, before the index has loaded
 * (measured in issue #20: "pasted as it opens", 167 → 137 ms, median of 60 searches):
 *
 * - A search that arrives while the index is loading waits for it by checking every 50 ms, so it
 *   started up to 50 ms after the index was ready; it checks every 5 ms instead.
 * - A search's first step splits its words with `Intl.Segmenter`, and the first segmenter a page's
 *   process makes loads the browser's break rules: about 30 ms, on the search's path. The worker
 *   now makes one while the WebAssembly downloads, when it has nothing else to do.
 *
 * Each change replaces text that must be found exactly once; if Pagefind's worker has changed
 * (a new version), the build stops and says which change no longer applies, rather than shipping
 * a worker that quietly lost it.
 */
import { PAGEFIND_WORKER_FILE } from '../src/lib/search/pagefind-files.mjs';

export const WORKER_CHANGES = [
  {
    what: 'a search made while the index loads checks for it every 5 ms, not every 50',
    find: 'if(this.initError){throw this.initError;}await asyncSleep(50);}',
    replace: 'if(this.initError){throw this.initError;}await asyncSleep(5);}',
  },
  {
    what: 'the word splitter is made while the WebAssembly downloads, not at the first search',
    find: 'if(opts.load_wasm===true){resources.push(this.loadWasm(lang_wasm));}',
    replace:
      'if(opts.load_wasm===true){resources.push(this.loadWasm(lang_wasm));' +
      'setTimeout(()=>{try{new Intl.Segmenter(language,{granularity:"grapheme"});}catch(e){}},0);}',
  },
];

/**
 * Pagefind's worker source with the changes above made.
 * @param {string} source
 * @returns {string}
 */
export function tunePagefindWorker(source) {
  let tuned = source;
  for (const change of WORKER_CHANGES) {
    const count = tuned.split(change.find).length - 1;
    if (count !== 1) {
      throw new Error(
        `Search index: Pagefind's ${PAGEFIND_WORKER_FILE} has ${count === 0 ? 'no' : count} copies of the text changed so that ${change.what} ` +
          `(expected one; see scripts/tune-pagefind-worker.mjs): check the change against this version of Pagefind's worker.`,
      );
    }
    tuned = tuned.replace(change.find, () => change.replace);
  }
  return tuned;
}
