// @vitest-environment happy-dom
/**
 * Pagefind spoken to through its worker (src/client/search/pagefind-worker.ts), with a fake Worker
 * that records what it is sent and replies when the test says: the messages Pagefind's worker
 * expects, replies matched to their requests in whatever order they come, a result's data fetched
 * only when asked for, and every failure (an error reply, a worker that stops or never starts)
 * ending in a rejected call, which the dialog and the search page show as SEARCH_UNAVAILABLE. The
 * dialog itself: the word being typed is preloaded, and a failed worker is replaced on the next try.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPagefindWorker, type WorkerLike } from '../../src/client/search/pagefind-worker';

interface Message {
  id: string;
  instanceId: string;
  method: string;
  args: unknown[];
}

class FakeWorker implements WorkerLike {
  static started: FakeWorker[] = [];
  readonly sent: Message[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Array<(event: { data?: unknown }) => void>>();
  constructor(readonly url: string) {
    FakeWorker.started.push(this);
  }
  postMessage(message: unknown): void {
    this.sent.push(structuredClone(message) as Message);
  }
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  terminate(): void {
    this.terminated = true;
  }
  private fire(type: string, data?: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
  /** The worker's reply to the message with this id. */
  reply(id: string, result: unknown) {
    this.fire('message', { id, result });
  }
  replyError(id: string, error: string) {
    this.fire('message', { id, error });
  }
  /** The worker's file could not be fetched, or the worker stopped. */
  crash() {
    this.fire('error');
  }
  /** The last message sent for `method`. */
  last(method: string): Message {
    const message = this.sent.filter((m) => m.method === method).at(-1);
    expect(message, `a "${method}" message`).toBeDefined();
    return message!;
  }
}

const settle = async () => {
  for (let n = 0; n < 10; n++) await Promise.resolve();
};

const start = () => {
  let worker: FakeWorker | undefined;
  const pagefind = startPagefindWorker({ basePath: '/sub/pagefind/', language: 'en-gb', createWorker: (url) => (worker = new FakeWorker(url)) });
  return { pagefind, worker: worker! };
};

/** A search reply as Pagefind's worker sends it: each result's data is an id. */
const searchReply = (ids: string[]) => ({
  results: ids.map((data, i) => ({ id: `page${i}`, score: 10 - i, words: [i], data })),
  unfilteredResultCount: ids.length,
  filters: {},
  totalFilters: {},
  timings: [],
});

beforeEach(() => {
  FakeWorker.started = [];
});

describe('startPagefindWorker: the messages Pagefind’s worker expects', () => {
  it('starts the worker from the index’s folder and sends "init" with the options given before it, once', async () => {
    const { pagefind, worker } = start();
    expect(worker.url).toBe('/sub/pagefind/pagefind-worker.js');
    expect(worker.sent, 'nothing before init or a search').toEqual([]);
    await pagefind.options({ excerptLength: 24 });
    void pagefind.init();
    void pagefind.init();
    expect(worker.sent).toEqual([{ id: 'msg_0', instanceId: 'pf_0', method: 'init', args: [{ basePath: '/sub/pagefind/', language: 'en-gb', excerptLength: 24, primary: true }] }]);
    // Options once started go to the worker.
    const later = pagefind.options({ excerptLength: 30 });
    expect(worker.last('options')).toMatchObject({ instanceId: 'pf_0', args: [{ excerptLength: 30 }] });
    worker.reply(worker.last('options').id, true);
    await later;
  });

  it('sends a search straight after "init", without waiting for its reply, and gives each result a data() that asks for it', async () => {
    const { pagefind, worker } = start();
    const searching = pagefind.search('drift', { filters: { type: { any: ['KSB'] } } });
    expect(worker.sent.map((m) => m.method)).toEqual(['init', 'search']);
    expect(worker.last('search').args).toEqual(['drift', { filters: { type: { any: ['KSB'] } } }]);
    worker.reply(worker.last('search').id, searchReply(['data_1_0', 'data_1_1']));
    const search = (await searching)!;
    expect(search.results.map((r) => [r.id, r.score])).toEqual([
      ['page0', 10],
      ['page1', 9],
    ]);
    expect(worker.sent.filter((m) => m.method === 'getData'), 'no data fetched until asked').toEqual([]);

    const data = search.results[1]!.data();
    expect(worker.last('getData').args).toEqual(['data_1_1']);
    const page = { url: '/ksbs/s24/', excerpt: 'about <mark>drift</mark>', meta: { title: 'S24' }, filters: { type: ['KSB'] } };
    worker.reply(worker.last('getData').id, page);
    await expect(data).resolves.toEqual(page);
  });

  it('matches replies to their requests whatever order they come in', async () => {
    const { pagefind, worker } = start();
    const first = pagefind.search('dr', {});
    const filters = pagefind.filters();
    const second = pagefind.search('drift', {});
    const [a, f, b] = [worker.sent[1]!, worker.sent[2]!, worker.sent[3]!];
    expect(new Set([a.id, f.id, b.id]).size, 'each request its own id').toBe(3);
    worker.reply(b.id, searchReply(['data_b']));
    worker.reply(f.id, { type: { KSB: 70 } });
    worker.reply(a.id, searchReply(['data_a1', 'data_a2']));
    expect((await first)!.results).toHaveLength(2);
    expect((await second)!.results).toHaveLength(1);
    await expect(filters).resolves.toEqual({ type: { KSB: 70 } });
  });

  it('preloads a term', async () => {
    const { pagefind, worker } = start();
    const preloading = pagefind.preload('dri');
    expect(worker.last('preload').args).toEqual(['dri', {}]);
    worker.reply(worker.last('preload').id, true);
    await expect(preloading).resolves.toBeUndefined();
  });

  it('a reply nobody asked for, or one for a call already answered, changes nothing', async () => {
    const { pagefind, worker } = start();
    const searching = pagefind.search('drift', {});
    const { id } = worker.last('search');
    worker.reply('msg_99', searchReply(['x']));
    worker.reply(id, searchReply(['data_1']));
    worker.reply(id, searchReply(['data_1', 'data_2']));
    expect((await searching)!.results).toHaveLength(1);
  });
});

