/**
 * Progress by link, across browsers that share nothing (a fresh context each): moved from one to
 * another with a merge that keeps both sides' answers; a locked link opens only with its passphrase;
 * a changed link is refused and nothing changes; a report opened in a third browser shows what the
 * learner's own progress page shows, leaves that browser's saved progress untouched, renders the
 * learner's text as text, and prints without its buttons.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { axeViolations, newPage, progressDrawn } from './support';

const KEY = (feature: string) => `st1398:v1:${feature}`;
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const envelope = (data: unknown, version = 1) => JSON.stringify({ version, savedAt: at(20), data });

/** Three real S24 questions answered right (and certain) on the given day, and ratings. */
async function seed(page: Page, ratings: Record<string, unknown>, quizDay?: number, extra: Record<string, string> = {}) {
  await page.goto('/about/');
  await page.evaluate(
    async ({ ratings, quizDay, extra, keys }) => {
      localStorage.setItem(keys.ratings, JSON.stringify({ version: 1, savedAt: '2026-11-20T09:00:00.000Z', data: { ksbs: ratings } }));
      if (quizDay !== undefined) {
        const index = await (await fetch('/api/questions/index.json')).json();
        const ids = index.questions.filter((q: { ksbs: string[] }) => q.ksbs[0] === 'S24').slice(0, 3).map((q: { id: string }) => q.id);
        const when = `2026-11-${String(quizDay).padStart(2, '0')}T09:00:00.000Z`;
        const due = `2026-11-${String(quizDay + 3).padStart(2, '0')}T09:00:00.000Z`;
        const cards = Object.fromEntries(ids.map((id: string) => [id, { due, stability: 4, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: when }]));
        const answers = ids.map((id: string) => ({ question: id, at: when, correct: true, confidence: 'certain' }));
        localStorage.setItem(keys.quiz, JSON.stringify({ version: 2, savedAt: when, data: { cards, answers, attempts: [] } }));
      }
      for (const [k, v] of Object.entries(extra)) localStorage.setItem(k, v);
    },
    { ratings, quizDay, extra, keys: { ratings: KEY('ratings'), quiz: KEY('quiz') } },
  );
}

