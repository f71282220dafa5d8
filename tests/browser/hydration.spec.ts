/**
 * Hydrating an island adopts the page as built; it does not rebuild it (issue #20). The page as
 * built joins adjacent pieces of text into one text node ("More about " + code + ": notes…"); an
 * island that renders them as separate pieces makes Preact split that node and insert the rest,
 * one DOM insertion each: 975 of them on the checklist's KSB page, most of its hydration time on a
 * phone. A learner with nothing saved sees the same text before and after, so no text node may be
 * added to or removed from an island while it hydrates.
 */
import { expect, test } from '@playwright/test';
import { newPage, openWithIslandsHeld } from './support';

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

/**
 * An island that shows a figure it reads from what is saved (a count, a status) holds the figure's
 * place while it reads, hidden, as it would read with nothing saved, so for a learner with nothing
 * saved nothing below it moves when the island starts (src/islands/shared/ReadingNote.tsx): a
 * learner who scrolled on before then would see the page jump, and the phone lays it all out again.
 */
const HOLDING = [
  { path: '/eligibility/', island: 'TaskList' },
  { path: '/eligibility/gateway/', island: 'Gateway' },
  { path: '/quiz/', island: 'QuizBuilder' },
  // On a wide screen the log's coverage is near enough to be drawn as the page starts, and is longer
  // than the place held for it (by design: a part drawn when wanted only ever lengthens the page).
  { path: '/evidence/', island: 'EvidenceLog', widths: [320, 412] },
  { path: '/my-data/', island: 'DataTransfer' },
  { path: '/practice/', island: 'Practice' },
];
for (const { path, island, widths = [320, 412, 1366] } of HOLDING) {
  test(`${path}: starting ${island} moves nothing below it, at ${widths.join(', ')} px`, async ({ browser }) => {
    for (const width of widths) {
      const page = await newPage(browser, { viewport: { width, height: 800 } });
      // Held back until the page as built has been measured.
      const { release } = await openWithIslandsHeld(page, path);
      /** Where the blocks after the island are, on the page (other islands' tops included). */
      const places = () =>
        page.evaluate((name) => {
          const root = [...document.querySelectorAll('astro-island')].find((el) => el.getAttribute('component-url')?.includes(`/${name}.`))!;
          const out: string[] = [];
          for (let el: Element | null = root; el && el.tagName !== 'MAIN'; el = el.parentElement)
            for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
              // An island has no box of its own (display: contents): its first element's stands for it.
              const box = getComputedStyle(next).display === 'contents' ? next.firstElementChild : next;
              out.push(`${next.tagName} ${Math.round((box ?? next).getBoundingClientRect().top + scrollY)}`);
            }
          return out;
        }, island);
      const before = await places();
      expect(before.filter((place) => !place.endsWith(' 0')).length, 'something with a place follows the island').toBeGreaterThan(0);
      release();
      const root = page.locator(`astro-island[component-url*="/${island}."]`);
      await root.locator('[data-ready]').first().waitFor();
      // Started, and everything it reads is read: no "Reading your …" left.
      await expect(root.locator('.reading-note')).toHaveCount(0);
      expect(await places(), `${width} px`).toEqual(before);
      await page.context().close();
    }
  });
}
