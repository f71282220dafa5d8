/**
 * The eligibility checklist in a real browser: progress survives a reload, follows another tab,
 * survives damaged or blocked storage, and an import that is wrong changes nothing.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, newPage, openWithIslandsHeld } from './support';

const KEY = 'st1398:v1:eligibility';
const ready = (page: Page) => page.locator('[data-ready="true"]').first().waitFor();

test('answers are saved, survive a reload and show on the task list', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/eligibility/english-and-maths/');
  await ready(page);
  await page.getByLabel('19 or over').check();
  await page.locator('#level2-yes').check();
  await expect(page.getByText('You meet the English and maths requirement.')).toBeVisible();
  await page.goto('/eligibility/ksbs/');
  await ready(page);
  await page.locator('#ksb-K1-yes').check();
  await page.locator('#ksb-S24-with-changes').check();
  await page.locator('#can-K1').check();
  await page.reload();
  await ready(page);
  await expect(page.locator('#ksb-K1-yes')).toBeChecked();
  await expect(page.locator('#ksb-S24-with-changes')).toBeChecked();
  await expect(page.locator('#can-K1')).toBeChecked();
  await expect(page.locator('[data-answered]')).toHaveText('2 of 70');
  await page.goto('/eligibility/');
  await ready(page);
  await expect(page.getByText('1 of 5 sections completed')).toBeVisible();
  await expect(page.locator('#status-english-and-maths')).toHaveText('Completed');
  await expect(page.locator('#status-ksbs')).toHaveText('In progress');
});

test('the KSB step on a phone: the count stays in view, "Next unanswered" goes to the first unanswered KSB, and a KSB’s explanation opens in place', async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto('/eligibility/ksbs/');
  await ready(page);
  const items = page.locator('.ksb-evidence__item');
  const codes = await items.evaluateAll((els) => els.slice(0, 3).map((el) => el.getAttribute('data-ksb')!));
  const bar = page.locator('.ksb-evidence__bar');
  const count = page.locator('[data-answered]');
  await expect(count).toHaveText('0 of 70');
  await page.locator(`#ksb-${codes[0]}-yes`).check();
  await expect(count).toHaveText('1 of 70');

  // "Next unanswered" moves focus to the first KSB not yet answered, on screen below the bar.
  await bar.getByRole('button', { name: 'Next unanswered' }).click();
  const second = page.locator(`input[name="ksb-${codes[1]}"]`).first();
  await expect(second).toBeFocused();
  await expect(second).toBeInViewport();
  await page.keyboard.press('Space');
  await expect(count).toHaveText('2 of 70');
  await bar.getByRole('button', { name: 'Next unanswered' }).click();
  await expect(page.locator(`input[name="ksb-${codes[2]}"]`).first()).toBeFocused();

  // Far down the list the count is still at the top of the screen.
  await items.last().scrollIntoViewIfNeeded();
  await expect(bar).toBeInViewport();
  expect((await bar.boundingBox())!.y, 'the count sticks to the top').toBeLessThan(2);
  await expect(bar).toContainText('2 of 70 answered');

  // What S24 means, opened in place: fetched from its JSON, no page change.
  const s24 = page.locator('[data-ksb="S24"] .ksb-evidence__explain');
  await s24.getByText('What this means').click();
  await expect(s24).toHaveAttribute('data-explain', 'shown');
  await expect(s24).toContainText('domain of applicability');
  await expect(s24.locator('li strong').first()).toHaveText('Data drift');
  await expect(s24.getByRole('link', { name: /^All of S24’s notes/ })).toHaveAttribute('href', '/ksbs/s24/#in-plain-english');
  await expect(page).toHaveURL(/\/eligibility\/ksbs\/$/);
});

test('a change in one tab shows in another', async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('/eligibility/role/');
  await second.goto('/eligibility/role/');
  await ready(first);
  await ready(second);
  await first.locator('#ml-role-yes').check();
  await expect(second.locator('#ml-role-yes')).toBeChecked();
  await context.close();
});

test('a damaged saved value gives a notice, a working page, and the damaged copy to download', async ({ browser }) => {
  const page = await newPage(browser);
  // Damage the value from a page with no checklist on it: an island still hydrating would find the
  // damage first and recover from it there.
  await page.goto('/about/');
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"data":{"ksbs":[1,2'), KEY);
  await page.goto('/eligibility/role/');
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('could not be read');
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('#ml-role-no').check();
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), KEY);
  expect(stored.data.role.mlRole).toBe('no');
  // The damaged copy was kept: the notice links to it, where it can be downloaded as it was.
  await page.getByRole('link', { name: 'Restore or download it' }).click();
  await expect(page).toHaveURL(/\/my-data\/#backups$/);
  await page.locator('.data-transfer[data-ready]').waitFor();
  const download = page.waitForEvent('download');
  await page.locator('[data-backup]').first().getByRole('button', { name: /^Download/ }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe('{"version":1,"data":{"ksbs":[1,2');
});

test('with storage blocked the page works and says progress will not be saved', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/eligibility/english-and-maths/');
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('Your progress will not be saved');
  await page.getByLabel('16 to 18').check();
  await page.locator('#level2-no').check();
  await expect(page.getByText('You need to achieve English and maths before the end-point assessment.')).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('a bad import file is refused and nothing changes; a good one is previewed and imported', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/eligibility/role/');
  await ready(page);
  await page.locator('#ml-role-yes').check();
  const before = await page.evaluate((key) => localStorage.getItem(key), KEY);

  const input = page.locator('input[type="file"]');
  await page.locator('.data-transfer').scrollIntoViewIfNeeded(); // it hydrates when visible
  await page.locator('.data-transfer[data-ready]').waitFor();
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
  await expect(page.getByText('That could not be done')).toBeVisible();
  await expect(page.getByText('exported by something else')).toBeVisible();
  await input.setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'st1398-study-progress', formatVersion: 99, features: {} })) });
  await expect(page.getByText('newer version of this site')).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(before);

  // Export, change an answer, then import the export: the answer comes back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  expect(JSON.parse(exported).features.eligibility.data.role.mlRole).toBe('yes');
  await page.locator('#ml-role-no').check();
  await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.locator('[data-import-preview]')).toContainText('Eligibility and gateway checklist');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Replace what is saved' }).click();
  await expect(page.locator('#ml-role-yes')).toBeChecked();
});

test('summary: both results with their reasons, the KSBs to raise, CSV, and axe clean with the checklist filled in', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/about/');
  await page.evaluate((key) => {
    const codes = [...Array.from({ length: 31 }, (_, i) => `K${i + 1}`), ...Array.from({ length: 34 }, (_, i) => `S${i + 1}`), ...Array.from({ length: 5 }, (_, i) => `B${i + 1}`)];
    const ksbs: Record<string, { opportunity: string; note?: string; canAlready?: boolean }> = Object.fromEntries(codes.map((c) => [c, { opportunity: 'yes' }]));
    ksbs.K1 = { opportunity: 'yes', canAlready: true };
    ksbs.S24 = { opportunity: 'no', note: 'Not monitoring yet, "soon"' };
    ksbs.K3 = { opportunity: 'with-changes' };
    localStorage.setItem(key, JSON.stringify({ version: 2, savedAt: '2026-01-01T00:00:00Z', data: { englishMaths: { age: '19+', level2: 'yes' }, role: { mlRole: 'yes', employerSupport: 'yes', offTheJobTime: 'yes' }, ksbs, gateway: { startDate: '2025-01-10' } } }));
  }, KEY);
  await page.goto('/eligibility/summary/');
  await ready(page);
  // One KSB the role gives no chance to evidence, and one needing changes: nearly, not turned away.
  await expect(page.getByRole('heading', { name: 'Can I apply? Nearly ready' })).toBeVisible();
  await expect(page.locator('.verdict', { has: page.locator('#result-apply') })).toContainText('Your role gives you no chance to evidence 1 KSB (S24). Ask your employer whether they can arrange it');
  await expect(page.locator('.gap-list li')).toHaveCount(2);
  await expect(page.locator('.gap-list a', { hasText: 'S24' })).toHaveAttribute('href', '/ksbs/s24/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download your KSB answers (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFKSB,Statement,Does your role give you the chance to develop and evidence it?,I can already do this,Note,Earlier answer (can you evidence it now?)');
  expect(csv).toContain('S24,"Monitor model data drift, using performance metrics to ensure systems are robust when moving outside of their domain of applicability.",No,,"Not monitoring yet, ""soon""",\r\n');
  expect(csv).toMatch(/\r\nK1,".*",Yes,Yes,,\r\n/);
  expect(csv.trim().split('\r\n')).toHaveLength(71);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Delete all my answers' }).click();
  await page.getByRole('button', { name: 'Yes, delete my answers' }).click();
  await expect(page).toHaveURL(/\/eligibility\/$/);
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
});

test('answers saved by the earlier version are carried over with a notice, losing none', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/about/');
  await page.evaluate((key) => {
    const ksbs = { K1: { answer: 'yes' }, K2: { answer: 'partly', note: 'Some of it' }, K3: { answer: 'not-yet', note: 'Not in my team' } };
    localStorage.setItem(key, JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00Z', data: { englishMaths: {}, role: {}, ksbs, gateway: {} } }));
  }, KEY);
  await page.goto('/eligibility/ksbs/');
  await ready(page);
  await expect(page.locator('[data-migration-note]')).toContainText('Your earlier answers were carried over');
  await expect(page.locator('#ksb-K1-yes')).toBeChecked();
  await expect(page.locator('#can-K1')).toBeChecked();
  await expect(page.locator('#ksb-K2-with-changes')).toBeChecked();
  await expect(page.locator('#note-K2')).toHaveValue('Some of it');
  await expect(page.locator('[data-ksb="K3"] input[type="radio"]:checked')).toHaveCount(0);
  await expect(page.locator('[data-ksb="K3"]')).toContainText('Your answer to the earlier question was “Not yet”.');
  await expect(page.locator('#note-K3')).toHaveValue('Not in my team');
  await page.locator('#ksb-K3-yes').check();
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), KEY);
  expect(stored.version).toBe(2);
  expect(stored.data.ksbs.K3).toEqual({ note: 'Not in my team', earlier: 'not-yet', opportunity: 'yes' });
});

test('KSB evidence page is axe clean with answers, notes open and a filter applied', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/eligibility/ksbs/');
  await ready(page);
  await page.locator('#ksb-K3-no').check();
  await page.locator('[data-ksb="K3"] .ksb-evidence__note summary').click();
  await page.locator('#note-K3').fill('No security work in my team');
  await page.locator('[data-ksb="K3"] .ksb-evidence__statement summary').click();
  await page.getByLabel(/Only “with changes” or “no”/).check();
  await expect(page.locator('[data-ksb]:visible')).toHaveCount(1);
  expect(await axeViolations(page)).toEqual([]);
});

test('the KSB step lays out only the KSBs near the screen; the others are drawn when scrolled to, focused or printed, with or without JavaScript', async ({ browser }) => {
  /** Whether the browser has laid out and painted a KSB's answers (false while it skips them off screen). */
  const drawn = (page: Page, code: string) =>
    page.locator(`#ksb-${code}-yes`).evaluate((radio) => radio.checkVisibility({ contentVisibilityAuto: true }));
  for (const javaScriptEnabled of [false, true]) {
    const page = await newPage(browser, { javaScriptEnabled, viewport: { width: 390, height: 844 } });
    // With JavaScript, the page's modules are held back: the KSBs must not wait for them.
    if (javaScriptEnabled) await page.route('**/_astro/*.js', () => {});
    await page.goto('/eligibility/ksbs/', { waitUntil: 'commit' });
    await expect(page.locator('footer')).toHaveCount(1);
    const codes = await page.locator('[data-ksb]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.ksb!));
    expect(codes).toHaveLength(70);
    const [first, middle, later, last] = [codes[0]!, codes[35]!, codes[50]!, codes[69]!];
    expect(await drawn(page, first)).toBe(true);
    for (const code of [middle, later, last]) expect(await drawn(page, code), code).toBe(false);
    await page.locator(`[data-ksb="${last}"] legend`).scrollIntoViewIfNeeded();
    await expect.poll(() => drawn(page, last)).toBe(true);
    await expect(page.locator(`[data-ksb="${last}"] legend`)).toBeInViewport();
    // Reached by the keyboard (or a script that focuses it), a KSB is drawn.
    await page.locator(`#ksb-${middle}-yes`).focus();
    await expect.poll(() => drawn(page, middle)).toBe(true);
    // On paper every KSB is drawn.
    expect(await drawn(page, later)).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await drawn(page, later)).toBe(true);
  }
});