const saved = (page: Page, feature: string) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.data, KEY(feature));
const everything = (page: Page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

async function makeLink(page: Page, section: 'move' | 'share', passphrase = '', writing = false): Promise<string> {
  await page.goto('about:blank');
  await page.goto(`/my-data/#${section}`);
  const root = page.locator(`#${section}.share-section[data-ready]`);
  await root.waitFor();
  if (passphrase) await root.getByLabel('Passphrase (optional)').fill(passphrase);
  if (writing) await root.getByLabel('Include what you wrote').check();
  await root.getByRole('button', { name: section === 'move' ? 'Make a link' : 'Make the report link' }).click();
  const link = root.getByRole('textbox', { name: section === 'move' ? 'Link to your progress' : 'Link to your report' });
  await expect(link).toHaveValue(/#(move|report)=/);
  return new URL(await link.inputValue()).pathname + new URL(await link.inputValue()).hash;
}

async function fresh(browser: Browser) {
  return newPage(browser, { viewport: { width: 1280, height: 900 } });
}

test('progress moves to another browser by link: previewed, merged (newer answer wins, nothing lost), same schedule', async ({ browser }) => {
  const a = await fresh(browser);
  await seed(a, { K1: { rating: 'confident', updated: '2026-11-18', note: 'Led the K1 review' }, K2: { rating: 'developing', updated: '2026-11-10' } }, 15);
  const link = await makeLink(a, 'move');
  // A small set fits a QR code, drawn here with no request elsewhere.
  await expect(a.locator('[data-link-result="move"] svg[data-qr-modules] path')).toHaveAttribute('d', /^M/);

  const b = await fresh(browser);
  await seed(b, { K1: { rating: 'developing', updated: '2026-11-01' }, K3: { rating: 'evidence', updated: '2026-11-05' } });
  await b.goto(link);
  const preview = b.locator('[data-import-preview]');
  await expect(preview).toContainText('Bring in the progress from this link?');
  await expect(preview).toContainText('Self-ratings');
  await expect(preview).toContainText('Saved here now:');
  expect((await saved(b, 'ratings')).ksbs.K1.rating, 'nothing changes before a choice').toBe('developing');
  await b.getByRole('button', { name: 'Merge with what is saved' }).click();
  await expect(b.locator('[data-done]')).toContainText('from the link');
  expect(new URL(b.url()).hash, 'the progress leaves the address bar').toBe('');

  const ratings = (await saved(b, 'ratings')).ksbs;
  expect(ratings.K1).toEqual({ rating: 'confident', updated: '2026-11-18', note: 'Led the K1 review' });
  expect(Object.keys(ratings).sort()).toEqual(['K1', 'K2', 'K3']);
  expect((await saved(b, 'quiz')).cards).toEqual((await saved(a, 'quiz')).cards);
  expect((await saved(b, 'quiz')).answers).toEqual((await saved(a, 'quiz')).answers);
});

test('a locked link opens only with its passphrase; a changed link is refused and nothing changes', async ({ browser }) => {
  const a = await fresh(browser);
  await seed(a, { K5: { rating: 'confident', updated: '2026-11-18' } });
  const link = await makeLink(a, 'move', 'river stone 42');

  const b = await fresh(browser);
  await seed(b, { K9: { rating: 'developing', updated: '2026-11-02' } });
  const before = await everything(b);
  await b.goto(link);
  const unlock = b.locator('[data-unlock]');
  await unlock.getByLabel('Passphrase').fill('river stone 43');
  await unlock.getByRole('button', { name: 'Open the link' }).click();
  await expect(unlock).toContainText('That passphrase does not open this link');
  await unlock.getByLabel('Passphrase').fill('river stone 42');
  await unlock.getByRole('button', { name: 'Open the link' }).click();
  await expect(b.locator('[data-import-preview]')).toContainText('Self-ratings');
  await b.getByRole('button', { name: 'Cancel' }).click();
  expect(await everything(b)).toEqual(before);

  // One character changed in the middle of an unlocked link.
  const plain = await makeLink(a, 'move');
  const middle = plain.length - 40;
  await b.goto(plain.slice(0, middle) + (plain[middle] === 'A' ? 'B' : 'A') + plain.slice(middle + 1));
  await expect(b.getByRole('alert')).toContainText('The link is damaged or incomplete');
  expect(await everything(b)).toEqual(before);
});

test('a shared report shows what the learner’s own page shows, in a browser whose own progress it never touches', async ({ browser }) => {
  const a = await fresh(browser);
  const evidence = envelope({
    entries: [{ id: 'e1', title: '<img src=x onerror="window.__xss=1"> Drift alerts', date: '2026-02-10', ksbs: ['S24'], action: 'SECRET story', created: at(1), updated: at(1) }],
    activities: [],
    plan: {},
  });
  await seed(a, { K1: { rating: 'developing', updated: '2026-11-18', note: 'SECRET note' }, S24: { rating: 'confident', updated: '2026-11-18' } }, 15, { [KEY('evidence')]: evidence });
  await a.goto('/progress/');
  await progressDrawn(a);
  const states = async (page: Page) =>
    page.locator('tr[data-ksb]').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.ksb, (r as HTMLElement).dataset.state])));
  const own = await states(a);
  expect(own.S24).toBeDefined();

  const link = await makeLink(a, 'share');
  const c = await fresh(browser);
  await seed(c, { B2: { rating: 'evidence', updated: '2026-11-03' } });
  const before = await everything(c);
  await c.goto(link);
  const report = c.locator('.shared-report[data-report-step="shown"]');
  await expect(report.locator('[data-report-status]')).toContainText('self-assessment');
  await expect(report.locator('[data-report-missing]')).toHaveCount(0);
  await expect(report.locator('#method-am1')).toBeVisible();
  expect(await states(c)).toEqual(own);
  await expect(report.locator('[data-rating-group="developing"]')).toContainText('K1');
  await expect(report.locator('[data-report-evidence]')).toContainText('1 evidence entry; 1 of 70 KSBs');
  await expect(report).not.toContainText('SECRET');
  expect(await everything(c), 'the reader’s own saved progress is untouched').toEqual(before);
  expect(await axeViolations(c)).toEqual([]);
  await c.emulateMedia({ media: 'print' });
  await expect(c.getByRole('button', { name: 'Print the report' })).toBeHidden();
  await c.emulateMedia({ media: 'screen' });

  // With the learner's writing, their text is shown as text, never as markup.
  const withWriting = await makeLink(a, 'share', '', true);
  await c.goto(withWriting);
  await expect(c.locator('.report__entries')).toContainText('<img src=x onerror="window.__xss=1"> Drift alerts');
  await expect(c.locator('.report img')).toHaveCount(0);
  expect(await c.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});
