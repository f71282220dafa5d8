/**
 * Quality gates over every built page, in the system Chromium:
 * - axe (WCAG 2.2 AA tags): zero violations on every page at desktop width in the light scheme,
 *   and on one page of each template (the first KSB page, the first duty, …, and every page that is
 *   its own template) also at phone width and in the dark scheme. Pages of one template share their
 *   layout and colours, so the other combinations find nothing new on the others, and axe is most
 *   of this suite's time (about 1 s a run, 3 s on the longest pages);
 * - no sideways scrolling at 320 and 390 px, on every page;
 * - keyboard: on every page the skip link is first and moves focus to <main>; on one page of each
 *   template, Tab reaches every visible control (the first 150 on a page of hundreds of links) and
 *   each shows a visible focus indicator;
 * - privacy and robustness, on every page: no request to another origin, no console error, no page
 *   error, no Content-Security-Policy violation;
 * - without JavaScript, on one page of each template: headings and text are there, and interactive
 *   parts say they need it (tests/site checks every page's HTML has its heading and text).
 */
import { expect, test, type Page } from '@playwright/test';
import { htmlPages } from '../support/dist';
import { axeViolations } from './support';

const pages = htmlPages();

/** Pages built from one template with different content: only the first of each family is checked in every scheme and width. */
const FAMILIES = [/^\/ksbs\/[kbs]\d+\/$/, /^\/duties\/\d+\/$/, /^\/print\/duties\/\d+\/$/, /^\/print\/themes\/[^/]+\/$/, /^\/epa\/am[12]\/(?!report\/)[^/]+\/$/];
const seenFamilies = new Set<RegExp>();
const representative = new Set(
  pages.filter((path) => {
    const family = FAMILIES.find((f) => f.test(path));
    if (!family) return true;
    if (seenFamilies.has(family)) return false;
    seenFamilies.add(family);
    return true;
  }),
);
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
/** The most Tab stops walked on one page (see tabThrough). */
const MAX_TAB_STOPS = 150;

async function tabThrough(page: Page) {
  const total = await page.evaluate((MAX_TAB_STOPS) => {
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
    // A page of hundreds of plain links (the glossary) is checked over its first stops: the header,
    // the index and the first entries hold every kind of control it has; each press is a round trip.
    const checked = stops.slice(0, MAX_TAB_STOPS);
    checked.forEach((el, i) => el.setAttribute('data-focus-check', String(i)));
    return checked.length;
  }, MAX_TAB_STOPS);
  // Start from the top of the page, wherever focus was (the walk may not go all the way round).
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.addEventListener('blur', () => start.remove(), { once: true });
  });
  // Each focus is logged in the page as it happens, so the presses need no round trip each.
  await page.evaluate(() => {
    const log: Array<{ id: string | null; indicator: boolean; label: string }> = [];
    (window as unknown as { focusLog: typeof log }).focusLog = log;
    document.addEventListener('focusin', (event) => {
      const el = event.target as HTMLElement;
      const s = getComputedStyle(el);
      const indicator = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      // A radio stands for its group: whichever radio of the group has focus marks the group reached.
      const group = el instanceof HTMLInputElement && el.type === 'radio' ? document.querySelector(`[data-focus-check][name="${CSS.escape(el.name)}"]`) : el;
      log.push({ id: group?.getAttribute('data-focus-check') ?? null, indicator, label: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"` });
    });
  });
  const reached = new Set<string>();
  const noIndicator: string[] = [];
  // Some controls take several Tab stops (a date input has one per part), so allow extra presses,
  // in batches, and stop once every control has been reached.
  for (let pressed = 0; pressed < total * 2 + 10 && reached.size < total; ) {
    const batch = Math.min(total + 5, total * 2 + 10 - pressed);
    for (let i = 0; i < batch; i++) await page.keyboard.press('Tab');
    pressed += batch;
    const log = await page.evaluate(() => (window as unknown as { focusLog: Array<{ id: string | null; indicator: boolean; label: string }> }).focusLog.splice(0));
    for (const state of log) {
      if (state.id !== null) reached.add(state.id);
      if (!state.indicator) noIndicator.push(state.label);
    }
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

/** Opens a page and checks what every page must pass: status, axe at one or more combinations, the skip link. */
async function checkPage(page: Page, path: string, combinations: ReadonlyArray<{ name: string; viewport: { width: number; height: number }; colorScheme: 'light' | 'dark' }>) {
  const response = await page.goto(path);
  expect(response?.status(), `${path}: HTTP status`).toBe(200);
  for (const { name, viewport, colorScheme } of combinations) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `${path}: ${name}, ${colorScheme}`).toEqual([]);
  }
  // No sideways scrolling on a small phone or a common one: wide tables scroll inside their box.
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path}: scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
  // Keyboard: skip link first, then into <main>.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus'), `${path}: first Tab stop`).toHaveText('Skip to main content');
  await page.keyboard.press('Enter');
  await expect(page.locator('main'), `${path}: skip link target`).toBeFocused();
}

// Phone before desktop, so the keyboard checks run at desktop width. Dark at phone width adds
// nothing once dark colours pass at desktop and the phone layout passes in light.
const EVERY_COMBINATION = [
  { name: 'phone', viewport: VIEWPORTS.phone, colorScheme: 'light' },
  { name: 'desktop', viewport: VIEWPORTS.desktop, colorScheme: 'dark' },
  { name: 'desktop', viewport: VIEWPORTS.desktop, colorScheme: 'light' },
] as const;
const DESKTOP_LIGHT = [EVERY_COMBINATION[2]] as const;

test.describe('one page of each template', () => {
  for (const path of pages.filter((p) => representative.has(p))) {
    test(`${path}: axe clean in light and dark, phone and desktop; every control by Tab; no outside requests or errors`, async ({ browser, baseURL }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = await watch(page, new URL(baseURL!).origin);
      await checkPage(page, path, EVERY_COMBINATION);
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

// The other pages of each family, several to a test: one browser context, each page checked in turn.
const BATCH = 8;
const others = pages.filter((p) => !representative.has(p));
const batches = Array.from({ length: Math.ceil(others.length / BATCH) }, (_, i) => others.slice(i * BATCH, (i + 1) * BATCH));

test.describe('every other page', () => {
  for (const batch of batches) {
    test(`${batch.join(', ')}: axe clean; skip link; no outside requests or errors`, async ({ browser, baseURL }) => {
      test.setTimeout(30_000 * batch.length);
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = await watch(page, new URL(baseURL!).origin);
      for (const path of batch) {
        await test.step(path, async () => {
          await checkPage(page, path, DESKTOP_LIGHT);
          expect(problems, path).toEqual([]);
        });
      }
      await context.close();
    });
  }
});

test.describe('without JavaScript, one page of each template', () => {
  for (const path of pages.filter((p) => representative.has(p))) {
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
