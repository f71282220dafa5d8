/** Shared helpers for the browser tests. */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Axe violations on the page as it is now, as readable strings (empty when clean). Legacy mode runs
 * axe in the page in one pass; the default opens a second page to combine per-frame results, which
 * took more than half of each run (the site has no frames to combine). Only violations are reported
 * in full: describing every passing node as well took about a third of each run on a KSB page.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`,
  );
}

/** A page in a fresh context (@axe-core/playwright needs browser.newContext()). */
export async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

/**
 * /progress/ once read and drawn whole: its picture of every KSB and its tables are drawn once
 * scrolled to (src/islands/shared/useWanted.ts), so scroll to them and wait until all are drawn.
 */
export async function progressDrawn(page: Page): Promise<void> {
  await page.locator('.progress[data-ready]').waitFor();
  await page.locator('.progress [data-readiness-waiting], .progress .state-map').first().scrollIntoViewIfNeeded();
  await page.locator('.progress[data-ready]:not(:has([data-readiness-waiting])) .progress-method').first().waitFor();
}

/**
 * Brings a part drawn when scrolled to onto the screen, at once: the end of the page (`'end'`), or
 * the part's top three quarters of the way down the screen (a selector). Then takes what is a third
 * of the way down the screen, what the learner is looking at, and records where it is every frame
 * until `done` holds. Drawing the part must never move it: a page made shorter under a learner near
 * its end would pull what they were about to tap away from their finger. Returns each frame's offset
 * from where it started (0 when nothing moved) and the page's heights, for the message.
 */
export async function shiftWhileDrawn(page: Page, place: 'end' | string, done: () => Promise<unknown>): Promise<{ moved: number[]; heights: number[] }> {
  // At once, not smoothly (the site scrolls smoothly where motion is not reduced).
  await page.evaluate((place) => {
    const top = place === 'end' ? document.documentElement.scrollHeight : document.querySelector(place)!.getBoundingClientRect().top + scrollY - innerHeight * 0.75;
    window.scrollTo({ top, behavior: 'instant' });
  }, place);
  await page.evaluate(() => {
    const seen = document.elementFromPoint(innerWidth / 2, innerHeight / 3)!;
    const from = seen.getBoundingClientRect().top;
    const record = { moved: [] as number[], heights: [] as number[] };
    (window as unknown as { shift: typeof record }).shift = record;
    const frame = () => {
      record.moved.push(Math.round(seen.getBoundingClientRect().top - from));
      record.heights.push(document.documentElement.scrollHeight);
      requestAnimationFrame(frame);
    };
    frame();
  });
  await done();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => (window as unknown as { shift: { moved: number[]; heights: number[] } }).shift);
}

/** Presses Tab until `target` has focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: target not found');
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await handle.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`tabTo: ${target} not reached in ${max} Tab presses`);
}

/** The visible focus indicator of the focused element: an outline, box shadow or background change. */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none', background: s.backgroundColor };
  });
  expect(style, 'something has focus').not.toBeNull();
  expect(style!.outline || style!.shadow, 'focused element shows an outline or focus shadow').toBe(true);
}

/**
 * Presses "Start the session" on /practice/ and waits until the session view has taken focus. The
 * view moves focus to its heading just after it draws (scrolling the page), so a tap made before
 * that could land on whatever scrolled under the pointer.
 */
export async function startPracticeSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start the session' }).click();
  await expect(page.locator('#session-heading')).toBeFocused();
}

/** The fixed "now" of the tests that picture or count saved progress: 30 November 2026. */
export const SEEDED_NOW = new Date('2026-11-30T10:00:00Z');

/**
 * Saved progress a learner might have on SEEDED_NOW, written before the page loads, in the formats
 * the site reads (each feature's `st1398:v1:<feature>` envelope): three S24 questions answered
 * right two days ago and due today (an earlier version's quiz history, which the site migrates), a
 * work example of S24 (AM2 assesses it), K7 rated Developing and K2 Confident, and a start date with
 * a planned gateway. S24 is then secure, K7 needs work, K2 is too little to tell; 3 questions are due
 * today and the next date is the planned gateway, 1 March 2027.
 */
export async function seedProgress(page: Page): Promise<void> {
  const bank = (await (await page.request.get('/api/questions/s24.json')).json()) as { questions: Array<{ id: string }> };
  const ids = bank.questions.slice(0, 3).map((q) => q.id);
  await page.addInitScript(
    ({ ids, now }) => {
      const day = (offset: number) => new Date(Date.parse(now) + offset * 86_400_000).toISOString().slice(0, 10);
      const save = (feature: string, version: number, data: unknown) =>
        localStorage.setItem(`st1398:v1:${feature}`, JSON.stringify({ version, savedAt: now, data }));
      if (sessionStorage.getItem('seeded')) return; // once a tab: what the page saves afterwards stands
      sessionStorage.setItem('seeded', '1');
      const questions = Object.fromEntries(ids.map((id) => [id, { box: 2, due: day(0), lastAnswered: day(-2), lastCorrect: true, seen: 2, correct: 2 }]));
      save('quiz', 1, { questions, attempts: [] });
      const entry = { id: 'e-s24', title: 'Drift alerts on the pricing model', date: day(-10), ksbs: ['S24'], created: now, updated: now };
      save('evidence', 1, { entries: [entry], activities: [], plan: {} });
      save('ratings', 1, { ksbs: { K7: { rating: 'developing' }, K2: { rating: 'confident' } } });
      save('planner', 1, { startDate: '2025-09-01', gatewayDate: '2027-03-01' });
    },
    { ids, now: SEEDED_NOW.toISOString() },
  );
}

/**
 * Opens a page with its islands held back: the islands' runtime (the page names it:
 * data-island-runtime) is not answered until `release` is called, so the page can be measured as
 * built first. Resolves once the runtime has been asked for and held.
 */
export async function openWithIslandsHeld(page: Page, path: string): Promise<{ release: () => void }> {
  const runtime = /data-island-runtime="([^"]+)"/.exec(readFileSync(`dist${path}index.html`, 'utf8'))![1]!;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let heldBack = 0;
  await page.route(`**${runtime}`, async (route) => {
    heldBack++;
    await held;
    await route.continue();
  });
  await page.goto(path);
  await expect.poll(() => heldBack, 'the islands’ runtime was asked for and held back').toBe(1);
  return { release };
}
