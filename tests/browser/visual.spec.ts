/**
 * Visual regression: one page of each type at a phone (390 px) width in light, and at a desktop
 * (1366 px) width in light, and in dark for the pages that hold every component with its own dark
 * colours (dark uses the same layout, so phone-dark repeats both), compared with the committed
 * screenshots in tests/browser/visual.spec.ts-snapshots/.
 * A style change that breaks a page shows up as a failing comparison with a diff image.
 *
 * After an intended change, look at the new pictures, then update the baselines:
 *   npm run build && npx playwright test tests/browser/visual.spec.ts --update-snapshots
 * and commit them with the change. The clock is fixed so that dates on the page do not move.
 */
import { expect, test } from '@playwright/test';

/** One page of each kind; its name is the screenshot's file name. */
export const VISUAL_PAGES: Array<[name: string, path: string]> = [
  ['home', '/'],
  ['ksb', '/ksbs/s24/'],
  ['ksb-list', '/ksbs/'],
  ['duty', '/duties/3/'],
  ['duties', '/duties/'],
  ['epa', '/epa/'],
  ['method', '/epa/am2/'],
  ['theme', '/epa/am2/model-management/'],
  ['gateway', '/epa/gateway/'],
  ['grading', '/epa/grading/'],
  ['planner', '/epa/planner/'],
  ['report', '/epa/am1/report/'],
  ['eligibility', '/eligibility/'],
  ['eligibility-ksbs', '/eligibility/ksbs/'],
  ['eligibility-summary', '/eligibility/summary/'],
  ['quiz', '/quiz/'],
  ['practice', '/practice/'],
  ['progress', '/progress/'],
  ['my-data', '/my-data/'],
  ['evidence', '/evidence/'],
  ['search', '/search/?q=drift'],
  ['glossary', '/glossary/'],
  ['careers', '/careers/'],
  ['providers', '/providers/'],
  ['about', '/about/'],
  ['print-duty', '/print/duties/3/'],
  ['not-found', '/404.html'],
];

const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 768 } } as const;
/** Dark is drawn by the same tokens everywhere: these pages hold every component and island that has its own dark colours. */
const DARK_PAGES = new Set(['home', 'ksb', 'theme', 'planner', 'report', 'eligibility-ksbs', 'eligibility-summary', 'quiz', 'practice', 'progress', 'my-data', 'evidence', 'search']);
const FIXED_NOW = new Date('2026-11-30T10:00:00Z');

test.describe('visual regression', () => {
  for (const [name, path] of VISUAL_PAGES) {
    for (const [size, viewport] of Object.entries(WIDTHS)) {
      for (const scheme of size === 'phone' || !DARK_PAGES.has(name) ? (['light'] as const) : (['light', 'dark'] as const)) {
        test(`${name} at ${size} in ${scheme}`, async ({ browser }) => {
          const context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce' });
          const page = await context.newPage();
          await page.clock.setFixedTime(FIXED_NOW);
          await page.goto(path, { waitUntil: 'networkidle' });
          // Wait for the islands in view to hydrate (Astro removes their `ssr` attribute); islands
          // further down hydrate only when scrolled to, and are not in the picture.
          await page.waitForFunction(() =>
            [...document.querySelectorAll('astro-island[ssr]')].every(
              // An island is display: contents, so its first child holds its place on the page.
              (island) => (island.firstElementChild?.getBoundingClientRect().top ?? Infinity) > window.innerHeight,
            ),
          );
          await page.evaluate(() => document.fonts.ready);
          await expect(page).toHaveScreenshot(`${name}-${size}-${scheme}.png`, { fullPage: false, animations: 'disabled', caret: 'hide' });
          await context.close();
        });
      }
    }
  }
});

// Checked must look checked in both schemes: a radio group and a checkbox with one of each state,
// as pictures (native controls once drew a checked radio as a dark hole in the dark scheme).
test.describe('radios and checkboxes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`checked and unchecked, in ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: WIDTHS.phone, colorScheme: scheme, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const data = { englishMaths: {}, role: {}, ksbs: { K1: { opportunity: 'yes', canAlready: true } }, gateway: {} };
        localStorage.setItem('st1398:v1:eligibility', JSON.stringify({ version: 2, savedAt: '2026-11-30T10:00:00.000Z', data }));
      });
      await page.goto('/eligibility/ksbs/');
      const item = page.locator('.choice:has(input[type=checkbox]:checked)').first().locator('xpath=..');
      await item.scrollIntoViewIfNeeded();
      await expect(item.locator('input[type=radio][value=yes]')).toBeChecked();
      await expect(item).toHaveScreenshot(`controls-${scheme}.png`, { animations: 'disabled', caret: 'hide' });
      await context.close();
    });
  }
});
