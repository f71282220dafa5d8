/**
 * Site search (Pagefind) and the KSB finder (Fuse.js) in a real browser.
 */
import { expect, test } from '@playwright/test';
import { axeViolations, newPage } from './support';

test('search opens with "/", is used by keyboard, and Enter on a result lands on it', async ({ browser }) => {
  const page = await newPage(browser);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/duties/3/');
  expect(requests.some((p) => p.includes('/pagefind/')), 'nothing from the index loads with the page').toBe(false);
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search this site' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search this site' })).toBeFocused();
  await page.keyboard.type('s24');
  await expect(dialog.getByRole('status')).toHaveText(/\d+ results?/);
  const first = dialog.locator('.search-result a').first();
  await expect(first).toHaveAttribute('href', '/ksbs/s24/');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.locator('.search-result a').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ksbs\/s24\/$/);
});

test('Pagefind’s worker is asked for as search is, beside the dialog’s code rather than after it, and the dialog uses it', async ({ browser }) => {
  const page = await newPage(browser);
  let workerAskedFor!: () => void;
  const worker = new Promise<void>((resolve) => (workerAskedFor = resolve));
  let workers = 0;
  await page.context().route('**/pagefind/pagefind-worker.js', (route) => {
    workers++;
    workerAskedFor();
    return route.continue();
  });
  // The dialog's code is held back until the worker has been asked for (or 5 s have passed).
  let heldBack: 'worker first' | 'no worker' | undefined;
  await page.context().route(/\/_astro\/dialog\.[\w-]+\.js$/, async (route) => {
    heldBack = await Promise.race([worker.then(() => 'worker first' as const), new Promise<'no worker'>((resolve) => setTimeout(() => resolve('no worker'), 5000))]);
    return route.continue();
  });
  await page.goto('/duties/3/');
  expect(workers, 'nothing of search loads with the page').toBe(0);
  await page.keyboard.press('/');
  await page.keyboard.type('drift');
  await expect.poll(() => heldBack, { timeout: 10_000 }).toBe('worker first');
  const dialog = page.getByRole('dialog', { name: 'Search this site' });
  await expect(dialog.locator('.search-result a').first()).toHaveAttribute('href', '/ksbs/s24/');
  expect(workers, 'one worker: the dialog took over the one the page started').toBe(1);
});

test('Escape closes search and focus returns to the opener; Ctrl+K opens it too', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/');
  const button = page.getByRole('button', { name: /Search/ });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Search this site' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
});

test('on a phone: search fills the screen, keeps what was typed while it loaded, lists each page and glossary term once, and a glossary result opens at its term', async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true });
  await page.goto('/duties/7/');
  // Typed straight after the tap, before the dialog's code has loaded: every key must arrive.
  await page.getByRole('button', { name: /Search/ }).click();
  await page.keyboard.type('concept drift', { delay: 0 });
  const dialog = page.getByRole('dialog', { name: 'Search this site' });
  await expect(page.getByRole('searchbox', { name: 'Search this site' })).toHaveValue('concept drift');
  const box = (await dialog.boundingBox())!;
  expect(box.width, 'full width').toBeGreaterThanOrEqual(389);
  expect(box.height, 'full height').toBeGreaterThanOrEqual(843);
  await expect(dialog.getByRole('status')).toHaveText(/\d+ results?/);
  const hrefs = await dialog.locator('.search-result a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  // A page's sections are not results of their own; the glossary's terms are (each at its anchor).
  const result = (h: string) => (h.startsWith('/glossary/#') ? h : h.split('#')[0]);
  expect(new Set(hrefs.map(result)).size, 'one result per page or glossary term').toBe(hrefs.length);
  expect(hrefs).toContain('/glossary/#concept-drift');
  const excerpts = await dialog.locator('.search-result__excerpt').allTextContents();
  expect(new Set(excerpts).size, 'no excerpt repeated').toBe(excerpts.length);
  await dialog.locator('a[href="/glossary/#concept-drift"]').click();
  await expect(page).toHaveURL(/\/glossary\/#concept-drift$/);
  await expect(page.locator('#concept-drift')).toBeInViewport();
});

test('"stakeholder" gives each page its own excerpt, not the duty statement they all list', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/search/?q=stakeholder');
  const excerpts = page.locator('.search-result__excerpt');
  await expect(excerpts.first()).toBeVisible();
  const texts = (await excerpts.allTextContents()).map((t) => t.trim());
  expect(new Set(texts).size, texts.join('\n')).toBe(texts.length);
});

