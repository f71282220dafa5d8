/**
 * No tap is lost before an island is ready. On a slow phone (4× CPU throttle, a slow network and
 * the islands' code held back), each island's first control is used the moment it is on screen,
 * before the island has hydrated; once it has, the answer must still be shown and be saved.
 */
import { expect, test, type Download, type Page } from '@playwright/test';

/**
 * `leaves`: the control opens another page (a link), so the check is that it did, not that the
 * island became ready here.
 */
type Step = { path: string; island: string; act: (page: Page) => Promise<void>; check: (page: Page) => Promise<void>; leaves?: true };

/** A download a step's control started, for its check (each test runs in its own page). */
let download: Promise<Download> | undefined;
const expectDownload = async (name: RegExp) => {
  const file = await download!;
  expect(file.suggestedFilename()).toMatch(name);
};

const saved = (page: Page, feature: string) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.data, `st1398:v1:${feature}`);

const STEPS: Step[] = [
  {
    path: '/ksbs/k1/',
    island: '.self-rating',
    act: (p) => p.locator('.self-rating').getByLabel('Developing').check(),
    check: async (p) => {
      await expect(p.locator('.self-rating').getByLabel('Developing')).toBeChecked();
      await expect.poll(async () => (await saved(p, 'ratings'))?.ksbs?.K1?.rating).toBe('developing');
    },
  },
  {
    // A text box in the page as built. Preact sets a textarea's value as it hydrates, so what was
    // typed must be put back, and saved as if typed afterwards.
    path: '/ksbs/k1/',
    island: '.self-rating',
    act: (p) => p.locator('#rating-note-K1').fill('Typed early.'),
    check: async (p) => {
      await expect(p.locator('#rating-note-K1')).toHaveValue('Typed early.');
      await expect.poll(async () => (await saved(p, 'ratings'))?.ksbs?.K1?.note).toBe('Typed early.');
    },
  },
  {
    path: '/ksbs/k1/',
    island: '#quiz .quiz',
    act: (p) => p.locator('#quiz').getByRole('button', { name: 'Start the quiz' }).click(),
    check: (p) => expect(p.locator('#quiz .quiz__progress')).toHaveText(/Question 1 of \d/, { timeout: 20_000 }),
  },
  {
    path: '/eligibility/english-and-maths/',
    island: '.checklist-form',
    act: (p) => p.getByLabel('19 or over').check(),
    check: async (p) => {
      await expect(p.getByLabel('19 or over')).toBeChecked();
      await expect.poll(async () => (await saved(p, 'eligibility'))?.englishMaths?.age).toBe('19+');
    },
  },
  {
    path: '/eligibility/ksbs/',
    island: '.checklist-form',
    act: (p) => p.locator('input[name="ksb-K1"][value="yes"]').check(),
    check: async (p) => {
      await expect(p.locator('input[name="ksb-K1"][value="yes"]')).toBeChecked();
      await expect.poll(async () => (await saved(p, 'eligibility'))?.ksbs?.K1?.opportunity).toBe('yes');
    },
  },
  {
    // A note's field is drawn only once its disclosure is open: opened before the island is ready, the
    // field is there as soon as it is.
    path: '/eligibility/ksbs/',
    island: '.checklist-form',
    act: (p) => p.locator('.ksb-evidence__note summary').first().click(),
    check: async (p) => {
      const code = await p.locator('.ksb-evidence__item').first().getAttribute('data-ksb');
      await p.locator(`#note-${code}`).fill('Written as soon as it opened');
      await expect.poll(async () => (await saved(p, 'eligibility'))?.ksbs?.[code!]?.note).toBe('Written as soon as it opened');
    },
  },
  {
    path: '/eligibility/gateway/',
    island: '.checklist-form',
    act: async (p) => {
      await p.locator('#start-date-day').fill('1');
      await p.locator('#start-date-month').fill('9');
      await p.locator('#start-date-year').fill('2025');
    },
    check: async (p) => {
      await expect(p.locator('#start-date-year')).toHaveValue('2025');
      await expect.poll(async () => (await saved(p, 'eligibility'))?.gateway?.startDate).toBe('2025-09-01');
    },
  },
  {
    path: '/eligibility/gateway/',
    island: '.checklist-form',
    act: async (p) => {
      await p.locator('#scoping-title').fill('Churn model drift');
      await p.locator('#scoping-summary').fill('Alerts when the churn model drifts.');
      await p.locator('#scoping-scope').fill('In scope: the nightly pipeline.\nOut of scope: retraining.');
    },
    check: async (p) => {
      await expect(p.locator('#scoping-summary')).toHaveValue('Alerts when the churn model drifts.');
      await expect(p.locator('#scoping-scope')).toHaveValue('In scope: the nightly pipeline.\nOut of scope: retraining.');
      await expect
        .poll(async () => {
          const g = (await saved(p, 'eligibility'))?.gateway;
          return [g?.scopingTitle, g?.scopingSummary, g?.scopingScope];
        })
        .toEqual(['Churn model drift', 'Alerts when the churn model drifts.', 'In scope: the nightly pipeline.\nOut of scope: retraining.']);
    },
  },
  {
    path: '/epa/planner/',
    island: '.planner',
    act: async (p) => {
      await p.locator('#startDate-day').fill('1');
      await p.locator('#startDate-month').fill('9');
      await p.locator('#startDate-year').fill('2025');
    },
    check: async (p) => {
      await expect(p.locator('#startDate-year')).toHaveValue('2025');
      await expect.poll(async () => (await saved(p, 'planner'))?.startDate).toBe('2025-09-01');
    },
  },
  {
    path: '/epa/grading/',
    island: '.calculator',
    act: async (p) => {
      await p.locator('#grade-am1').selectOption('Distinction');
    },
    check: async (p) => {
      await expect(p.locator('#grade-am1')).toHaveValue('Distinction');
      await expect(p.locator('[data-overall]')).not.toHaveText('Pass');
    },
  },
  {
    path: '/epa/am1/report/',
    island: '.report-helper',
    act: (p) => p.locator('.report-helper input[type="checkbox"]').first().check(),
    check: async (p) => {
      await expect(p.locator('.report-helper input[type="checkbox"]').first()).toBeChecked();
      await expect.poll(async () => (await saved(p, 'report'))?.checked?.length).toBe(1);
    },
  },
  {
    // The report pasted before the helper is ready is kept, saved and counted.
    path: '/epa/am1/report/',
    island: '.report-helper',
    act: (p) => p.locator('#report-text').fill('Pasted before it was ready.\n\nSecond paragraph here.'),
    check: async (p) => {
      await expect(p.locator('#report-text')).toHaveValue('Pasted before it was ready.\n\nSecond paragraph here.');
      await expect.poll(async () => (await saved(p, 'report'))?.text).toBe('Pasted before it was ready.\n\nSecond paragraph here.');
      await expect(p.locator('[data-word-count]')).toHaveAttribute('data-word-count', '8');
    },
  },
  {
    // The mapping appendix is an island of its own, further down, sharing the saved report.
    path: '/epa/am1/report/',
    island: '.report-mapping',
    act: (p) => p.locator('#where-K2').fill('Section 2.1'),
    check: async (p) => {
      await expect(p.locator('#where-K2')).toHaveValue('Section 2.1');
      await expect.poll(async () => (await saved(p, 'report'))?.mapping?.K2?.where).toBe('Section 2.1');
    },
  },
  {
    path: '/evidence/',
    island: '.evidence-log',
    act: (p) => p.locator('#add-entry').click(),
    check: async (p) => {
      await expect(p.getByRole('heading', { name: 'Add an entry' })).toBeVisible();
      // The form the early tap opened is the island's own: an entry made in it is saved.
      await p.getByLabel('Title').fill('Drift alerts');
      const when = p.getByRole('group', { name: /When was it\?/ });
      await when.getByLabel('Day').fill('10');
      await when.getByLabel('Month').fill('2');
      await when.getByLabel('Year').fill('2026');
      await p.getByLabel('What you did').fill('I added drift checks to the nightly pipeline.');
      await p.getByLabel('Find a KSB by code or words').fill('S24');
      await p.getByLabel('Find a KSB by code or words').press('Enter');
      await p.getByRole('button', { name: 'Save entry' }).click();
      await expect.poll(async () => (await saved(p, 'evidence'))?.entries?.map((e: { title: string; date: string; ksbs: string[] }) => [e.title, e.date, e.ksbs])).toEqual([['Drift alerts', '2026-02-10', ['S24']]]);
    },
  },
  {
    path: '/evidence/',
    island: 'div.evidence-log',
    act: (p) => p.locator('#plan-weekly').fill('37.5'),
    check: async (p) => {
      await expect(p.locator('#plan-weekly')).toHaveValue('37.5');
      await expect.poll(async () => (await saved(p, 'evidence'))?.plan?.weeklyHours).toBe(37.5);
    },
  },
  {
    path: '/practice/',
    island: '.practice',
    act: (p) => p.getByLabel(/Presentation and questioning \(AM1\)/).check(),
    check: async (p) => {
      await expect(p.getByLabel(/Presentation and questioning \(AM1\)/)).toBeChecked();
      // The choice made before hydration is the one the session starts with, and is saved.
      await p.getByRole('button', { name: 'Start the session' }).click();
      await expect.poll(async () => (await saved(p, 'practice'))?.sessions?.map((s: { method: string }) => s.method)).toEqual(['am1']);
    },
  },
  {
    path: '/quiz/',
    island: '.quiz-builder',
    act: (p) => p.getByRole('button', { name: 'Start the quiz' }).click(),
    check: (p) => expect(p.locator('.quiz__progress')).toHaveText(/Question 1 of \d/, { timeout: 20_000 }),
  },
  {
    path: '/eligibility/',
    island: '.task-list-island',
    act: (p) => p.locator('.task-list a').first().click(),
    // A link: the tap opens its section, island or not.
    check: (p) => expect(p).toHaveURL(/\/eligibility\/english-and-maths\/$/),
    leaves: true,
  },
  {
    path: '/eligibility/role/',
    island: '.checklist-form',
    act: (p) => p.locator('input[name="ml-role"][value="yes"]').check(),
    check: async (p) => {
      await expect(p.locator('input[name="ml-role"][value="yes"]')).toBeChecked();
      await expect.poll(async () => (await saved(p, 'eligibility'))?.role?.mlRole).toBe('yes');
    },
  },
  {
    path: '/eligibility/summary/',
    island: '.summary-island',
    act: (p) => p.locator('#reviewed').check(),
    check: async (p) => {
      await expect(p.locator('#reviewed')).toBeChecked();
      await expect.poll(async () => (await saved(p, 'eligibility'))?.summaryReviewed).toBe(true);
    },
  },
  {
    path: '/ksbs/',
    island: '.finder',
    act: (p) => p.locator('#finder-q').fill('drift'),
    // The search is the page's state: kept in the field, applied, and in the address.
    check: async (p) => {
      await expect(p.locator('#finder-q')).toHaveValue('drift');
      await expect(p).toHaveURL(/[?&]q=drift/);
    },
  },
  {
    path: '/my-data/',
    island: '.data-transfer',
    act: async (p) => {
      download = p.waitForEvent('download', { timeout: 30_000 });
      await p.getByRole('button', { name: 'Export my progress' }).click();
    },
    check: () => expectDownload(/\.json$/),
  },
  {
    path: '/my-data/',
    island: '#move',
    act: (p) => p.locator('#move-passphrase').fill('correct horse'),
    check: (p) => expect(p.locator('#move-passphrase')).toHaveValue('correct horse'),
  },
  {
    path: '/my-data/',
    island: '#share',
    // Every part starts included: the tap leaves the first one out, and it stays out once the island runs.
    act: (p) => p.locator('#share input[type="checkbox"]').first().uncheck(),
    check: (p) => expect(p.locator('#share input[type="checkbox"]').first()).not.toBeChecked(),
  },
];

