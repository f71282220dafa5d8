/**
 * Hydrating an island adopts the page as built; it does not rebuild it (issue #20). The page as
 * built joins adjacent pieces of text into one text node ("More about " + code + ": notes…"); an
 * island that renders them as separate pieces makes Preact split that node and insert the rest,
 * one DOM insertion each: 975 of them on the checklist's KSB page, most of its hydration time on a
 * phone. A learner with nothing saved sees the same text before and after, so no text node may be
 * added to or removed from an island while it hydrates.
 */
import { expect, test } from '@playwright/test';
import { newPage } from './support';

const PAGES = ['/eligibility/ksbs/', '/evidence/', '/ksbs/', '/eligibility/gateway/', '/epa/am1/report/', '/quiz/', '/progress/'];

for (const path of PAGES) {
  test(`${path}: hydrating changes no text in the page as built`, async ({ browser }) => {
    const page = await newPage(browser);
    await page.addInitScript(() => {
      const changes: string[] = [];
      (window as unknown as { __textChanges: string[] }).__textChanges = changes;
      const describe = (n: Node) => `${n.parentElement?.className || n.parentElement?.nodeName}: ${JSON.stringify(n.textContent?.slice(0, 40))}`;
      new MutationObserver((records) => {
        for (const r of records) {
          if (!(r.target instanceof Element) || !r.target.closest('astro-island')) continue;
          for (const n of r.addedNodes) if (n.nodeType === Node.TEXT_NODE) changes.push(`added ${describe(n)}`);
          for (const n of r.removedNodes) if (n.nodeType === Node.TEXT_NODE) changes.push(`removed ${JSON.stringify(n.textContent?.slice(0, 40))}`);
        }
      }).observe(document, { childList: true, subtree: true });
      // What the parser inserts while the page loads is the page as built: count from when it is done.
      document.addEventListener('DOMContentLoaded', () => changes.splice(0));
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.locator('astro-island [data-ready]').first().waitFor();
    // Something to see: the observer is in place and the island did hydrate.
    expect(await page.locator('astro-island:not([ssr])').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __textChanges: string[] }).__textChanges)).toEqual([]);
  });
}
