/**
 * The fault suite: every fault saved progress can have, against every feature, in a real browser:
 * all nine faults on the first page listed for each feature, and on every other page that loads the
 * feature good data, one bad entry and a newer version (clean, salvaged, read-only), since those pages
 * read it through the same storage module and differ only in the island that shows the notice. Each case asserts that the page works, that no valid entry is lost,
 * that anything damaged is kept restorable (a backup, listed on /my-data/), and that a notice on the
 * page names what happened. The README's reliability section reports this table's size.
 */
import { expect, test, type Page } from '@playwright/test';

const NAMESPACE = 'st1398:v1:';
const BACKUP = 'st1398:backup:';
const CODES = [
  ...Array.from({ length: 31 }, (_, i) => `K${i + 1}`),
  ...Array.from({ length: 34 }, (_, i) => `S${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `B${i + 1}`),
];
const byCode = <T>(entry: (code: string) => T) => Object.fromEntries(CODES.map((c) => [c, entry(c)]));
const envelope = (data: unknown, version: unknown = 1) => JSON.stringify({ version, savedAt: '2026-11-01T09:00:00.000Z', data });

interface Fixture {
  /** The notice's name for the feature (its label, in lower case). */
  label: string;
  /** The version the site saves now (older versions are tested as migrations below). */
  version?: number;
  /** Good data: `count` entries in the collection `entries(data)` returns. */
  good: () => Record<string, unknown>;
  /** The same, with one entry made invalid. */
  oneBad: () => Record<string, unknown>;
  entries: (data: Record<string, unknown>) => string[];
  /** What the salvage notice says: the entry set aside, by name, and how many were kept (when it counts them). */
  setAside: { name: string; kept?: number };
  pages: string[];
}

const session = (i: number, method = 'am2') => ({
  id: `s${i}`,
  method,
  createdAt: `2026-10-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
  extended: false,
  timer: { durationMs: 5_400_000, usedMs: 0 },
  current: 0,
  items: [{ prompt: 'p', criterion: 'am2-model-management-pass-3' }],
});

const evidenceEntry = (i: number) => ({ id: `e${i}`, title: `Piece of work ${i}`, date: '2026-02-10', ksbs: ['S24'], created: '2026-03-01T10:00:00.000Z', updated: '2026-03-01T10:00:00.000Z' });

/** An FSRS card (keyed by KSB code here: any question id is accepted). */
const card = { due: '2026-12-01T09:00:00.000Z', stability: 3, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: '2026-11-28T09:00:00.000Z' };