describe('startPagefindWorker: failures', () => {
  it('an error reply (the index could not load) rejects the call, stops the worker and rejects every later call unsent', async () => {
    const { pagefind, worker } = start();
    const searching = pagefind.search('drift', {});
    const other = pagefind.filters();
    worker.replyError(worker.last('search').id, 'Failed to load Pagefind metadata');
    await expect(searching).rejects.toThrow('Failed to load Pagefind metadata');
    await expect(other, 'a call still waiting').rejects.toThrow('Failed to load Pagefind metadata');
    expect(pagefind.failed).toBe(true);
    expect(worker.terminated).toBe(true);
    const sent = worker.sent.length;
    await expect(pagefind.search('bias', {})).rejects.toThrow();
    expect(worker.sent, 'nothing more is sent to a failed worker').toHaveLength(sent);
  });

  it('a worker that fails to start (its file cannot be fetched) rejects every call waiting for it', async () => {
    const { pagefind, worker } = start();
    const searching = pagefind.search('drift', {});
    const preloading = pagefind.preload('drift');
    worker.crash();
    await expect(searching).rejects.toThrow('the search worker failed');
    await expect(preloading).rejects.toThrow('the search worker failed');
    expect(pagefind.failed).toBe(true);
  });

  it('a result’s data the worker no longer keeps, or an error fetching it, rejects that data() only', async () => {
    const { pagefind, worker } = start();
    const searching = pagefind.search('drift', {});
    worker.reply(worker.last('search').id, searchReply(['data_1', 'data_2']));
    const [r1, r2] = (await searching)!.results;
    const gone = r1!.data();
    worker.reply(worker.last('getData').id, null);
    await expect(gone).rejects.toThrow('no longer kept');
    const failing = r2!.data();
    worker.replyError(worker.last('getData').id, '404 fetching fragment');
    await expect(failing).rejects.toThrow('404 fetching fragment');
    expect(pagefind.failed, 'the index itself still works').toBe(false);
  });

  it('a browser that will not start the worker at all throws', () => {
    expect(() =>
      startPagefindWorker({
        basePath: '/pagefind/',
        language: 'en-gb',
        createWorker: () => {
          throw new DOMException('refused by the Content-Security-Policy', 'SecurityError');
        },
      }),
    ).toThrow('Content-Security-Policy');
  });
});

