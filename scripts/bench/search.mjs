/**
 * Search figures for the benchmark, measured in Chromium against the bench's own server, which
 * compresses text as a host would and counts every byte it sends (see scripts/site-server.mjs), so
 * the page's requests, the search worker's and the WebAssembly are all counted, headers included:
 * - bytes of search code or index fetched with a page, before search is opened (should be none);
 * - bytes fetched from opening search to its first result, and to the first results all shown;
 * - time from the last keystroke to the query's first result shown, median over 20 queries: on a
 *   fresh page, search opened and the query typed at 100 ms a key (a fast typist; the index loads
 *   meanwhile) or entered at once as the dialog opens (pasted: the index has not loaded at all);
 *   and on a page where search has loaded, each query entered at once.
 */
import { chromium } from '@playwright/test';
import { median } from './stats.mjs';

export const QUERIES = ['s24', 'drift', 'bias', 'CRISP', 'gateway', 'k7', 'sustainability', 'stakeholder', 'security', 'monitoring', 'deployment', 'grading', 'distinction', 'synthetic', 'ethics', 'lineage', 'automation', 'b5', 'presentation', 'scoping'];
const PAGE = '/ksbs/k7/';
const VIEWPORT = { width: 390, height: 844 };
const isSearch = (path) => path.includes('/pagefind/') || /\/_astro\/(dialog|pagefind)[.-]/.test(path);

/**
 * Runs in the page, the dialog open: from now on, window.__firstResult resolves with the ms from
 * the last keystroke (input event) to the first result for `q` shown. The list names the term its
 * results are for (data-results-for), so an earlier prefix's results do not count.
 */
function watchFirstResult(q) {
  const list = document.querySelector('#search-dialog-results');
  let lastKey = performance.now();
  document.addEventListener('input', () => (lastKey = performance.now()), true);
  window.__firstResult = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const resultsFor = list.dataset.resultsFor ?? q; // (a list that does not say is taken at its word)
      if (resultsFor !== q || !list.querySelector('.search-result a[href]')) return;
      observer.disconnect();
      resolve(performance.now() - lastKey);
    });
    observer.observe(list, { childList: true, subtree: true, attributes: true });
  });
}

/** Runs in the page: enters `q` at once in the open dialog and resolves with the ms until its first result shows. */
async function timeToFirstResult(q) {
  watchFirstResult(q);
  const input = document.querySelector('#search-dialog-input');
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return window.__firstResult;
}

/** Puts the two functions above in the page, as window.__bench. */
const HELPERS = `(() => { ${watchFirstResult}\n${timeToFirstResult}\nwindow.__bench = { watchFirstResult, timeToFirstResult }; })()`;

/** A median in whole milliseconds. @param {number[]} values */
const medianMs = (values) => Math.round(median(values));

/**
 * @param {string} origin the bench server's origin (with BASE_PATH, if any, as its path)
 * @param {{ listener?: (sent: { path: string, bodyBytes: number, wireBytes: number }) => void }} traffic
 *   what the bench server sends is reported to traffic.listener
 */
export async function searchFigures(origin, chromiumPath, flags, traffic) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: flags.filter((f) => f !== '--headless=new') });
  const sent = [];
  traffic.listener = (s) => sent.push({ ...s, at: performance.now() });
  const sum = (list, key) => list.reduce((total, s) => total + s[key], 0);
  const bytes = (list) => ({ bytes: sum(list, 'wireBytes'), bodyBytes: sum(list, 'bodyBytes'), requests: list.length });
  /** A fresh page (empty cache) with search open; `opened` counts what was sent before opening. */
  const freshPage = async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${origin}${PAGE}`, { waitUntil: 'networkidle' });
    const loaded = sent.length;
    await page.keyboard.press('/');
    await page.waitForSelector('#search-dialog-input:focus');
    await page.evaluate(HELPERS);
    return { context, page, loaded };
  };
  try {
    // Bytes: a fresh page, search opened, "drift" entered at once.
    const before = sent.length;
    const { context, page, loaded } = await freshPage();
    const beforeOpen = sent.slice(before, loaded).filter((s) => isSearch(s.path));
    await page.evaluate((q) => window.__bench.timeToFirstResult(q), 'drift');
    const firstShown = performance.now();
    const toFirst = sent.slice(loaded).filter((s) => s.at <= firstShown);
    await page.waitForFunction((n) => document.querySelectorAll('#search-dialog-results .search-result a[href]').length >= n, 5);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const toShown = sent.slice(loaded);
    const shownCount = await page.locator('#search-dialog-results .search-result a[href]').count();

    // Keystroke to first result, search loaded: the same page, 20 new queries.
    const loadedMs = [];
    for (const q of QUERIES) {
      await page.fill('#search-dialog-input', '');
      await page.waitForFunction(() => !document.querySelector('#search-dialog-results .search-result'));
      await page.waitForTimeout(150);
      loadedMs.push(await page.evaluate((query) => window.__bench.timeToFirstResult(query), q));
    }
    await context.close();

    // On a fresh page: each query typed at 100 ms a key, then entered at once as search opens.
    const typedMs = [];
    let typedDrift;
    for (const q of QUERIES) {
      const fresh = await freshPage();
      await fresh.page.evaluate((query) => window.__bench.watchFirstResult(query), q);
      await fresh.page.keyboard.type(q, { delay: 100 });
      typedMs.push(await fresh.page.evaluate(() => window.__firstResult));
      if (q === 'drift') typedDrift = bytes(sent.slice(fresh.loaded).filter((s) => s.at <= performance.now()));
      await fresh.context.close();
    }
    const pastedMs = [];
    for (const q of QUERIES) {
      const fresh = await freshPage();
      pastedMs.push(await fresh.page.evaluate((query) => window.__bench.timeToFirstResult(query), q));
      await fresh.context.close();
    }

    return {
      page: PAGE,
      query: 'drift',
      bytesBeforeOpen: sum(beforeOpen, 'wireBytes'),
      toFirstResult: bytes(toFirst),
      toResultsShown: { shown: shownCount, ...bytes(toShown), fetched: toShown.map((s) => ({ path: s.path, bytes: s.wireBytes, bodyBytes: s.bodyBytes })) },
      typedToFirstResult: typedDrift,
      queries: QUERIES.length,
      freshTypedMedianMs: medianMs(typedMs),
      freshTypedSlowestMs: Math.round(Math.max(...typedMs)),
      freshPastedMedianMs: medianMs(pastedMs),
      freshPastedSlowestMs: Math.round(Math.max(...pastedMs)),
      loadedMedianMs: medianMs(loadedMs),
      loadedSlowestMs: Math.round(Math.max(...loadedMs)),
    };
  } finally {
    traffic.listener = undefined;
    await browser.close();
  }
}
