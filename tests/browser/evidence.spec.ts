/**
 * My evidence, as a learner uses it: two entries tagged S24 and K11 with 3 off-the-job hours, kept
 * over a reload; coverage; S24's page, the AM2 Model Management theme and the AM1 appendix show
 * them; export and import keep them; delete with undo; axe clean at both widths and both schemes.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, newPage, shiftWhileDrawn, startPracticeSession } from './support';

const saved = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('st1398:v1:evidence') ?? 'null')?.data);

async function addEntry(page: Page, title: string, day: string, codes: string[], hours?: string) {
  await page.getByRole('button', { name: 'Add an entry', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Add an entry' })).toBeFocused();
  await page.getByLabel('Title').fill(title);
  const when = page.getByRole('group', { name: /When was it\?/ });
  await when.getByLabel('Day').fill(day);
  await when.getByLabel('Month').fill('2');
  await when.getByLabel('Year').fill('2026');
  await page.getByLabel('What you did').fill('I added drift checks to the nightly pipeline and alerts for the team.');
  for (const code of codes) {
    await page.getByLabel('Find a KSB by code or words').fill(code);
    await page.getByLabel('Find a KSB by code or words').press('Enter');
    await expect(page.locator(`.ksb-picker__chip[data-ksb="${code}"]`)).toBeVisible();
  }
  if (hours) await page.getByLabel(/Off-the-job training hours in this work/).fill(hours);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('heading', { name: title, level: 3 })).toBeFocused();
}

// The coverage's 70 cells were most of the page's start on a phone (issue #20): they are drawn once
// wanted, never lost to the learner who scrolls, tabs or prints (src/islands/shared/useWanted.ts).
test.describe('the coverage is drawn when it is wanted, not as the page starts', () => {
  const PHONE = { viewport: { width: 390, height: 844 } };
  const ways: Array<[string, (page: Page) => Promise<unknown>]> = [
    ['scrolled to', (page) => page.locator('#coverage-heading').scrollIntoViewIfNeeded()],
    ['opened at its anchor', (page) => page.goto('/evidence/#coverage')],
    // The first Tab press: moving through the page with the keyboard reaches every cell.
    ['the keyboard used', (page) => page.keyboard.press('Tab')],
  ];
  for (const [way, want] of ways) {
    test(`not at the start of the page; drawn whole when ${way}`, async ({ browser }) => {
      const page = await newPage(browser, PHONE);
      await page.goto('/evidence/');
      await page.locator('.evidence-log[data-ready]').waitFor();
      await expect(page.locator('[data-coverage-waiting]')).toHaveCount(1);
      expect(await page.locator('.coverage__cell').count()).toBe(0);
      await want(page);
      await expect(page.locator('.coverage__cell')).toHaveCount(70);
      await expect(page.locator('.coverage__total')).toContainText('0 of 70 KSBs');
      await expect(page.locator('.evidence-log[data-ready]')).toHaveCount(1);
      await page.context().close();
    });
  }

  for (const [viewport, place] of [
    [{ width: 390, height: 844 }, '#coverage'],
    [{ width: 1280, height: 720 }, '#coverage'],
  ] as const) {
    test(`drawn part by part as it comes onto the screen (${place}, ${viewport.width} px), it moves nothing the learner sees`, async ({ browser }) => {
      const page = await newPage(browser, { viewport });
      await page.goto('/evidence/');
      await page.locator('.evidence-log[data-ready]').waitFor();
      const { moved, heights } = await shiftWhileDrawn(page, place, () => expect(page.locator('.evidence-log[data-ready] .coverage__cell')).toHaveCount(70));
      expect(moved.filter((offset) => offset !== 0), `page heights, frame by frame: ${heights.join(' ')}`).toEqual([]);
      await page.context().close();
    });
  }

  test('printed: drawn whole before the page is laid out for print', async ({ browser }) => {
    const page = await newPage(browser, PHONE);
    await page.goto('/evidence/');
    await page.locator('.evidence-log[data-ready]').waitFor();
    // Heard after the island's own listener: the cells there once the microtasks queued with the
    // event have run, before the browser lays the page out for print.
    await page.evaluate(() =>
      addEventListener('beforeprint', () =>
        queueMicrotask(() => queueMicrotask(() => (document.body.dataset['cellsAtPrint'] = String(document.querySelectorAll('.coverage__cell').length)))),
      ),
    );
    expect(await page.locator('.coverage__cell').count()).toBe(0);
    await page.pdf();
    await expect(page.locator('body')).toHaveAttribute('data-cells-at-print', '70');
    await page.context().close();
  });
});

test('log two entries, see them across the site, export and import them', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/evidence/');
  await page.locator('.evidence-log[data-ready]').waitFor();

  // A new entry with no title is refused with an error summary that takes focus.
  await page.getByRole('button', { name: 'Add an entry', exact: true }).click();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Enter a title for this piece of work');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('#add-entry')).toBeFocused();

  await addEntry(page, 'Drift alerts for the churn model', '10', ['S24', 'K11'], '3');
  await addEntry(page, 'Retraining runbook', '20', ['S24']);
  await expect.poll(async () => (await saved(page))?.entries?.length).toBe(2);

  await page.reload();
  await page.locator('.evidence-log[data-ready]').waitFor();
  await expect(page.locator('.entry')).toHaveCount(2);
  // The coverage is drawn once it is scrolled to (below).
  await page.locator('#coverage').scrollIntoViewIfNeeded();
  await expect(page.locator('.coverage__cell[data-ksb="S24"]')).toHaveAttribute('data-count', '2');
  await expect(page.locator('.coverage__cell[data-ksb="K11"]')).toHaveAttribute('data-count', '1');
  await expect(page.locator('.coverage__total')).toContainText('2 of 70 KSBs');
  await expect(page.locator('[data-theme="am2-model-management"] .coverage__gaps')).toContainText('No evidence logged yet');
  await expect(page.locator('[data-otj-total]')).toContainText('3 hours of off-the-job training logged');

  // Filter by KSB from the coverage grid.
  await page.locator('.coverage__cell[data-ksb="K11"]').click();
  await expect(page.locator('.entries-count')).toHaveText('Showing 1 of 2 entries.');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Delete with undo: announced, focus on Undo, and restored.
  await page.locator('[data-entry]').filter({ hasText: 'Retraining runbook' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('#evidence-undo')).toBeFocused();
  await expect(page.locator('[data-announce]')).toHaveText('Entry “Retraining runbook” deleted.');
  await page.locator('#evidence-undo').click();
  await expect(page.getByRole('heading', { name: 'Retraining runbook', level: 3 })).toBeFocused();
  await expect.poll(async () => (await saved(page))?.entries?.length).toBe(2);

  // S24's page lists both; a KSB with none says so and links to add one.
  await page.goto('/ksbs/s24/');
  const examples = page.locator('[data-examples-for="S24"]');
  await examples.scrollIntoViewIfNeeded();
  await expect(examples).toHaveAttribute('data-count', '2');
  await expect(examples).toContainText('Drift alerts for the churn model');
  expect(await axeViolations(page)).toEqual([]);
  await page.goto('/ksbs/k1/');
  await page.locator('[data-examples-for="K1"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-examples-for="K1"]')).toContainText('No evidence logged yet.');

  // The AM2 Model Management theme lists the entry beside its criteria.
  await page.goto('/epa/am2/model-management/');
  const theme = page.locator('#your-examples .examples');
  await theme.scrollIntoViewIfNeeded();
  await expect(theme).toHaveAttribute('data-count', '2');
  await expect(theme.locator('td').filter({ hasText: 'Drift alerts for the churn model' }).first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The AM1 appendix offers entries for the AM1 KSBs they show, and flags those with none.
  await page.goto('/epa/am1/report/');
  await page.locator('.report-mapping').scrollIntoViewIfNeeded();
  await page.locator('.report-mapping[data-ready]').waitFor();
  await expect(page.locator('tr[data-ksb="K2"] .mapping-table__no-entry')).toBeVisible();

  // The printable portfolio summary groups them by theme, KSB by KSB, and prints without its buttons.
  await page.goto('/evidence/');
  await page.getByRole('link', { name: 'Printable summary' }).click();
  await expect(page).toHaveURL(/\/evidence\/summary\/$/);
  await page.locator('.portfolio-summary[data-ready]').waitFor();
  await expect(page.locator('[data-summary-coverage]')).toHaveText('2 evidence entries; 2 of 70 KSBs shown by at least one.');
  const s24 = page.locator('[data-summary-theme="am2-model-management"] [data-summary-ksb="S24"]');
  await expect(s24.locator('li')).toHaveCount(2);
  await expect(s24).toContainText('Drift alerts for the churn model');
  await expect(page.locator('[data-summary-ksb="K1"]')).toContainText('No evidence logged yet');
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print the summary' })).toBeHidden();
  await expect(s24).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // Export, clear, import: the entries come back.
  await page.goto('/my-data/');
  await page.locator('.data-transfer[data-ready]').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const file = readFileSync(await (await download).path(), 'utf8');
  expect(JSON.parse(file).features.evidence.data.entries).toHaveLength(2);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('.data-transfer[data-ready]').waitFor();
  await page.locator('input[type="file"]').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.locator('[data-import-preview]')).toContainText('2 evidence entries');
  await page.getByRole('button', { name: 'Replace what is saved' }).click();
  await expect(page.getByText(/^Imported .* from progress\.json\.$/)).toBeVisible();
  await page.goto('/evidence/');
  await page.locator('.evidence-log[data-ready]').waitFor();
  await expect(page.locator('.entry')).toHaveCount(2);
});

test('an AM1 KSB with an entry can be picked for the appendix, with the entry’s title as where', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/evidence/');
  await page.evaluate(() => {
    const at = '2026-03-01T10:00:00.000Z';
    const entries = [{ id: 'e1', title: 'Scoping workshop with finance', date: '2025-11-04', ksbs: ['K2'], created: at, updated: at }];
    localStorage.setItem('st1398:v1:evidence', JSON.stringify({ version: 1, savedAt: at, data: { entries, activities: [], plan: {} } }));
  });
  await page.goto('/epa/am1/report/');
  await page.locator('.report-mapping').scrollIntoViewIfNeeded();
  await page.locator('.report-mapping[data-ready]').waitFor();
  await page.getByLabel('From your evidence log').first().selectOption({ label: 'Scoping workshop with finance' });
  await expect(page.locator('#where-K2')).toHaveValue('Scoping workshop with finance');
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [390, 1366]) {
    test(`axe clean with entries and the form open, ${width} px, ${scheme}`, async ({ browser }) => {
      const page = await newPage(browser, { viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto('/evidence/');
      await page.evaluate(() => {
        const at = '2026-03-01T10:00:00.000Z';
        const entries = [{ id: 'e1', title: 'Drift alerts', date: '2026-02-10', ksbs: ['S24', 'K11'], action: 'I added drift checks.', where: 'repo ml/drift', otjHours: 3, created: at, updated: at }];
        const activities = [{ id: 'a1', date: '2026-01-15', hours: 6, what: 'MLOps course', ksbs: ['S24'], created: at, updated: at }];
        localStorage.setItem('st1398:v1:evidence', JSON.stringify({ version: 1, savedAt: at, data: { entries, activities, plan: { startDate: '2025-09-01', endDate: '2027-03-01', plannedHours: 400 } } }));
      });
      await page.reload();
      await page.locator('.evidence-log[data-ready]').waitFor();
      // The coverage too, which is drawn once scrolled to.
      await page.locator('#coverage-heading').scrollIntoViewIfNeeded();
      await expect(page.locator('.coverage__cell')).toHaveCount(70);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.getByRole('button', { name: 'Add an entry', exact: true }).click();
      await page.getByLabel('Find a KSB by code or words').fill('drift');
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('without JavaScript the page says what the log is and that it needs JavaScript', async ({ browser }) => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto('/evidence/');
  await expect(page.locator('.needs-js')).toContainText('The evidence log needs JavaScript.');
  await expect(page.getByRole('heading', { name: 'Does this count as off-the-job training?' })).toBeVisible();
});

test('before the log is read, and without JavaScript, no page claims there is no evidence', async ({ browser }) => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  for (const path of ['/ksbs/s24/', '/epa/am2/model-management/']) {
    await page.goto(path);
    await expect(page.locator('main')).not.toContainText('No evidence logged yet');
    await expect(page.locator('main')).not.toContainText('No entry in your evidence log');
  }
  await page.goto('/ksbs/s24/');
  await expect(page.locator('#your-examples .needs-js')).toBeVisible();
  await expect(page.locator('#your-examples .needs-js')).toContainText('Showing your examples needs JavaScript.');
});

test('once there is an evidence log, listed KSBs without an example say so and link to log one; a mock question shows your examples', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/epa/am2/model-management/');
  await expect(page.locator('a[data-no-example-for]')).toHaveCount(0); // no log yet: nothing to say
  await page.goto('/evidence/');
  await page.locator('.evidence-log[data-ready]').waitFor();
  await addEntry(page, 'Drift alerts for the churn model', '10', ['S24']);

  await page.goto('/epa/am2/model-management/');
  const none = page.locator('a[data-no-example-for="K11"]');
  await expect(none).toHaveText('No evidence logged yet');
  await expect(none).toHaveAttribute('href', /\/evidence\/\?add=K11#entries$/);
  await expect(page.locator('a[data-no-example-for="S24"]')).toHaveCount(0);
  await expect(page.locator('[data-state-for="K11"]')).not.toContainText('No evidence logged yet');
  expect(await axeViolations(page)).toEqual([]);

  // In a mock discussion, each question offers the learner's own examples of its criterion's KSBs.
  await page.goto('/practice/');
  await page.locator('.practice[data-ready]').waitFor();
  await page.getByLabel('Professional discussion (AM2)').check();
  await page.getByLabel('6', { exact: true }).check();
  await startPracticeSession(page);
  const examples = page.locator('[data-prompt-examples]');
  await expect(examples).toHaveCount(1);
  const code = (await examples.getAttribute('data-prompt-examples'))!.split(' ')[0]!;
  await page.goto('/evidence/');
  await page.locator('.evidence-log[data-ready]').waitFor();
  await addEntry(page, `Worked example for ${code}`, '11', [code]);
  await page.goto('/practice/');
  await page.locator('.practice[data-ready]').waitFor();
  await page.getByRole('button', { name: /^Continue/ }).click();
  await examples.locator('summary').click();
  await expect(examples).toContainText(`Worked example for ${code}`);
});

// Two tabs on one log: an entry being edited in one is changed, then deleted, in the other. Nothing
// typed is lost, the form says so at once, and the page says what Save did (the audit's repro).
test('an entry edited in one tab while another changes or deletes it: nothing lost, and the page says so', async ({ browser }) => {
  const one = await newPage(browser);
  const two = await one.context().newPage();
  await one.goto('/evidence/');
  await one.locator('.evidence-log[data-ready]').waitFor();
  await addEntry(one, 'Drift alerts', '10', ['S24']);
  await two.goto('/evidence/');
  await two.locator('.evidence-log[data-ready]').waitFor();
  const edit = async (page: Page) => {
    await page.locator('[data-entry]').filter({ hasText: 'Drift alerts' }).getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { name: 'Edit “Drift alerts”' })).toBeFocused();
  };

  // Changed in tab 2 while tab 1 edits: tab 1's version is the entry, tab 2's a copy on /my-data/.
  await edit(one);
  await one.getByLabel('What you did').fill('Tab one: wrote the alert rules myself.');
  await edit(two);
  await two.getByLabel('Result').fill('Tab two: alerts fire within an hour.');
  await two.getByRole('button', { name: 'Save changes' }).click();
  await expect(one.locator('[data-entry-elsewhere="changed"]')).toContainText('changed in another tab');
  await one.getByRole('button', { name: 'Save changes' }).click();
  await expect(one.locator('[data-entry-saved-elsewhere]')).toContainText('that version is kept as a copy on “Your saved data”');
  const log = await saved(one);
  expect(log.entries).toHaveLength(1);
  expect(log.entries[0]).toMatchObject({ action: 'Tab one: wrote the alert rules myself.' });
  await two.goto('/my-data/#backups');
  await expect(two.locator('[data-backup^="st1398:backup:evidence:"]')).toHaveCount(1);

  // Deleted in tab 2 while tab 1 edits: Save adds it as a new entry, and says so.
  await two.goto('/evidence/');
  await two.locator('.evidence-log[data-ready]').waitFor();
  await edit(one);
  await one.getByLabel('What you did').fill('Tab one again.');
  await two.locator('[data-entry]').filter({ hasText: 'Drift alerts' }).getByRole('button', { name: 'Delete' }).click();
  await expect(one.locator('[data-entry-elsewhere="deleted"]')).toContainText('deleted in another tab');
  await expect(one.getByRole('heading', { name: 'Edit “Drift alerts”' })).toBeVisible();
  await one.getByRole('button', { name: 'Save changes' }).click();
  await expect(one.locator('[data-announce]')).toContainText('had been deleted in another tab, so what you wrote is saved as a new entry');
  await expect.poll(async () => (await saved(one))?.entries?.map((e: { action?: string }) => e.action)).toEqual(['Tab one again.']);
});
