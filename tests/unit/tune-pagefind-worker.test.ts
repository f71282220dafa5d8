/**
 * The build's two changes to Pagefind's search worker (scripts/tune-pagefind-worker.mjs): each made
 * exactly once, and a worker that no longer holds the text a change replaces (a new Pagefind)
 * stops the build with a message naming the change. The built worker is checked in
 * tests/site/search-index.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { tunePagefindWorker, WORKER_CHANGES } from '../../scripts/tune-pagefind-worker.mjs';

// The parts of Pagefind 1.6.0's worker the changes replace, in a stand-in worker.
const WORKER = [
  'var PagefindInstance=class{',
  'async getPtr(){while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(50);}return this.raw_ptr;}',
  'async init(language,opts){let resources=[this.loadMeta(index.hash)];if(opts.load_wasm===true){resources.push(this.loadWasm(lang_wasm));}await Promise.all(resources);}',
  '};',
].join('');

describe('tunePagefindWorker', () => {
  it('checks for the index every 5 ms, and makes the word splitter while the WebAssembly downloads', () => {
    const tuned = tunePagefindWorker(WORKER);
    expect(tuned).toContain('await asyncSleep(5);}return this.raw_ptr;');
    expect(tuned).not.toContain('asyncSleep(50)');
    expect(tuned).toMatch(
      /resources\.push\(this\.loadWasm\(lang_wasm\)\);setTimeout\(\(\)=>\{try\{new Intl\.Segmenter\(language,\{granularity:"grapheme"\}\);\}catch\(e\)\{\}\},0\);\}await Promise\.all/,
    );
    // The result is still JavaScript.
    expect(() => new Function(`${tuned}`)).not.toThrow();
  });

  it.each(WORKER_CHANGES.map((change) => [change.what, change.find] as const))(
    'stops the build when the worker no longer holds the text changed so that %s',
    (what, find) => {
      expect(() => tunePagefindWorker(WORKER.replace(find, ''))).toThrow(`has no copies of the text changed so that ${what}`);
      expect(() => tunePagefindWorker(WORKER + find)).toThrow(`has 2 copies of the text changed so that ${what}`);
    },
  );
});