const FEATURES: Record<string, Fixture> = {
  ratings: {
    label: 'self-ratings',
    good: () => ({ ksbs: byCode(() => ({ rating: 'confident', updated: '2026-11-01' })) }),
    oneBad: () => ({ ksbs: { ...byCode(() => ({ rating: 'confident', updated: '2026-11-01' })), K7: { rating: 'expert' } } }),
    entries: (d) => Object.keys((d.ksbs ?? {}) as object),
    setAside: { name: 'K7’s rating', kept: 69 },
    pages: ['/ksbs/k1/', '/ksbs/', '/duties/1/', '/progress/'],
  },
  eligibility: {
    label: 'eligibility and gateway checklist',
    version: 2,
    good: () => ({ englishMaths: {}, role: {}, gateway: { startDate: '2025-09-01' }, ksbs: byCode(() => ({ opportunity: 'yes' })) }),
    oneBad: () => ({ englishMaths: {}, role: {}, gateway: { startDate: '2025-09-01' }, ksbs: { ...byCode(() => ({ opportunity: 'yes' })), K7: { opportunity: 'maybe' } } }),
    entries: (d) => Object.keys((d.ksbs ?? {}) as object),
    setAside: { name: 'K7’s KSB answer', kept: 69 },
    pages: ['/eligibility/', '/eligibility/ksbs/', '/eligibility/gateway/', '/eligibility/summary/', '/progress/'],
  },
  quiz: {
    label: 'quiz history',
    version: 2,
    good: () => ({ attempts: [], answers: [], cards: byCode(() => card) }),
    oneBad: () => ({ attempts: [], answers: [], cards: { ...byCode(() => card), K7: { ...card, state: 9, due: 'soon' } } }),
    entries: (d) => Object.keys((d.cards ?? {}) as object),
    setAside: { name: 'K7’s quiz record', kept: 69 },
    pages: ['/quiz/', '/ksbs/k1/', '/progress/'],
  },
  practice: {
    label: 'mock assessment sessions',
    good: () => ({ sessions: Array.from({ length: 20 }, (_, i) => session(i)) }),
    oneBad: () => ({ sessions: Array.from({ length: 20 }, (_, i) => session(i, i === 7 ? 'am3' : 'am2')) }),
    entries: (d) => ((d.sessions ?? []) as Array<{ id: string }>).map((s) => s.id),
    setAside: { name: 'session 8', kept: 19 },
    pages: ['/practice/'],
  },
  planner: {
    label: 'EPA planner dates',
    good: () => ({ startDate: '2025-09-01', gatewayDate: '2027-03-01', presentationDate: '2027-04-20' }),
    oneBad: () => ({ startDate: '2200-01-01', gatewayDate: '2027-03-01', presentationDate: '2027-04-20' }),
    entries: (d) => ['startDate', 'gatewayDate', 'presentationDate', 'outcomeDate'].filter((k) => d[k] !== undefined),
    setAside: { name: 'start date' },
    pages: ['/epa/planner/'],
  },
  report: {
    label: 'AM1 report helper',
    good: () => ({ checked: [], mapping: byCode((c) => ({ where: `Section on ${c}` })) }),
    oneBad: () => ({ checked: [], mapping: { ...byCode((c) => ({ where: `Section on ${c}` })), K7: { where: 'x'.repeat(400) } } }),
    entries: (d) => Object.keys((d.mapping ?? {}) as object),
    setAside: { name: 'K7’s KSB mapping', kept: 69 },
    pages: ['/epa/am1/report/'],
  },
  evidence: {
    label: 'evidence log',
    good: () => ({ entries: Array.from({ length: 10 }, (_, i) => evidenceEntry(i)), activities: [], plan: { startDate: '2025-09-01' } }),
    oneBad: () => ({ entries: Array.from({ length: 10 }, (_, i) => (i === 7 ? { ...evidenceEntry(i), date: '2026-02-30' } : evidenceEntry(i))), activities: [], plan: { startDate: '2025-09-01' } }),
    entries: (d) => ((d.entries ?? []) as Array<{ id: string }>).map((e) => e.id),
    setAside: { name: 'evidence entry 8', kept: 9 },
    // Its main page only: the KSB, theme and report pages read it through the same storage layer.
    pages: ['/evidence/'],
  },
};

type Expect = 'clean' | 'salvaged' | 'unreadable' | 'newer';
const FAULTS: Array<{ name: string; raw: (f: Fixture) => string; expect: Expect }> = [
  { name: 'good data', raw: (f) => envelope(f.good(), f.version), expect: 'clean' },
  { name: 'extra fields', raw: (f) => envelope({ ...f.good(), colour: 'blue' }, f.version), expect: 'clean' },
  { name: 'one bad entry', raw: (f) => envelope(f.oneBad(), f.version), expect: 'salvaged' },
  { name: 'corrupt JSON', raw: (f) => envelope(f.good(), f.version).slice(0, -20), expect: 'unreadable' },
  // Valid data with no envelope, or its version as text, is read as it is: nothing reset.
  { name: 'not an envelope', raw: (f) => JSON.stringify(f.good()), expect: 'clean' },
  { name: 'null data', raw: () => envelope(null), expect: 'unreadable' },
  { name: 'wrong shape', raw: () => envelope('all my answers'), expect: 'unreadable' },
  { name: 'a string version', raw: (f) => envelope(f.good(), String(f.version ?? 1)), expect: 'clean' },
  { name: 'a future version', raw: (f) => envelope(f.good(), 99), expect: 'newer' },
];

/** On pages after a feature's first: no notice for good data, salvage with a notice, read-only for a newer version. */
// Good data is shown on each feature's main page; elsewhere the two outcomes that take work to get right.
const OUTCOME_CASES = ['one bad entry', 'a future version'];

/** Scrolls through the page so every island hydrates, then waits for them. */
async function wakeIslands(page: Page) {
  const count = await page.locator('astro-island').count();
  for (let i = 0; i < count; i++) await page.locator('astro-island').nth(i).scrollIntoViewIfNeeded().catch(() => {});
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, null, { timeout: 15_000 });
  await page.waitForTimeout(200);
}

async function storageOf(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!])));
}

