/**
 * Quality gates over every built page, in the system Chromium:
 * - axe (WCAG 2.2 AA tags): zero violations in light and dark, at phone and desktop widths;
 * - keyboard: the skip link is first and moves focus to <main>; Tab reaches every visible control
 *   and each shows a visible focus indicator;
 * - privacy and robustness: no request to another origin, no console error, no page error, no
 *   Content-Security-Policy violation;
 * - without JavaScript: headings and text are there, and interactive parts say they need it.
 */
import { expect, test, type Page } from '@playwright/test';
import { htmlPages } from '../support/dist';
import { axeViolations } from './support';

const pages = htmlPages();
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

/** Records requests to other origins, console errors, uncaught page errors and Content-Security-Policy violations. */
async function watch(page: Page, origin: string) {
  const problems: string[] = [];
  // A violation is reported as an event on the document; make it a console error, which fails the test.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`)),
  );
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) problems.push(`request to ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/**
 * Tabs through the page. Returns the visible focusable elements never reached, and the reached
 * elements that showed no focus indicator (outline or box shadow).
 */
async function tabThrough(page: Page) {
  const total = await page.evaluate(() => {
    const selector = ['a[href]', 'button:not([disabled])', 'input:not([disabled]):not([type="hidden"])', 'select:not([disabled])', 'textarea:not([disabled])', 'summary', '[tabindex]']
      .map((s) => `${s}:not([tabindex="-1"])`)
      .join(', ');
    const visible = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      const box = el.getBoundingClientRect();
      // checkVisibility also sees content hidden in a closed <details> (content-visibility).
      const shown = el.checkVisibility({ checkVisibilityCSS: true, checkOpacity: false });
      return shown && box.width > 0 && box.height > 0 && !el.closest('[inert], dialog:not([open])');
    });
    // Tab visits one radio per group (arrow keys move within it), so a group counts as one stop.
    const seenGroups = new Set<string>();
    const stops = visible.filter((el) => {
      if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
      if (seenGroups.has(el.name)) return false;
      seenGroups.add(el.name);
      return true;
    });
    stops.forEach((el, i) => el.setAttribute('data-focus-check', String(i)));
    return stops.length;
  });
  const reached = new Set<string>();
  const noIndicator: string[] = [];
  // Some controls take several Tab stops (a date input has one per part), so allow extra presses
  // and stop as soon as every control has been reached.
  for (let i = 0; i < total * 2 + 10 && reached.size < total; i++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const indicator = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      // A radio stands for its group: whichever radio of the group has focus marks the group reached.
      const group = el instanceof HTMLInputElement && el.type === 'radio' ? document.querySelector(`[data-focus-check][name="${CSS.escape(el.name)}"]`) : el;
      return { id: group?.getAttribute('data-focus-check') ?? null, indicator, label: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"` };
    });
    if (!state) continue;
    if (state.id !== null) reached.add(state.id);
    if (!state.indicator) noIndicator.push(state.label);
  }
  const unreached = await page.evaluate(
    (ids) =>
      [...document.querySelectorAll<HTMLElement>('[data-focus-check]')]
        .filter((el) => !ids.includes(el.getAttribute('data-focus-check')!))
        .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`),
    [...reached],
  );
  return { unreached, noIndicator: [...new Set(noIndicator)] };
}

test.describe('every page', () => {
  for (const path of pages) {
    test(`${path}: axe clean in light and dark, phone and desktop; keyboard; no outside requests or errors`, async ({ browser, baseURL }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = await watch(page, new URL(baseURL!).origin);
      const response = await page.goto(path);
      expect(response?.status(), 'HTTP status').toBe(200);

      for (const [name, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          expect(await axeViolations(page), `${name}, ${colorScheme}`).toEqual([]);
        }
      }

      // Keyboard, at desktop width: skip link first, then into <main>.
      await page.emulateMedia({ colorScheme: 'light' });
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus')).toHaveText('Skip to main content');
      await page.keyboard.press('Enter');
      await expect(page.locator('main')).toBeFocused();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.evaluate(() => window.scrollTo(0, 0));
      const { unreached, noIndicator } = await tabThrough(page);
      expect(unreached, 'controls Tab never reached').toEqual([]);
      expect(noIndicator, 'controls with no visible focus').toEqual([]);

      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

test.describe('every page without JavaScript', () => {
  for (const path of pages) {
    test(`${path}: readable, and says where JavaScript is needed`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      const text = (await page.locator('main').innerText()).trim();
      expect(text.length, 'main text').toBeGreaterThan(80);
      // Every island's place on the page carries a visible "needs JavaScript" message.
      const islands = await page.locator('astro-island').count();
      if (islands > 0) await expect(page.locator('.needs-js').first()).toBeVisible();
      await context.close();
    });
  }
});
