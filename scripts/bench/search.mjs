/**
 * Search figures for the benchmark, measured in Chromium against the served site:
 * - bytes fetched before search is opened (should be none of the index or dialog code);
 * - bytes fetched by the first opening and first query (gzip, as a host would send them), and then
 *   by the 20 timed queries;
 * - time from a keystroke to rendered results, median over 20 queries (includes the dialog's
 *   80 ms typing pause, since that is what a user waits for).
 */
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const QUERIES = ['s24', 'drift', 'bias', 'CRISP', 'gateway', 'k7', 'sustainability', 'stakeholder', 'security', 'monitoring', 'deployment', 'grading', 'distinction', 'synthetic', 'ethics', 'lineage', 'automation', 'b5', 'presentation', 'scoping'];

export async function searchFigures(origin, chromiumPath, flags) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: flags.filter((f) => f !== '--headless=new') });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const phase = { now: 'load' };
    const bytes = { load: 0, open: 0, queries: 0 };
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (!(url.pathname.includes('/pagefind/') || url.pathname.includes('dialog'))) return;
      try {
        bytes[phase.now] += gzipSync(await response.body()).length;
      } catch {}
    });
    await page.goto(`${origin}/ksbs/k7/`, { waitUntil: 'networkidle' });
    phase.now = 'open';
    await page.keyboard.press('/');
    await page.waitForSelector('dialog[open]');
    await page.fill('#search-dialog-input', 'drift');
    await page.waitForFunction(() => /result/.test(document.querySelector('.search-dialog__status')?.textContent ?? ''));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    phase.now = 'queries';

    const times = [];
    for (const query of QUERIES) {
      const ms = await page.evaluate(async (q) => {
        const input = document.querySelector('#search-dialog-input');
        const status = document.querySelector('.search-dialog__status');
        input.value = '';
        input.dispatchEvent(new Event('input'));
        await new Promise((r) => setTimeout(r, 150));
        status.textContent = '';
        const start = performance.now();
        return new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (status.textContent) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          input.value = q;
          input.dispatchEvent(new Event('input'));
        });
      }, query);
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    return {
      bytesBeforeOpen: bytes.load,
      bytesOnOpenGzip: bytes.open,
      // Each new word fetches its own slice of the index and the results' excerpts.
      bytesForQueriesGzip: bytes.queries,
      queries: QUERIES.length,
      medianMs: Math.round(times[Math.floor(times.length / 2)]),
      slowestMs: Math.round(times[times.length - 1]),
    };
  } finally {
    await browser.close();
  }
}
