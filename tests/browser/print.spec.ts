/**
 * Print, as a learner or provider gets it: Chromium prints each page to an A4 PDF and the pages are
 * counted. Every printable list fits the one sheet the providers' page promises; the readiness
 * report starts on its first page and flows on, with no page left half empty by a forced break.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { createStandard } from '../../src/lib/standard';
import { newPage, progressDrawn } from './support';

const standard = createStandard(loadStandardContent());
// Literal paths: src/lib/urls.ts reads Vite's import.meta.env, which Playwright's Node does not have.
const oneSheet = [...standard.duties.map((d) => `/print/duties/${d.number}/`), ...standard.themes.map((t) => `/print/themes/${t.id}/`)];

async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test(`each of the ${oneSheet.length} printable lists prints on one A4 sheet`, async ({ browser }) => {
  const page = await newPage(browser);
  const counts: Record<string, number> = {};
  for (const path of oneSheet) {
    await page.goto(path);
    counts[path] = await printedPages(page);
  }
  expect(Object.entries(counts).filter(([, n]) => n !== 1)).toEqual([]);
});

test('the readiness report prints from the top of page 1 and flows on, without a page left half empty', async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 718, height: 1047 } }); // A4 less the margins, at 96 dpi
  await page.goto('/ksbs/k7/');
  await page.locator('#rating').scrollIntoViewIfNeeded();
  await page.locator('#rating .self-rating[data-ready="true"]').waitFor();
  await page.locator('#rating').getByLabel('Confident', { exact: true }).check();
  // Every KSB rated: the longest report a learner can print from ratings.
  await page.evaluate((codes) => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(':ratings'))!;
    const saved = JSON.parse(localStorage.getItem(key)!);
    for (const code of codes) saved.data.ksbs[code] = saved.data.ksbs.K7;
    localStorage.setItem(key, JSON.stringify(saved));
  }, standard.ksbs.map((k) => k.code));
  await page.goto('/progress/');
  await progressDrawn(page);
  await expect(page.locator('tr[data-ksb]')).toHaveCount(standard.ksbs.length);
  await page.emulateMedia({ media: 'print' });

  const forced = await page.locator('main *').evaluateAll((els) => els.filter((el) => ['page', 'always', 'left', 'right'].includes(getComputedStyle(el).breakBefore)).map((el) => el.tagName + '.' + el.className));
  expect(forced, 'no forced page break').toEqual([]);
  const methodTop = await page.locator('.progress-method').first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(methodTop, 'the first assessment method starts on page 1').toBeLessThan(1047);
  expect(await printedPages(page)).toBeLessThanOrEqual(10);
});
