/**
 * My progress and the planning tools in a real browser: self-ratings feed the learner's state on the
 * dashboard and the KSB lists and survive an export–clear–import; the planner's dates and calendar file; the grade
 * calculator; the report helper.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { createStandard } from '../../src/lib/standard';
import { axeViolations, newPage, progressDrawn, SEEDED_NOW, seedProgress, shiftWhileDrawn } from './support';

const themeCount = createStandard(loadStandardContent()).themes.length;

async function rate(page: Page, code: string, label: string) {
  await page.goto(`/ksbs/${code.toLowerCase()}/`);
  // The work examples just above draw once they have read the evidence log, which moves this
  // section down: a tap aimed before that lands beside the option (it failed CI once). They are
  // drawn when scrolled to, and the rating's section alone may not show them.
  const examples = page.locator('.examples');
  await examples.scrollIntoViewIfNeeded();
  await expect(examples).toHaveAttribute('data-ready', 'true');
  const section = page.locator('#rating');
  await section.scrollIntoViewIfNeeded();
  await expect(section.locator('.self-rating')).toHaveAttribute('data-ready', 'true');
  await section.getByLabel(label, { exact: true }).check();
}

test('ratings show on the dashboard, feed the state in the lists, and come back after export, clear and import', async ({ browser }) => {
  const page = await newPage(browser);
  await rate(page, 'K7', 'Confident');
  await rate(page, 'S24', 'Can evidence it');
  await rate(page, 'B2', 'Developing');

  await page.goto('/progress/');
  await progressDrawn(page);
  const row = (code: string) => page.locator(`tr[data-ksb="${code}"]`);
  // A rating is a claim a quiz has to bear out: Confident alone is "too little to tell"; Developing needs work.
  await expect(row('K7')).toContainText('Rated Confident');
  await expect(row('K7')).toHaveAttribute('data-state', 'too-little');
  await expect(row('S24')).toContainText('Rated Can evidence it');
  await expect(row('B2')).toContainText('Rated Developing');
  await expect(row('B2')).toHaveAttribute('data-state', 'needs-work');
  await expect(page.getByRole('heading', { name: /Model Scoping/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The same state appears beside the KSB wherever it is listed.
  await page.goto('/duties/5/');
  await expect(page.locator('[data-state-for="K7"]')).toHaveText('Too little to tell');
  await expect(page.locator('[data-state-for="B2"]')).toHaveText('Needs work');
  await page.goto('/ksbs/');
  await page.locator('.finder[data-ready]').waitFor();
  await expect(page.locator('.finder [data-ksb="S24"] .tag--state')).toHaveText('Too little to tell');
  await expect(page.locator('.finder [data-ksb="K1"] .tag--state')).toHaveCount(0);

  // Export, clear everything, import: the ratings come back.
  await page.goto('/my-data/');
  await page.locator('.data-transfer[data-ready]').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const file = readFileSync(await (await download).path(), 'utf8');
  expect(JSON.parse(file).features.ratings.data.ksbs.K7.rating).toBe('confident');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('.data-transfer[data-ready]').waitFor();
  await page.locator('input[type="file"]').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.locator('[data-import-preview]')).toContainText('Self-ratings');
  await page.getByRole('button', { name: 'Replace what is saved' }).click();
  await expect(page.getByText(/^Imported .* from progress\.json\.$/)).toBeVisible();
  await page.goto('/progress/');
  await progressDrawn(page);
  await expect(row('K7')).toContainText('Rated Confident');
  await expect(row('B2')).toContainText('Rated Developing');
});

// The picture of every KSB and the tables below it were most of the page's start on a phone (issue
// #20): drawn once wanted (src/islands/shared/useWanted.ts), and whole before the page prints.
test('the picture and tables are drawn when scrolled to, not as the page starts; the print button draws them all before it prints', async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto('/progress/');
  await page.locator('.progress[data-ready]').waitFor();
  await expect(page.locator('[data-glance="overall"]')).toContainText('All 70 KSBs');
  expect(await page.locator('.state-map, .progress-method').count()).toBe(0);
  // What the page holds when the browser is asked to print: the picture and every theme.
  await page.evaluate(() => {
    window.print = () => void (document.body.dataset['drawnAtPrint'] = `${document.querySelectorAll('figure.state-map').length} ${document.querySelectorAll('.progress-theme').length}`);
  });
  await page.getByRole('button', { name: 'Print a readiness report' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-drawn-at-print', `1 ${themeCount}`);

  // Scrolled to, on a fresh page (a reload would restore the scroll): drawn whole, and the page is
  // ready again once it is.
  const fresh = await page.context().newPage();
  await fresh.goto('/progress/');
  await fresh.locator('.progress[data-ready]').waitFor();
  expect(await fresh.locator('.state-map, .progress-method').count()).toBe(0);
  await fresh.locator('[data-readiness-waiting]').scrollIntoViewIfNeeded();
  await expect(fresh.locator('.progress[data-ready] .progress-theme')).toHaveCount(themeCount);
  await expect(fresh.locator('figure.state-map')).toHaveCount(1);
  await page.context().close();
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
]) {
  test(`drawn part by part as they come onto the screen, the picture and tables move nothing the learner sees, ${viewport.width} px`, async ({ browser }) => {
    const page = await newPage(browser, { viewport });
    await page.goto('/progress/');
    await page.locator('.progress[data-ready]').waitFor();
    const { moved, heights } = await shiftWhileDrawn(page, '[data-readiness-waiting]', () =>
      expect(page.locator('.progress[data-ready] .progress-theme')).toHaveCount(themeCount),
    );
    expect(moved.filter((offset) => offset !== 0), `page heights, frame by frame: ${heights.join(' ')}`).toEqual([]);
    await page.context().close();
  });
}

test('at a glance: overall, per method, due today and the next date; the picture by theme says the same in words', async ({ browser }) => {
  const page = await newPage(browser);
  await page.clock.setFixedTime(SEEDED_NOW);
  await seedProgress(page);
  await page.goto('/progress/');
  await progressDrawn(page);
  const glance = (id: string) => page.locator(`[data-glance="${id}"]`);
  // (S24's questions test other KSBs too, so two more have a little evidence.)
  await expect(glance('overall')).toHaveText('All 70 KSBsNot ready yet: 1 KSB needs work, 3 too little to tell, 65 with no evidence yet, 1 secure');
  await expect(glance('am1')).toContainText(/Not ready yet: 0 of \d+ secure$/);
  await expect(glance('am2')).toContainText(/Not ready yet: 1 of \d+ secure$/);
  await expect(glance('due')).toHaveText('Due for review today3 questions');
  await expect(glance('due').getByRole('link', { name: '3 questions' })).toHaveAttribute('href', '/quiz/?mode=due');
  await expect(glance('next-date')).toHaveText('Next dateYour planned gateway: 1 March 2027');

  // The picture: S24's square is secure, K7's needs work; each theme's row says its counts in words.
  const map = page.locator('figure.state-map');
  await expect(map.locator('.state-map__cells').first()).toHaveAttribute('aria-hidden', 'true');
  await expect(map.locator('a.state-map__cell--secure')).toHaveText(['S24']);
  await expect(map.locator('a.state-map__cell--needs-work')).toHaveText(['K7']);
  await expect(map.locator('a.state-map__cell--too-little')).toHaveCount(3);
  await expect(map.locator('a.state-map__cell--too-little').filter({ hasText: 'K2' })).toHaveCount(1);
  const row = map.locator('.state-map__row').filter({ hasText: 'Model Management' });
  await expect(row.locator('.visually-hidden')).toHaveText(': 8 no evidence yet, 1 secure.');
  const scoping = map.locator('.state-map__row').filter({ hasText: 'Model Scoping' });
  await expect(scoping.locator('.visually-hidden')).toHaveText(/^: 1 needs work, [1-3] too little to tell, \d+ no evidence yet\.$/);
});

test('a first rating made in another tab shows in an open KSB finder', async ({ browser }) => {
  const context = await browser.newContext();
  const finder = await context.newPage();
  await finder.goto('/ksbs/');
  await finder.locator('.finder[data-ready]').waitFor();
  await expect(finder.locator('.finder .tag--state')).toHaveCount(0);
  await rate(await context.newPage(), 'K7', 'Developing');
  await expect(finder.locator('.finder [data-ksb="K7"] .tag--state')).toHaveText('Needs work');
  await context.close();
});

test('the dashboard CSV lists all 70 KSBs with their state, its evidence and reasons', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/progress/');
  await page.locator('.progress[data-ready]').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download all 70 KSBs (CSV)' }).click();
  const lines = readFileSync(await (await download).path(), 'utf8').trimEnd().split('\r\n');
  expect(lines).toHaveLength(71);
  expect(lines[0]).toBe('\uFEFFKSB,Statement,Method,Theme,State,Evidence,Reasons,Questions tried,Questions in the bank,Estimated recall,Self-rating,Your note,Due for review');
  // In the order of /progress/ (method, then theme); a KSB with nothing saved says so.
  expect(lines[1]).toMatch(/^K22,.*,AM1,Collaborative Working,No evidence yet,None of its \d+ questions tried yet\.,"nothing answered, rated or marked yet",0,\d+,,,,0$/);
});

test('the planner gives the right dates with their rules, the planned gateway, what has passed, and a calendar of what is to come', async ({ browser }) => {
  const page = await newPage(browser);
  await page.clock.setFixedTime(new Date('2025-02-20T10:00:00Z'));
  await page.goto('/epa/planner/');
  await page.locator('.planner[data-ready]').waitFor();
  const fill = async (id: string, d: string, m: string, y: string) => {
    await page.locator(`#${id}-day`).fill(d);
    await page.locator(`#${id}-month`).fill(m);
    await page.locator(`#${id}-year`).fill(y);
  };
  await fill('startDate', '31', '1', '2024');
  await expect(page.locator('[data-date="gateway"]')).toContainText('Friday 31 January 2025');
  await expect(page.locator('[data-date="discussion"]')).toContainText('Friday 14 February 2025');
  await expect(page.locator('[data-date="submission"]')).toContainText('Thursday 27 March 2025');
  await expect(page.locator('[data-date="epaPeriod"]')).toContainText('Saturday 31 May 2025');
  await expect(page.locator('[data-date="discussion"]')).toContainText('at least two weeks after the gateway');
  await expect(page.locator('[data-date="gateway"]')).toHaveAttribute('data-passed', 'true');
  await expect(page.locator('[data-date="gateway"]')).toContainText('Passed');
  await expect(page.locator('[data-date="submission"]')).not.toHaveAttribute('data-passed');
  await expect(page.locator('[data-next]')).toHaveText('Next: Project report and presentation materials due (AM1), 27 March 2025, in 35 days.');
  // Today is marked on the timeline, in words, between the passed dates and those to come.
  const today = page.locator('.timeline > [data-today]');
  await expect(today).toHaveText('Today, Thursday 20 February 2025');
  await expect(page.locator('.timeline > [data-today] + li')).toHaveAttribute('data-date', 'submission');
  await expect(page.locator('.timeline > li:has(+ [data-today])')).toHaveAttribute('data-date', 'discussion');
  await fill('gatewayDate', '1', '12', '2024');
  await expect(page.getByText('The gateway must be on or after the earliest gateway date')).toBeVisible();
  // A planned gateway is listed, and every date that follows comes from it.
  await fill('gatewayDate', '1', '3', '2025');
  await expect(page.locator('[data-date="plannedGateway"]')).toContainText('Saturday 1 March 2025');
  await expect(page.locator('[data-date="plannedGateway"]')).toContainText('Your planned gateway');
  await expect(page.locator('[data-date="discussion"]')).toContainText('Saturday 15 March 2025');
  await expect(page.locator('[data-next]')).toContainText('Next: Your planned gateway, 1 March 2025, in 9 days.');
  // The calendar holds the planned gateway and the dates that follow from it, not the passed earliest gateway.
  const planned = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the 4 dates still to come as a calendar (.ics)' }).click();
  const plannedIcs = readFileSync(await (await planned).path(), 'utf8');
  expect(plannedIcs.match(/BEGIN:VEVENT/g)).toHaveLength(4);
  expect(plannedIcs).toContain('DTSTART;VALUE=DATE:20250301');
  expect(plannedIcs).toContain('SUMMARY:EPA: Your planned gateway');
  expect(plannedIcs).toContain('DTSTART;VALUE=DATE:20250315');
  expect(plannedIcs, 'the passed earliest gateway is not in the calendar').not.toContain('DTSTART;VALUE=DATE:20250131');
  await fill('gatewayDate', '', '', '');
  await fill('outcomeDate', '15', '6', '2025');
  await expect(page.locator('[data-date="deadline"]')).toContainText('Monday 15 December 2025');
  expect(await axeViolations(page)).toEqual([]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the 6 dates still to come as a calendar (.ics)' }).click();
  const ics = readFileSync(await (await download).path(), 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.trim().endsWith('END:VCALENDAR')).toBe(true);
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);
  expect(ics).toContain('DTSTART;VALUE=DATE:20250327');
  expect(ics, 'a passed date is not in the calendar').not.toContain('DTSTART;VALUE=DATE:20250131');
  for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  // The dates are kept for next time.
  await page.reload();
  await page.locator('.planner[data-ready]').waitFor();
  await expect(page.locator('#startDate-day')).toHaveValue('31');
  await expect(page.locator('[data-date="gateway"]')).toContainText('31 January 2025');
});

test('the grade calculator follows the matrix and caps re-sits at pass', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/epa/grading/');
  const calc = page.locator('.calculator');
  await calc.scrollIntoViewIfNeeded();
  await expect(calc).toHaveAttribute('data-ready', 'true');
  await page.getByLabel(/^AM1:/).selectOption('Distinction');
  await page.getByLabel(/^AM2:/).selectOption('Pass');
  await expect(page.locator('[data-overall]')).toHaveText('Merit');
  await page.getByLabel('One of these grades comes from a re-sit or re-take').check();
  await expect(page.locator('[data-overall]')).toHaveText('Pass');
  await page.getByLabel(/exceptional circumstances/).check();
  await expect(page.locator('[data-overall]')).toHaveText('Merit');
  await page.getByLabel(/^AM2:/).selectOption('Fail');
  await expect(page.locator('[data-overall]')).toHaveText('Fail');
  expect(await axeViolations(page)).toEqual([]);
});

test('the report helper counts words, leaves out references, and builds the mapping appendix', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/epa/am1/report/');
  await page.locator('.report-helper[data-ready]').waitFor();
  await page.getByLabel('Paste your report').fill(`${'word '.repeat(4600)}\nReferences\n${'cited '.repeat(300)}`);
  await expect(page.locator('[data-word-count]')).toHaveAttribute('data-word-count', '4600');
  await expect(page.locator('[data-word-count]')).toContainText('Within 4,500–5,500');
  await page.getByLabel('An executive summary (or abstract).').check();
  await page.locator('.report-mapping').scrollIntoViewIfNeeded();
  await page.locator('.report-mapping[data-ready]').waitFor();
  await page.getByLabel('Where the report evidences K2', { exact: true }).fill('Section 2.1');
  await page.getByLabel('Show only KSBs not yet mapped').check();
  await expect(page.locator('tr[data-ksb="K2"]')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the appendix (Markdown)' }).click();
  const md = readFileSync(await (await download).path(), 'utf8');
  expect(md).toContain('| K2 | The stages of the machine learning lifecycle.');
  expect(md).toContain('| Section 2.1 |');
  expect(md.match(/^\| [KSB]\d+ \|/gm)).toHaveLength(31);
});