describe('loadPagefind and the search dialog', () => {
  // Each test has modules of its own, so no worker is left over from another.
  const modules = async () => {
    vi.resetModules();
    return { ...(await import('../../src/client/search/pagefind')), ...(await import('../../src/client/search/dialog')) };
  };
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
    document.documentElement.lang = 'en-GB';
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('starts one worker, from the site’s Pagefind folder, in the page’s language, and a new one once it has failed', async () => {
    const { loadPagefind, find } = await modules();
    const pagefind = await loadPagefind();
    expect(await loadPagefind()).toBe(pagefind);
    expect(FakeWorker.started).toHaveLength(1);
    const worker = FakeWorker.started[0]!;
    expect(worker.url).toBe('/pagefind/pagefind-worker.js');
    expect(worker.last('init').args).toEqual([{ basePath: '/pagefind/', language: 'en-gb', excerptLength: 24, primary: true }]);

    const searching = find(pagefind, 'drift');
    worker.replyError(worker.last('search').id, 'Failed to load the Pagefind WASM');
    await expect(searching).rejects.toThrow();
    const again = await loadPagefind();
    expect(again).not.toBe(pagefind);
    expect(FakeWorker.started).toHaveLength(2);
    worker.crash(); // (the old one, already stopped, changes nothing)
    expect(FakeWorker.started[1]!.sent.map((m) => m.method)).toEqual(['init']);
  });

  it('takes over the worker the page started as search was asked for, once; one it does not need is stopped', async () => {
    const { loadPagefind, openSearchDialog } = await modules();
    const early = new FakeWorker('/pagefind/pagefind-worker.js');
    let handedOver = 0;
    const take = () => (handedOver++ === 0 ? early : undefined); // (as site.ts hands it over: once)
    openSearchDialog(undefined, '', take);
    expect(FakeWorker.started, 'no second worker').toEqual([early]);
    expect(early.sent.map((m) => m.method), 'Pagefind starts in the worker the page started').toEqual(['init']);
    expect(await loadPagefind(take)).toBeDefined();
    expect(early.terminated, 'the worker in use is kept').toBe(false);

    // The page started another (the dialog's code had already loaded): it is stopped, not kept running.
    const spare = new FakeWorker('/pagefind/pagefind-worker.js');
    await loadPagefind(() => spare);
    expect(spare.terminated).toBe(true);
    expect(early.terminated).toBe(false);

    // A failed worker is replaced by a new one, even if the page has none to hand over.
    early.crash();
    await settle();
    await loadPagefind(take);
    expect(FakeWorker.started).toHaveLength(3);
    expect(FakeWorker.started[2]!.sent.map((m) => m.method)).toEqual(['init']);
  });

  it('a worker the browser will not start: loadPagefind rejects, and the next call tries again', async () => {
    const { loadPagefind } = await modules();
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('blocked', 'SecurityError');
        }
      },
    );
    await expect(loadPagefind()).rejects.toThrow('blocked');
    vi.stubGlobal('Worker', FakeWorker);
    await expect(loadPagefind()).resolves.toBeDefined();
  });

  it('the dialog preloads the word being typed, shows the results, and says search is unavailable when the worker fails', async () => {
    const { openSearchDialog, SEARCH_UNAVAILABLE } = await modules();
    openSearchDialog();
    expect(FakeWorker.started, 'the worker starts as search opens').toHaveLength(1);
    const worker = FakeWorker.started[0]!;
    const input = document.querySelector<HTMLInputElement>('#search-dialog-input')!;
    const status = document.querySelector<HTMLElement>('.search-dialog__status')!;
    const type = async (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await settle();
    };

    await type('d');
    expect(worker.sent.map((m) => m.method), 'one letter: nothing searched or fetched').toEqual(['init']);
    await type('model dr');
    expect(worker.last('preload').args).toEqual(['dr', {}]);
    expect(worker.last('search').args[0]).toBe('model dr');
    worker.reply(worker.last('search').id, searchReply(['data_1']));
    await settle();
    worker.reply(worker.last('getData').id, { url: '/ksbs/s24/', excerpt: 'model <mark>drift</mark>', meta: { title: 'S24' }, filters: { type: ['KSB'] } });
    await settle();
    expect(document.querySelector('#search-dialog-results a')?.getAttribute('href')).toBe('/ksbs/s24/');
    expect(status.textContent).toBe('1 result');

    await type('model drift');
    expect(worker.last('preload').args).toEqual(['drift', {}]);
    worker.crash();
    await settle();
    expect(status.textContent).toBe(SEARCH_UNAVAILABLE);
    expect(document.querySelector('#search-dialog-results a')).toBeNull();

    // The next keystroke tries again, with a new worker.
    await type('model drifts');
    expect(FakeWorker.started).toHaveLength(2);
    expect(FakeWorker.started[1]!.sent.map((m) => m.method)).toEqual(['init', 'preload', 'search']);
  });
});
