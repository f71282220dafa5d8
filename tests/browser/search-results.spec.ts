/**
 * Search results as the browser fetches them: each result's data (a Pagefind fragment) is fetched
 * only for the results shown, and each shows as its own arrives; a glossary term is a result of its
 * own with a fragment of its own. Counted by requests held back, never by timing.
 */
import { gunzipSync } from 'node:zlib';
import { expect, test, type Route } from '@playwright/test';
import { axeViolations } from './support';

const FRAGMENTS = '**/pagefind/fragment/**';

/** A fragment as Pagefind stores it: gzip, a 12-byte signature, then JSON. */
const readFragment = (body: Buffer) => JSON.parse(gunzipSync(body).subarray(12).toString('utf8')) as { url: string; word_count: number; meta: Record<string, string> };

test('the dialog asks for five results, shows each as it arrives, and "Show more results" asks for the next five', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested: string[] = [];
  const held: Route[] = [];
  let hold = true;
  // The first fragment asked for is sent; the others are held until the test lets them go.
  await context.route(FRAGMENTS, async (route) => {
    requested.push(new URL(route.request().url()).pathname);
    if (hold && requested.length > 1) held.push(route);
    else await route.continue();
  });
  await page.goto('/duties/3/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search this site' });
  await page.getByRole('searchbox', { name: 'Search this site' }).fill('monitoring');
  const links = dialog.locator('.search-result a');
  await expect(links, 'one result shows while four are still on their way').toHaveCount(1);
  await expect.poll(() => requested.length).toBe(5);
  await expect(dialog.getByRole('status'), 'the count is announced once the first five are shown').toHaveText('');

  hold = false;
  for (const route of held.splice(0)) await route.continue();
  await expect(links).toHaveCount(5);
  await expect(dialog.getByRole('status')).toHaveText(/^\d+ results, showing the first 5$/);
  expect(requested, 'no more than the five shown were fetched').toHaveLength(5);
  expect(await axeViolations(page)).toEqual([]);

  await dialog.getByRole('button', { name: 'Show more results' }).click();
  await expect(links).toHaveCount(10);
  expect(requested).toHaveLength(10);
  await expect(links.nth(5), 'focus goes to the first new result').toBeFocused();
  await expect(dialog.getByRole('status')).toHaveText(/^\d+ results(, showing the first 10)?$/);
  await context.close();
});

test('a glossary term is a result of its own: it links to the term, shows its definition, and fetches only that term', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fragments: Array<{ bytes: number; data: ReturnType<typeof readFragment> }> = [];
  context.on('response', async (response) => {
    if (!response.url().includes('/pagefind/fragment/')) return;
    const body = await response.body().catch(() => undefined);
    if (body) fragments.push({ bytes: body.length, data: readFragment(body) });
  });
  await page.goto('/duties/7/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search this site' });
  await page.getByRole('searchbox', { name: 'Search this site' }).fill('concept drift');
  const first = dialog.locator('.search-result a').first();
  await expect(first).toHaveAttribute('href', '/glossary/#concept-drift');
  await expect(first.locator('.search-result__title')).toHaveText('Concept drift');
  await expect(first.locator('.search-result__type')).toHaveText('Glossary');
  await expect(first.locator('.search-result__excerpt')).toContainText('relationship between');
  await expect(dialog.locator('.search-result a[href="/glossary/"]'), 'the glossary page itself is not a result for a term').toHaveCount(0);

  await expect.poll(() => fragments.some((f) => f.data.url === '/glossary/#concept-drift')).toBe(true);
  const term = fragments.find((f) => f.data.url === '/glossary/#concept-drift')!;
  expect(term.data.meta['title']).toBe('Concept drift');
  expect(term.data.word_count, 'the term alone, not the glossary').toBeLessThan(120);
  expect(term.bytes, 'the whole glossary was 17.6 KB').toBeLessThan(1500);
  await context.close();
});

test('the search page shows ten results and fetches ten more on "Show more results"', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested: string[] = [];
  await context.route(FRAGMENTS, async (route) => {
    requested.push(route.request().url());
    await route.continue();
  });
  await page.goto('/search/?q=monitoring');
  const links = page.locator('[data-results] a');
  await expect(links).toHaveCount(10);
  await expect(page.getByRole('status')).toHaveText(/^\d+ results, showing the first 10$/);
  expect(requested).toHaveLength(10);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(links).toHaveCount(20);
  await expect(links.nth(10)).toBeFocused();
  await context.close();
});