// Pagefind's worker file (the worker never starts) and its WebAssembly (the worker starts, its index cannot load).
for (const file of ['pagefind-worker.js', 'wasm.en-gb.pagefind']) {
  test(`search says so when ${file} cannot be fetched, and the next keystroke tries again`, async ({ browser }) => {
    const page = await newPage(browser);
    let broken = true;
    await page.context().route(`**/pagefind/${file}`, (route) => (broken ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue()));
    await page.goto('/duties/3/');
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search this site' });
    const field = page.getByRole('searchbox', { name: 'Search this site' });
    await field.fill('dri');
    await expect(dialog.getByRole('status')).toHaveText(/^Search is not available/);
    await expect(dialog.locator('.search-result')).toHaveCount(0);
    broken = false;
    await field.fill('drift');
    await expect(dialog.locator('.search-result a').first()).toHaveAttribute('href', '/ksbs/s24/');
    await expect(dialog.getByRole('status')).toHaveText(/\d+ results?/);
  });
}

test('"/" typed in a form field does not open search', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/ksbs/');
  await page.locator('.finder[data-ready]').waitFor();
  await page.getByRole('searchbox', { name: 'Find a KSB' }).fill('a/b');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('/search/?q=drift shows S24, filters narrow the results, and the URL keeps them', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/search/?q=drift');
  await expect(page.locator('[data-search-page][data-ready]')).toHaveCount(1);
  await expect(page.locator('[data-results] a').first()).toHaveAttribute('href', '/ksbs/s24/');
  await page.getByLabel(/^Theme \(\d+\)$/).check();
  await expect(page).toHaveURL(/type=Theme/);
  // The earlier results stay until the filtered ones arrive.
  await expect(page.locator('[data-results] a').first()).toHaveAttribute('href', /^\/epa\//);
  const hrefs = await page.locator('[data-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs.every((h) => h!.startsWith('/epa/'))).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});

test('/ksbs/?q=bias&kind=skill shows exactly the matching skills and survives a reload and Back', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/ksbs/?q=bias&kind=skill');
  await page.locator('.finder[data-ready]').waitFor();
  // What the learner sees: the matches (the grouped list of all 70 is hidden while searching).
  const codes = () => page.locator('.finder [data-ksb]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-ksb')));
  const first = await codes();
  expect(first.length).toBeGreaterThan(0);
  expect(first.every((c) => c!.startsWith('S'))).toBe(true);
  expect(first).toContain('S20');
  await expect(page.locator('.finder__count')).toHaveText(`${first.length} of 70 KSBs`);
  await expect(page.locator('.finder mark').first()).toBeVisible();
  await page.reload();
  await page.locator('.finder[data-ready]').waitFor();
  expect(await codes()).toEqual(first);
  await page.getByLabel('Kind').selectOption('behaviour');
  await expect(page).toHaveURL(/kind=behaviour/);
  await page.goBack();
  await expect(page).toHaveURL(/kind=skill/);
  await expect.poll(codes).toEqual(first);
  expect(await axeViolations(page)).toEqual([]);
});

test('/ksbs/ filtered without words shows exactly the rows it counts, grouped, the rest out of sight', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/ksbs/?kind=knowledge&duty=1');
  await page.locator('.finder[data-ready]').waitFor();
  const shown = await page.locator('.finder [data-ksb]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-ksb')));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(31);
  expect(shown.every((c) => c!.startsWith('K'))).toBe(true);
  await expect(page.locator('.finder__count')).toHaveText(`${shown.length} of 70 KSBs`);
  await expect(page.getByRole('heading', { name: `Knowledge (${shown.length})` })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Skills/ })).toBeHidden();
  const all = await page.locator('.finder [data-ksb^="K"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ksb')));
  const left = all.filter((c) => !shown.includes(c));
  expect(left.length).toBe(31 - shown.length);
  for (const code of left) await expect(page.locator(`.finder [data-ksb="${code}"]`)).toBeHidden();
});

test('/ksbs/ on a phone: results follow the field, the filters fold behind "Filters (n)"', async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto('/ksbs/');
  await page.locator('.finder[data-ready]').waitFor();
  const kind = page.getByLabel('Kind');
  await expect(kind).toBeHidden();
  await page.getByRole('searchbox', { name: 'Find a KSB' }).fill('drift');
  const first = page.locator('.finder__results li').first();
  await expect(first).toBeInViewport();
  const toggle = page.getByRole('button', { name: 'Filters (0)' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await kind.selectOption('skill');
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeVisible();
  // On a wide screen the filters are simply there.
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
  await expect(page.getByLabel('Duty')).toBeVisible();
});

test('an unknown filter value in the URL is ignored with a visible note', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/ksbs/?q=drift&method=am9');
  await page.locator('.finder[data-ready]').waitFor();
  await expect(page.getByText('Ignored a filter this site does not recognise: method=am9.')).toBeVisible();
  await expect(page.locator('.finder__results [data-ksb="S24"]')).toBeVisible();
});

test('without JavaScript, /ksbs/ lists all 70 and /search/ says search needs JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ksbs/');
  await expect(page.locator('[data-ksb]')).toHaveCount(70);
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  await expect(page).toHaveURL(/\/search\//);
  // (Playwright's text selectors skip <noscript>, so look for the notice by its class.)
  await expect(page.locator('.needs-js')).toContainText('Search needs JavaScript.');
  await expect(page.locator('.needs-js a[href="/ksbs/"]')).toBeVisible();
  await context.close();
});