test('starting the KSB step moves nothing below its counts: the bar, the filters and each theme’s heading hold their place until the answers are read', async ({ browser }) => {
  for (const width of [320, 412, 1366]) {
    const page = await newPage(browser, { viewport: { width, height: 800 } });
    const { release } = await openWithIslandsHeld(page, '/eligibility/ksbs/');
    /** Where each KSB, each theme's heading and what follows the step are, on the page. */
    const places = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.ksb-evidence__bar, .ksb-evidence h2, [data-ksb], .ksb-evidence__themes ~ *')].map(
          (el) => `${el.tagName}${(el as HTMLElement).dataset.ksb ?? el.id ?? ''} ${Math.round(el.getBoundingClientRect().top + scrollY)}+${Math.round(el.getBoundingClientRect().height)}`,
        ),
      );
    const built = await places();
    await expect(page.locator('.ksb-evidence__bar')).toContainText('Reading your saved answers');
    release();
    await ready(page);
    // The counts are shown now (nothing saved: every one is 0 answered) ...
    await expect(page.locator('[data-answered]')).toHaveText('0 of 70');
    await expect(page.getByLabel('Only unanswered (70)')).toHaveCount(1);
    await expect(page.locator('.ksb-evidence h2 .count').first()).toHaveText(/^\(0 of \d+ answered\)$/);
    await expect(page.locator('.ksb-evidence h2 [aria-hidden]')).toHaveCount(0);
    // ... and nothing moved to make room for them.
    expect(await places(), `${width} px`).toEqual(built);
    await page.context().close();
  }
});