test.describe('saved-progress faults, feature by feature, page by page', () => {
  for (const [feature, fixture] of Object.entries(FEATURES)) {
    for (const [pageIndex, path] of fixture.pages.entries()) {
      const primary = pageIndex === 0;
      for (const fault of primary ? FAULTS : FAULTS.filter((f) => OUTCOME_CASES.includes(f.name))) {
        test(`${feature} on ${path}: ${fault.name}`, async ({ browser }) => {
          const context = await browser.newContext();
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(e.message));
          const raw = fault.raw(fixture);
          await page.addInitScript(([key, value]) => {
            if (!sessionStorage.getItem('seeded')) {
              localStorage.setItem(key!, value!);
              sessionStorage.setItem('seeded', '1');
            }
          }, [`${NAMESPACE}${feature}`, raw]);
          await page.goto(path);
          await wakeIslands(page);
          await expect(page.locator('h1')).toBeVisible();
          expect(errors, 'page errors').toEqual([]);

          const notices = page.locator(`[data-notice][data-feature="${feature}"]`);
          // Some pages read saved progress in a script loaded after the islands: its notice says the read is done.
          if (fault.expect !== 'clean') await expect(notices.first()).toBeVisible();
          const stored = await storageOf(page);
          const current = stored[`${NAMESPACE}${feature}`];
          const backups = Object.entries(stored).filter(([k]) => k.startsWith(`${BACKUP}${feature}:`));
          const expectedEntries = fixture.entries(fixture.good());

          if (fault.expect === 'clean') {
            await expect(notices).toHaveCount(0);
            expect(backups).toEqual([]);
            const value = JSON.parse(current!);
            expect(fixture.entries(value.data ?? value).sort()).toEqual(expectedEntries.sort());
          } else if (fault.expect === 'salvaged') {
            await expect(notices.first()).toBeVisible();
            await expect(notices.first()).toContainText('could not be read and was set aside');
            await expect(notices.first()).toContainText(fixture.label);
            // It names what was set aside and counts what was kept ("… (K7’s rating); 69 kept").
            await expect(notices.first()).toContainText(`(${fixture.setAside.name})`);
            if (fixture.setAside.kept !== undefined) await expect(notices.first()).toContainText(`; ${fixture.setAside.kept} kept`);
            // Every valid entry kept; the original, with the bad one, restorable from the backup.
            const kept = fixture.entries(JSON.parse(current!).data);
            expect(kept.length).toBe(fixture.entries(fixture.oneBad()).length - 1);
            expect(backups.map(([, v]) => v)).toEqual([raw]);
          } else if (fault.expect === 'unreadable') {
            await expect(notices.first()).toBeVisible();
            await expect(notices.first()).toContainText('could not be read');
            expect(backups.map(([, v]) => v)).toEqual([raw]);
          } else {
            await expect(notices.first()).toBeVisible();
            await expect(notices.first()).toContainText('newer version of the site');
            expect(current, 'left untouched').toBe(raw);
            expect(backups).toEqual([]);
          }

          if (primary && (fault.expect === 'salvaged' || fault.expect === 'unreadable')) {
            // The kept copy is listed on /my-data/ with a way to restore and download it.
            await page.goto('/my-data/#backups');
            await expect(page.locator('.data-transfer[data-ready]')).toBeVisible();
            const item = page.locator('[data-backup]').first();
            await expect(item).toBeVisible();
            await expect(item.getByRole('button', { name: /^Restore/ })).toBeVisible();
            await expect(item.getByRole('button', { name: /^Download/ })).toBeVisible();
          }
          await context.close();
        });
      }
    }
  }
});

test('a copy kept on /my-data/ is restored in one action: the entries set aside come back, merged with what is saved now', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Earlier versions of the site set the whole value aside when it had no envelope; the copy is all that holds these 70 ratings.
  const copy = `${BACKUP}ratings:2026-11-01T09:00:00.000Z`;
  await page.addInitScript(
    ([key, kept, now]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key!, kept!);
      localStorage.setItem('st1398:v1:ratings', now!);
    },
    [copy, JSON.stringify(FEATURES.ratings!.good()), envelope({ ksbs: { K1: { rating: 'developing', updated: '2026-11-20' } } })],
  );
  await page.goto('/my-data/#backups');
  await expect(page.locator('.data-transfer[data-ready]')).toBeVisible();
  await page.locator(`[data-backup="${copy}"]`).getByRole('button', { name: /^Restore/ }).click();
  await expect(page.locator('[data-done]')).toContainText('Restored what could be read from the copy of your self-ratings (70 KSBs rated), merged with what is saved now.');
  const ratings = await page.evaluate(() => JSON.parse(localStorage.getItem('st1398:v1:ratings')!).data.ksbs);
  expect(Object.keys(ratings)).toHaveLength(70);
  // What was saved since the copy was kept wins where both hold an entry.
  expect(ratings.K1.rating).toBe('developing');
  await context.close();
});