/** The steps by page: the islands of one page are tapped in one visit, all before any has hydrated. */
const BY_PAGE = new Map<string, Step[]>();
for (const step of STEPS) BY_PAGE.set(step.path, [...(BY_PAGE.get(step.path) ?? []), step]);

test.describe('a tap before an island hydrates is kept and saved (slow phone)', () => {
  test.setTimeout(90_000);
  for (const [path, steps] of BY_PAGE) {
    test(`${path} ${steps.map((s) => s.island).join(', ')}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 100_000 });
      // Hold the islands' code back until the taps are made, so they surely land before hydration.
      let release!: () => void;
      const tapped = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/_astro/*.js', async (route) => {
        await tapped;
        await route.continue();
      });
      // 'commit': act as soon as the page starts to arrive, as a user does, not when scripts have run.
      await page.goto(path, { waitUntil: 'commit' });
      for (const step of steps) {
        const island = page.locator(step.island).first();
        await island.waitFor({ state: 'attached' });
        await island.scrollIntoViewIfNeeded();
        const hydratedBefore = await island.evaluate((el) => !el.closest('astro-island')?.hasAttribute('ssr'));
        await step.act(page);
        expect(hydratedBefore, `${step.island}: the tap came before the island hydrated`).toBe(false);
      }
      release();
      for (const step of steps) {
        if (!step.leaves) await expect(page.locator(`${step.island}[data-ready]`).first()).toBeVisible({ timeout: 30_000 });
        await step.check(page);
      }
      await context.close();
    });
  }
});

test.describe('text typed before an island hydrates', () => {
  test('replaces a note saved before, and is saved (what was typed is newer)', async ({ page }) => {
    await page.goto('/ksbs/k1/');
    // The island hydrates when it is near the screen.
    await page.locator('.self-rating').scrollIntoViewIfNeeded();
    await expect(page.locator('.self-rating[data-ready]')).toBeVisible();
    await page.locator('#rating-note-K1').fill('Saved on an earlier visit.');
    await expect.poll(async () => (await saved(page, 'ratings'))?.ksbs?.K1?.note).toBe('Saved on an earlier visit.');
    // The next visit: the page as built shows an empty box until the island has read the saved note.
    let release!: () => void;
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/SelfRating*.js', async (route) => {
      await typed;
      await route.continue();
    });
    await page.reload({ waitUntil: 'commit' });
    const note = page.locator('#rating-note-K1');
    await note.scrollIntoViewIfNeeded();
    await note.pressSequentially('Typed early.');
    expect(await page.locator('.self-rating').evaluate((el) => el.closest('astro-island')!.hasAttribute('ssr')), 'typed before the island hydrated').toBe(true);
    release();
    await expect(page.locator('.self-rating[data-ready]')).toBeVisible();
    await expect(note).toHaveValue('Typed early.');
    await expect.poll(async () => (await saved(page, 'ratings'))?.ksbs?.K1?.note).toBe('Typed early.');
    // Still there after another visit.
    await page.unrouteAll();
    await page.reload();
    await page.locator('.self-rating').scrollIntoViewIfNeeded();
    await expect(page.locator('.self-rating[data-ready]')).toBeVisible();
    await expect(note).toHaveValue('Typed early.');
  });
});