test('gateway: the start date gives the earliest gateway date; an impossible date is refused', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/eligibility/gateway/');
  await ready(page);
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('1');
  await page.getByLabel('Year').fill('2024');
  await expect(page.locator('.result-line:not([data-evidence-counts])')).toContainText('Earliest gateway: Friday 31 January 2025');
  await page.getByLabel('Day').fill('30');
  await page.getByLabel('Month').fill('2');
  await expect(page.getByText('Enter a real date, for example 1 9 2025')).toBeVisible();
  // The last real date stays saved: a half-typed or impossible date never overwrites it.
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), KEY);
  expect(stored.data.gateway.startDate).toBe('2024-01-30'); // 30 January was real, on the way to 30 February
  expect(await axeViolations(page)).toEqual([]);
});

test('gateway: the rule follows the start date, on each side of 1 August 2025, and the hours from the training plan are kept', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/eligibility/gateway/');
  await ready(page);
  const setStart = async (day: string, month: string, year: string) => {
    await page.getByLabel('Day').fill(day);
    await page.getByLabel('Month').fill(month);
    await page.getByLabel('Year').fill(year);
  };
  await setStart('31', '7', '2025');
  await expect(page.locator('.result-line:not([data-evidence-counts])')).toContainText('Earliest gateway: Friday 31 July 2026, when you complete 12 months on programme (the minimum for apprentices who started before 1 August 2025)');
  await expect(page.getByRole('group', { name: 'Has at least 20% of your time on programme been off-the-job training?' })).toBeVisible();
  await expect(page.getByLabel('Minimum off-the-job hours in your training plan (optional)')).toHaveCount(0);

  await setStart('1', '8', '2025');
  await expect(page.locator('.result-line:not([data-evidence-counts])')).toContainText('Earliest gateway: Wednesday 1 April 2026, when you complete 8 months on programme');
  await expect(page.locator('.result-line:not([data-evidence-counts])')).toContainText('The EPA specification says 12 months (1 August 2026)');
  await expect(page.getByRole('group', { name: 'Have you completed the minimum off-the-job training hours in your training plan?' })).toBeVisible();
  const hours = page.getByLabel('Minimum off-the-job hours in your training plan (optional)');
  await hours.fill('12a');
  await expect(page.getByText('Enter the hours as a whole number from 1 to 5,000, for example 400')).toBeVisible();
  await hours.fill('420');
  await expect(page.getByText('Enter the hours as a whole number')).toHaveCount(0);
  await expect.poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).data.gateway.offTheJobHoursPlanned, KEY)).toBe(420);
  // Where the rule comes from: its sources and check date on the same page.
  await expect(page.locator('[data-rule="off-the-job"]')).toContainText('Checked against them on 30 November 2026');
  expect(await axeViolations(page)).toEqual([]);
});
