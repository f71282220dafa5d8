/**
 * Pagefind in the browser, spoken to directly through its search worker: the worker file Pagefind
 * ships (dist/pagefind/pagefind-worker.js, which loads the index and the WebAssembly), without
 * pagefind.js (14 KB gzip, and a round trip before the worker could start). Only what the site uses
 * is here: init, options, search, preload, filters, and each result's data().
 *
 * The protocol, as Pagefind 1.6.0's pagefind.js speaks it: every message is
 * `{ id, instanceId, method, args }` and the worker replies `{ id, result }` or `{ id, error }`
 * (a message string), in any order. "init" (args: the options, with basePath and language) makes an
 * instance, which starts fetching the index's entry, metadata and WebAssembly at once, and replies
 * straight away; a failure to load them shows as an error reply to the calls that follow. Messages
 * are handled in the order sent, so a search can follow "init" without waiting for its reply. A
 * search's results carry a data id in place of data(); "getData" with that id returns the result's
 * data and "releaseData" lets the worker forget it.
 */
import { PAGEFIND_WORKER_FILE } from '../../lib/search/pagefind-files.mjs';
import type { Pagefind, PagefindResult, PagefindResultData, PagefindSearch } from './pagefind-types';

/** What of a Worker this module uses (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: { data?: unknown }) => void): void;
  terminate(): void;
}

export interface PagefindWorkerOptions {
  /** Where Pagefind's files are, ending in "/": href('/pagefind/'). */
  basePath: string;
  /** The index's language, as Pagefind names it: the page's lang, in lower case. */
  language: string;
  /** Starts the worker; `new Worker(url)` unless a test gives its own. */
  createWorker?: (url: string) => WorkerLike;
}

/** Pagefind through its worker; `failed` once the worker has stopped or its index could not load. */
export interface PagefindWorker extends Pagefind {
  readonly failed: boolean;
  terminate(): void;
}

interface Reply {
  id: string;
  result?: unknown;
  error?: string;
}

/** A search as the worker returns it: each result's data is an id to ask for. */
type SearchReply = Omit<PagefindSearch, 'results'> & { results: Array<Omit<PagefindResult, 'data'> & { data: string }> };

const INSTANCE = 'pf_0';

/**
 * Starts Pagefind's worker at `${basePath}pagefind-worker.js`. Throws if the browser will not start
 * it at all; once the worker fails (its file cannot be fetched, it stops, or its index cannot load)
 * it is stopped, every call waiting for it and every later one is rejected, and `failed` turns true.
 */
export function startPagefindWorker({ basePath, language, createWorker = (url) => new Worker(url) }: PagefindWorkerOptions): PagefindWorker {
  const worker = createWorker(`${basePath}${PAGEFIND_WORKER_FILE}`);
  const waiting = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  let initOptions: Record<string, unknown> = { basePath, language };
  let started: Promise<unknown> | undefined;

  const fail = (error: Error) => {
    if (!failure) worker.terminate();
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  worker.addEventListener('message', (event) => {
    const reply = event.data as Reply | undefined;
    const call = reply && waiting.get(reply.id);
    if (!call) return;
    waiting.delete(reply.id);
    if (reply.error !== undefined) call.reject(new Error(`Pagefind: ${reply.error}`));
    else call.resolve(reply.result);
  });
  worker.addEventListener('error', () => fail(new Error('Pagefind: the search worker failed')));
  worker.addEventListener('messageerror', () => fail(new Error('Pagefind: a reply from the search worker could not be read')));

  const send = <T>(method: string, args: unknown[]): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = `msg_${nextId++}`;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, instanceId: INSTANCE, method, args });
    });
  };
  /**
   * A call the index must answer: an error reply means the index did not load (the worker keeps
   * the failed instance), so this worker is done with and the next search starts another.
   */
  const ask = <T>(method: string, args: unknown[]): Promise<T> => {
    void init();
    return send<T>(method, args).catch((error: Error) => {
      fail(error);
      throw error;
    });
  };
  const init = (): Promise<unknown> => {
    if (!started) {
      started = send('init', [{ ...initOptions, primary: true }]);
      started.catch(() => undefined); // (whoever waits for it hears of a failure; the calls after it do too)
    }
    return started;
  };

  // Results no one holds any more: the worker may forget their data.
  const registry = typeof FinalizationRegistry === 'undefined' ? undefined : new FinalizationRegistry<string>((dataId) => void send('releaseData', [dataId]).catch(() => undefined));

  return {
    get failed() {
      return failure !== undefined;
    },
    terminate() {
      fail(new Error('Pagefind: the search worker was stopped'));
    },
    async options(options) {
      if (started) await send('options', [options]);
      else initOptions = { ...initOptions, ...options };
    },
    async init() {
      await init();
    },
    async search(term, options = {}) {
      const reply = await ask<SearchReply | null>('search', [term, options]);
      if (!reply) return null;
      return {
        ...reply,
        results: reply.results.map((r) => {
          const dataId = r.data;
          const result: PagefindResult = {
            ...r,
            data: async () => {
              const data = await send<PagefindResultData | null>('getData', [dataId]);
              if (!data) throw new Error('Pagefind: this result’s data is no longer kept');
              return data;
            },
          };
          registry?.register(result, dataId);
          return result;
        }),
      };
    },
    async preload(term, options = {}) {
      await ask('preload', [term, options]);
    },
    filters() {
      return ask('filters', []);
    },
  };
}
