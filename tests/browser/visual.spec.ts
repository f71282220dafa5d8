/**
 * Visual regression: one page of each type, each pictured four ways: at a phone width (390 px) and a
 * desktop width (1366 px), each in the light and the dark scheme, compared with the committed
 * screenshots in tests/browser/__screenshots__/ (playwright.config.ts, snapshotPathTemplate).
 * Each page is loaded once and then resized and switched between schemes, so the four pictures cost
 * little more than one. On a phone the picture is the first two screens (all of a shorter page; four
 * for the planner and progress); on a desktop, the first screen. /progress/ and /epa/planner/ are pictured with saved progress.
 * A style change that breaks a page shows up as a failing comparison with a diff image.
 *
 * After an intended change, look at the new pictures, then update the baselines:
 *   npm run build && npx playwright test tests/browser/visual.spec.ts --update-snapshots
 * and commit them with the change. The clock is fixed so that dates on the page do not move.
 */
import { expect, test, type Page } from '@playwright/test';
import { SEEDED_NOW, seedProgress } from './support';

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
/** How much of a page the phone picture holds: two screens, or all of a shorter page. */
const PHONE_SCREENS = 2;
/** Pages whose point is further down: the planner's timeline, the progress picture by theme. */
const PHONE_SCREENS_OF: Record<string, number> = { planner: 4, progress: 4 };
/** Pages pictured with saved progress (support.ts, seedProgress): empty, they show little. */
const SEEDED = new Set(['progress', 'planner']);
const FIXED_NOW = SEEDED_NOW;

/** Two animation frames: styles, layout and paint have caught up with a resize or a scheme change. */
const settle = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** The page's height once it has stopped changing (the same over 250 ms). */
async function settledHeight(page: Page): Promise<number> {
  let last = -1;
  for (;;) {
    await settle(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    if (height === last) return height;
    last = height;
    await page.waitForTimeout(250);
  }
}

/**
 * Waits until every island that starts above `bottom` (page coordinates) has hydrated (Astro
 * removes its `ssr` attribute); islands further down hydrate only when scrolled to, and are not in
 * the picture. An island is display: contents, so its first child holds its place on the page.
 */
async function islandsHydratedAbove(page: Page, bottom: number) {
  await page.waitForFunction(
    (bottom) =>
      [...document.querySelectorAll('astro-island[ssr]')].every(
        (island) => (island.firstElementChild?.getBoundingClientRect().top ?? Infinity) + window.scrollY > bottom,
      ),
    bottom,
  );
}

test.describe('visual regression', () => {
  for (const [name, path] of VISUAL_PAGES) {
    test(`${name} at phone and desktop width, light and dark`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: WIDTHS.phone, colorScheme: 'light', reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.clock.setFixedTime(FIXED_NOW);
      if (SEEDED.has(name)) await seedProgress(page);
      await page.goto(path, { waitUntil: 'networkidle' });
      // Example addresses show the origin the site is served from (src/client/site.ts), which is the
      // test server's port: pictured with one fixed origin, so the port does not change the picture.
      await page.evaluate(() => document.querySelectorAll('[data-site-address]').forEach((a) => (a.textContent = a.textContent!.replace(location.origin, 'https://study.example.org'))));
      // A generous timeout: each picture is taken until two in a row match, on a busy 2-core machine.
      const shot = { animations: 'disabled', caret: 'hide', timeout: 20_000 } as const;

      // Phone: scroll through the part pictured so its islands hydrate (they wait to be seen), then
      // back to the top; the picture's height is taken once the page's height has settled (an island
      // that reads saved progress grows after it hydrates).
      const most = WIDTHS.phone.height * (PHONE_SCREENS_OF[name] ?? PHONE_SCREENS);
      for (let y = WIDTHS.phone.height / 2; y < most; y += WIDTHS.phone.height / 2) await page.evaluate((y) => window.scrollTo(0, y), y);
      await islandsHydratedAbove(page, most);
      await page.evaluate(() => window.scrollTo(0, 0));
      // Parts drawn only near the screen (content-visibility: auto, /progress/'s themes) are drawn,
      // as each is for a learner who scrolls to it: a picture of the whole page is taken from its top.
      await page.evaluate(() => {
        for (const element of document.querySelectorAll<HTMLElement>('body *'))
          if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
      });
      await page.evaluate(() => document.fonts.ready);
      const height = Math.min(await settledHeight(page), most);
      const clip = { x: 0, y: 0, width: WIDTHS.phone.width, height };
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await settle(page);
        await expect.soft(page).toHaveScreenshot(`${name}-phone-${scheme}.png`, { ...shot, fullPage: true, clip });
      }

      // Desktop: the first screen, once the islands in it have hydrated.
      await page.setViewportSize(WIDTHS.desktop);
      await page.evaluate(() => window.scrollTo(0, 0));
      await settle(page);
      await islandsHydratedAbove(page, WIDTHS.desktop.height);
      await page.evaluate(() => document.fonts.ready);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await settle(page);
        await expect.soft(page).toHaveScreenshot(`${name}-desktop-${scheme}.png`, shot);
      }
      await context.close();
    });
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