test.describe('storage that misbehaves while the page is open', () => {
  test('getItem throws while setItem works: nothing is written, the page works and says so', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const raw = envelope(FEATURES.ratings!.good());
    await page.addInitScript((value) => {
      localStorage.setItem('st1398:v1:ratings', value);
      const real = Storage.prototype.getItem;
      Storage.prototype.getItem = function (key: string) {
        if (key.startsWith('st1398:')) throw new DOMException('denied', 'SecurityError');
        return real.call(this, key);
      };
    }, raw);
    await page.goto('/ksbs/k1/');
    await page.locator('.self-rating').scrollIntoViewIfNeeded();
    await expect(page.locator('.self-rating[data-ready]')).toBeVisible();
    await expect(page.locator('.self-rating [data-notice]').first()).toBeVisible();
    await page.locator('.self-rating').getByLabel('Developing').check();
    await page.waitForTimeout(200);
    const stored = await page.evaluate(() => {
      const getItem = Object.getOwnPropertyDescriptor(Storage.prototype, 'getItem');
      void getItem;
      return Object.keys(localStorage).map((k) => [k, (localStorage as unknown as Record<string, string>)[k]]);
    });
    expect(Object.fromEntries(stored)['st1398:v1:ratings']).toBe(raw);
    await context.close();
  });

  test('setItem fails (storage full): the change is refused with a notice, and what was saved stays', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const raw = envelope(FEATURES.ratings!.good());
    await page.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('st1398:v1:ratings', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, raw);
    await page.goto('/ksbs/k1/');
    await page.locator('.self-rating').scrollIntoViewIfNeeded();
    await expect(page.locator('.self-rating[data-ready]')).toBeVisible();
    // Storage fills up part-way through the visit.
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.locator('.self-rating').getByLabel('Developing').check();
    await expect(page.locator('.self-rating [data-notice="save-failed"]')).toContainText('storage for this site is full');
    expect(await page.evaluate(() => localStorage.getItem('st1398:v1:ratings'))).toBe(raw);
    await context.close();
  });

  test('a huge damaged value that cannot be copied is held: saving stops and says so, nothing overwritten', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('st1398:v1:ratings', `{"version":1,"data":${'x'.repeat(3_000_000)}`);
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('st1398:backup:')) throw new DOMException('full', 'QuotaExceededError');
        return real.call(this, key, value);
      };
    });
    await page.goto('/ksbs/k1/');
    await page.locator('.self-rating').scrollIntoViewIfNeeded();
    await expect(page.locator('.self-rating [data-notice="held"]')).toBeVisible();
    await expect(page.locator('.self-rating [data-notice="held"]')).toContainText('left exactly as it was');
    await page.locator('.self-rating').getByLabel('Developing').check();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => localStorage.getItem('st1398:v1:ratings')!.length)).toBeGreaterThan(3_000_000);
    // The learner chooses to discard it; saving resumes with what they did meanwhile.
    await page.getByRole('button', { name: 'Discard it and start saving again' }).click();
    await page.getByRole('button', { name: 'Yes, discard the damaged copy' }).click();
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('st1398:v1:ratings') ?? '{}').data?.ksbs?.K1?.rating)).toBe('developing');
    await context.close();
  });

  test('two tabs: a change in one shows in the other (planner)', async ({ browser }) => {
    const context = await browser.newContext();
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const p of [a, b]) {
      await p.goto('/epa/planner/');
      await expect(p.locator('.planner[data-ready]')).toBeVisible();
    }
    const start = a.getByRole('group', { name: /When did your apprenticeship start/ });
    await start.getByLabel('Day').fill('1');
    await start.getByLabel('Month').fill('9');
    await start.getByLabel('Year').fill('2025');
    await expect(b.getByRole('group', { name: /When did your apprenticeship start/ }).getByLabel('Year')).toHaveValue('2025');
    await context.close();
  });

  test('storage cleared with the page open: the next change saves everything the page holds', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/eligibility/ksbs/');
    await expect(page.locator('.checklist-form[data-ready]')).toBeVisible();
    await page.locator('input[name="ksb-K1"][value="yes"]').check();
    await page.locator('input[name="ksb-K2"][value="with-changes"]').check();
    // Another program clears the site's storage (no event reaches this tab).
    await page.evaluate(() => {
      const real = Storage.prototype.clear;
      real.call(localStorage);
    });
    await page.locator('input[name="ksb-K3"][value="yes"]').check();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('st1398:v1:eligibility')!).data.ksbs);
    expect(Object.keys(saved).sort()).toEqual(['K1', 'K2', 'K3']);
    await context.close();
  });
});
