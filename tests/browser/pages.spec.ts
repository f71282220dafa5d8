/**
 * The core pages in a real browser: they render, they can be used by keyboard alone, and axe finds
 * no WCAG 2.2 AA violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { createStandard } from '../../src/lib/standard';
import { axeViolations, expectVisibleFocus, newPage, tabTo } from './support';

test('home page: skip link, then by keyboard to a duty page', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Machine learning engineer apprenticeship');

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const duty3 = page.locator('main').getByRole('link', { name: 'Duty 3', exact: true });
  await tabTo(page, duty3);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/duties\/3\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Duty 3');
});

test('home on a phone: the first screen says what the apprenticeship is, the quoted summary waits behind a disclosure', async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto('/');
  const glance = page.getByRole('region', { name: 'At a glance' });
  const top = await glance.evaluate((el) => el.getBoundingClientRect().top);
  expect(top, 'the facts at a glance start on the first screen').toBeLessThan(844 * 0.75);
  for (const fact of ['Level 6', 'You need a job in the field', 'About 24 months of training', 'Funded through your employer', 'Ends with an assessment']) {
    await expect(glance.getByText(fact, { exact: true })).toBeVisible();
  }
  await expect(glance).toContainText('knowledge, skills and behaviours (KSBs)');
  await expect(glance).toContainText('end-point assessment (EPA)');
  const summary = page.locator('#occupation details');
  await expect(summary).not.toHaveAttribute('open');
  await summary.locator('summary').click();
  await expect(summary.locator('p.quoted').first()).toBeVisible();
});

test('a long page lists its sections beside the content on a wide screen, marks the one in view, and keeps it in view', async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
  await page.goto('/ksbs/s24/');
  const toc = page.getByRole('navigation', { name: 'Contents of this page' });
  await expect(toc).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'On this page' }), 'the short list at the top gives way to it').toBeHidden();
  await expect(toc).toBeVisible();
  const headings = await page.locator('main h2[id]:not(.visually-hidden)').evaluateAll((hs) => hs.map((h) => `#${h.id}`));
  expect(await toc.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(headings);
  // Parts of the page that load later (its islands) can move the heading after the scroll: scroll again until it holds.
  await expect(async () => {
    await page.locator('#pitfalls').evaluate((h) => h.scrollIntoView());
    await expect(toc.locator('a[aria-current="true"]')).toHaveAttribute('href', '#pitfalls', { timeout: 1000 });
  }).toPass();
  await expect(toc).toBeInViewport();
  await toc.getByRole('link', { name: 'Key terms' }).click();
  await expect(page).toHaveURL(/#key-terms$/);
  await expect(toc.locator('a[aria-current="true"]')).toHaveAttribute('href', '#key-terms');

  // On a phone the content has the screen to itself; its own short list of links is at the top.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('.toc')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
});

test('a KSB page lays out at first only what is near the screen, yet a link to any of its sections lands on it, on arrival and from its own list', async ({
  browser,
}) => {
  // Most of a KSB page is laid out only when near the screen (.laid-out-when-near); a scroll to a
  // section, smooth, aimed from the estimates landed up to a thousand pixels off (issue #20).
  // The scroll is smooth: it has landed when the heading is near the top and stays where it was.
  const lands = (page: Page, id: string) => {
    let last: number | undefined;
    return expect
      .poll(async () => {
        const top = await page.locator(`#${id}`).evaluate((h) => Math.round(h.getBoundingClientRect().top));
        const settled = top === last;
        last = top;
        return settled && top >= 0 && top < 130 ? 'at the top' : `#${id} (${page.viewportSize()!.width} px wide) ${top} px from the top`;
      })
      .toBe('at the top');
  };
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1366, height: 900 },
  ]) {
    const page = await newPage(browser, { viewport });
    await page.goto('/ksbs/k7/');
    const notLaidOut = () => page.locator('#same-theme h2').evaluate((h) => !h.checkVisibility({ contentVisibilityAuto: true }));
    expect(await notLaidOut(), 'the last section, far below the first screen, is not laid out').toBe(true);
    for (const id of ['further-reading', 'quiz-heading', 'same-theme-heading']) {
      await page.goto(`/ksbs/k7/#${id}`);
      await lands(page, id);
    }
    await page.goto('/ksbs/k7/');
    const list =
      viewport.width > 1000 ? page.getByRole('navigation', { name: 'Contents of this page' }) : page.getByRole('navigation', { name: 'On this page' });
    await list.locator('a[href="#quiz"], a[href="#quiz-heading"]').click();
    await lands(page, (await list.locator('a[href="#quiz"], a[href="#quiz-heading"]').getAttribute('href'))!.slice(1));
    await page.close();
  }
});

// A shorter guess lets a part laid out while skipped run into the next: axe, which lays skipped
// parts out to measure them, then read links as overlapping (Lighthouse's accessibility audit).
// As built, before any island has read what is saved.
for (const width of [320, 600]) {
  test(`on every KSB page, each part laid out only when near is taken, until drawn, as at least its height, ${width} px wide (the narrowest of its range)`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const codes = createStandard(loadStandardContent()).ksbs.map((k) => k.code.toLowerCase());
    const page = await newPage(browser, { viewport: { width, height: 800 } });
    const short: string[] = [];
    for (const code of codes) {
      await page.goto(`/ksbs/${code}/`, { waitUntil: 'domcontentloaded' });
      const parts = await page.locator('.ksb-page .laid-out-when-near').evaluateAll((els) =>
        els.map((el) => {
          const estimate =
            parseFloat(getComputedStyle(el).getPropertyValue('--estimated-block-size')) * parseFloat(getComputedStyle(document.documentElement).fontSize);
          (el as HTMLElement).style.setProperty('content-visibility', 'visible');
          return { name: el.id || el.querySelector('h2')?.id || '?', estimate, height: el.getBoundingClientRect().height };
        }),
      );
      expect(parts.length, code).toBeGreaterThan(8);
      short.push(...parts.filter((p) => !(p.estimate >= p.height)).map((p) => `${code} #${p.name}: ${Math.round(p.height)} px, taken as ${p.estimate} px`));
    }
    expect(short).toEqual([]);
  });
}

test('KSB page: statement, criteria and duties, then next KSB by keyboard', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/ksbs/s24/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('S24');
  await expect(page.locator('blockquote.statement')).toContainText('Monitor model data drift');
  await expect(page.locator('#criteria')).toContainText('Explains how they monitor model drift');
  await expect(page.locator('#duties').getByRole('link', { name: 'Duty 6' })).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: /Next\s+S25/ }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ksbs\/s25\/$/);
});

test('duty page: KSBs grouped by kind, each linked', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/duties/9/');
  await expect(page.getByRole('heading', { level: 2, name: /Knowledge/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Behaviours/ })).toBeVisible();
  await tabTo(page, page.locator('main').getByRole('link', { name: 'B1', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ksbs\/b1\/$/);
});

test('theme page: criteria quoted, a criterion can be deep-linked', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/epa/am1/experiment-and-tracking/#am1-experiment-and-tracking-pass-5');
  await expect(page.locator('#am1-experiment-and-tracking-pass-5')).toContainText('in order to access accuracy');
  await expect(page.locator('#am1-experiment-and-tracking-pass-5')).toBeInViewport();
  await expectLandsClearOfTheTop(page, '#am1-experiment-and-tracking-pass-5');
  await tabTo(page, page.locator('#ksbs').getByRole('link', { name: 'K8', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ksbs\/k8\/$/);
});

/** A deep-linked element lands near the top with room above it (and its outline), under nothing that covers it. */
async function expectLandsClearOfTheTop(page: Page, selector: string) {
  const measure = () =>
    page.locator(selector).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const covering = document.elementFromPoint(r.left + r.width / 2, r.top + 4);
      return { top: r.top, bottom: r.bottom, scrolled: window.scrollY, height: window.innerHeight, mine: Boolean(covering && el.contains(covering)) };
    });
  // Islands above the target still loading move it; the browser scrolls to it again until the page has loaded.
  const placed = async () => {
    const { top } = await measure();
    return top >= 40 && top < 120 ? 'clear of the top' : top;
  };
  await expect.poll(placed, { message: 'at least 40 px above the target (beyond its 3 px outline), and under 120' }).toBe('clear of the top');
  const box = await measure();
  expect(box.scrolled, 'the page scrolled to the target').toBeGreaterThan(0);
  expect(box.bottom, 'the whole target is on screen').toBeLessThanOrEqual(box.height);
  expect(box.mine, 'nothing sticky covers the top of the target').toBe(true);
}

test('a criterion deep-linked on a phone lands clear of the top', async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto('/epa/am2/model-management/#am2-model-management-pass-3');
  await expect(page.locator('#am2-model-management-pass-3')).toBeInViewport();
  await expectLandsClearOfTheTop(page, '#am2-model-management-pass-3');
});

test('an unknown address gets a 404 status and a page that helps', async ({ browser }) => {
  const page = await newPage(browser);
  const response = await page.goto('/ksbs/k99/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'all 70 knowledge, skills and behaviours' }).click();
  await expect(page).toHaveURL(/\/ksbs\/$/);
});

for (const path of ['/', '/ksbs/k7/', '/duties/5/', '/epa/am2/collaborative-working/', '/epa/grading/', '/404.html']) {
  test(`axe finds no WCAG 2.2 AA violation on ${path}`, async ({ browser }) => {
    const page = await newPage(browser);
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
  });
}
