/**
 * The fault suite: every fault saved progress can have, against every feature, on every kind of page
 * that loads it, in a real browser. Which page loads which feature is one table (LOADERS and PAGES
 * below, read from the islands and scripts each page runs), and the suite holds it to the site: with
 * every feature damaged, exactly the features the table lists for a page are backed up there, and no
 * other is touched. One browser context per page: each fault is put into every feature key at once,
 * the page loaded, and each feature checked: the page works, no valid entry is lost, anything damaged
 * is kept restorable (a backup, and once per feature, from its home page, listed on /my-data/ with
 * Restore and Download), and a notice on the page names what happened. The README's reliability section reports
 * this table's size.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';

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
  /** The same, with a field the site does not know inside one entry (K7, or the eighth): the entry is kept. */
  extraInEntry: () => Record<string, unknown>;
  entries: (data: Record<string, unknown>) => string[];
  /** What the salvage notice says: the entry set aside, by name, and how many were kept (when it counts them). */
  setAside: { name: string; kept?: number };
}

const session = (i: number, method = 'am2') => ({
  id: `s${i}`,
  method,
  createdAt: `2026-10-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
  finishedAt: `2026-10-${String((i % 28) + 1).padStart(2, '0')}T11:30:00.000Z`,
  extended: false,
  timer: { durationMs: 5_400_000, usedMs: 0 },
  current: 0,
  items: [{ prompt: 'p', criterion: 'am2-model-management-pass-3' }],
});

const evidenceEntry = (i: number) => ({ id: `e${i}`, title: `Piece of work ${i}`, date: '2026-02-10', ksbs: ['S24'], created: '2026-03-01T10:00:00.000Z', updated: '2026-03-01T10:00:00.000Z' });

/** An FSRS card (keyed by KSB code here: any question id is accepted). */
const card = { due: '2026-12-01T09:00:00.000Z', stability: 3, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: '2026-11-28T09:00:00.000Z' };
const extra = { colour: 'blue' };

const FEATURES: Record<string, Fixture> = {
  ratings: {
    label: 'self-ratings',
    good: () => ({ ksbs: byCode(() => ({ rating: 'confident', updated: '2026-11-01' })) }),
    oneBad: () => ({ ksbs: { ...byCode(() => ({ rating: 'confident', updated: '2026-11-01' })), K7: { rating: 'expert' } } }),
    extraInEntry: () => ({ ksbs: { ...byCode(() => ({ rating: 'confident', updated: '2026-11-01' })), K7: { rating: 'confident', updated: '2026-11-01', ...extra } } }),
    entries: (d) => Object.keys((d.ksbs ?? {}) as object),
    setAside: { name: 'K7’s rating', kept: 69 },
  },
  eligibility: {
    label: 'eligibility and gateway checklist',
    version: 2,
    good: () => ({ englishMaths: {}, role: {}, gateway: { startDate: '2025-09-01' }, ksbs: byCode(() => ({ opportunity: 'yes' })) }),
    oneBad: () => ({ englishMaths: {}, role: {}, gateway: { startDate: '2025-09-01' }, ksbs: { ...byCode(() => ({ opportunity: 'yes' })), K7: { opportunity: 'maybe' } } }),
    extraInEntry: () => ({ englishMaths: {}, role: {}, gateway: { startDate: '2025-09-01' }, ksbs: { ...byCode(() => ({ opportunity: 'yes' })), K7: { opportunity: 'yes', ...extra } } }),
    entries: (d) => Object.keys((d.ksbs ?? {}) as object),
    setAside: { name: 'K7’s KSB answer', kept: 69 },
  },
  quiz: {
    label: 'quiz history',
    version: 2,
    good: () => ({ attempts: [], answers: [], cards: byCode(() => card) }),
    oneBad: () => ({ attempts: [], answers: [], cards: { ...byCode(() => card), K7: { ...card, state: 9, due: 'soon' } } }),
    extraInEntry: () => ({ attempts: [], answers: [], cards: { ...byCode(() => card), K7: { ...card, ...extra } } }),
    entries: (d) => Object.keys((d.cards ?? {}) as object),
    setAside: { name: 'K7’s quiz record', kept: 69 },
  },
  practice: {
    label: 'mock assessment sessions',
    version: 2,
    good: () => ({ sessions: Array.from({ length: 20 }, (_, i) => session(i)) }),
    oneBad: () => ({ sessions: Array.from({ length: 20 }, (_, i) => session(i, i === 7 ? 'am3' : 'am2')) }),
    extraInEntry: () => ({ sessions: Array.from({ length: 20 }, (_, i) => (i === 7 ? { ...session(i), ...extra } : session(i))) }),
    entries: (d) => ((d.sessions ?? []) as Array<{ id: string }>).map((s) => s.id),
    setAside: { name: 'session 8', kept: 19 },
  },
  planner: {
    label: 'EPA planner dates',
    good: () => ({ startDate: '2025-09-01', gatewayDate: '2027-03-01', presentationDate: '2027-04-20' }),
    oneBad: () => ({ startDate: '2200-01-01', gatewayDate: '2027-03-01', presentationDate: '2027-04-20' }),
    // The planner's entries are its dates: a field it does not know sits beside them.
    extraInEntry: () => ({ startDate: '2025-09-01', gatewayDate: '2027-03-01', presentationDate: '2027-04-20', ...extra }),
    entries: (d) => ['startDate', 'gatewayDate', 'presentationDate', 'outcomeDate'].filter((k) => d[k] !== undefined),
    setAside: { name: 'start date' },
  },
  report: {
    label: 'AM1 report helper',
    good: () => ({ checked: [], mapping: byCode((c) => ({ where: `Section on ${c}` })) }),
    oneBad: () => ({ checked: [], mapping: { ...byCode((c) => ({ where: `Section on ${c}` })), K7: { where: 'x'.repeat(400) } } }),
    extraInEntry: () => ({ checked: [], mapping: { ...byCode((c) => ({ where: `Section on ${c}` })), K7: { where: 'Section on K7', ...extra } } }),
    entries: (d) => Object.keys((d.mapping ?? {}) as object),
    setAside: { name: 'K7’s KSB mapping', kept: 69 },
  },
  evidence: {
    label: 'evidence log',
    good: () => ({ entries: Array.from({ length: 10 }, (_, i) => evidenceEntry(i)), activities: [], plan: { startDate: '2025-09-01' } }),
    oneBad: () => ({ entries: Array.from({ length: 10 }, (_, i) => (i === 7 ? { ...evidenceEntry(i), date: '2026-02-30' } : evidenceEntry(i))), activities: [], plan: { startDate: '2025-09-01' } }),
    extraInEntry: () => ({ entries: Array.from({ length: 10 }, (_, i) => (i === 7 ? { ...evidenceEntry(i), ...extra } : evidenceEntry(i))), activities: [], plan: { startDate: '2025-09-01' } }),
    entries: (d) => ((d.entries ?? []) as Array<{ id: string }>).map((e) => e.id),
    setAside: { name: 'evidence entry 8', kept: 9 },
  },
};
type Feature = keyof typeof FEATURES;

/**
 * What loads saved progress on a page, and the features each reads (through src/lib/storage, so
 * each shows the storage notice): islands by name, and the script that labels listed KSBs.
 */
const LEARNER: Feature[] = ['ratings', 'quiz', 'practice', 'eligibility', 'evidence']; // useLearner, watchLearner
const LOADERS = {
  SelfRating: ['ratings'],
  Quiz: LEARNER,
  QuizBuilder: LEARNER,
  KsbExamples: ['evidence'],
  ThemeExamples: ['evidence'],
  /** src/client/state-labels.ts, on pages with a KsbList. */
  'KSB labels': LEARNER,
  KsbFinder: LEARNER,
  /** TaskList, EnglishMaths, Role, KsbEvidence, Summary. */
  Checklist: ['eligibility'],
  Gateway: ['eligibility', 'evidence'],
  Planner: ['planner'],
  ReportHelper: ['report'],
  ReportMapping: ['report', 'evidence'],
  Practice: ['practice'],
  ProgressDashboard: [...LEARNER, 'planner'],
  EvidenceLog: ['evidence', 'eligibility', 'planner'],
  PortfolioSummary: ['evidence'],
} satisfies Record<string, Feature[]>;

/**
 * One page of each kind that loads saved progress, and what loads it there. A duty or method page
 * (/duties/1/, /epa/am1/) runs the quiz and the KSB labels, a subset of what a theme page runs, so
 * the theme page stands for them; the checklist's English and maths, role and summary sections run
 * the one Checklist island that its first section and its KSB section run. (Kept to what the whole
 * test run can afford: CI must finish in 20 minutes.)
 */
const PAGES: Record<string, Array<keyof typeof LOADERS>> = {
  '/ksbs/k1/': ['SelfRating', 'Quiz', 'KsbExamples', 'KSB labels'],
  '/ksbs/': ['KsbFinder'],
  '/epa/am1/model-scoping/': ['Quiz', 'ThemeExamples', 'KSB labels'],
  '/quiz/': ['QuizBuilder'],
  '/progress/': ['ProgressDashboard'],
  '/practice/': ['Practice'],
  '/evidence/': ['EvidenceLog'],
  '/evidence/summary/': ['PortfolioSummary'],
  '/eligibility/': ['Checklist'],
  '/eligibility/ksbs/': ['Checklist'],
  '/eligibility/gateway/': ['Gateway'],
  '/epa/planner/': ['Planner'],
  '/epa/am1/report/': ['ReportHelper', 'ReportMapping'],
};
const featuresOn = (path: string): Feature[] => [...new Set(PAGES[path]!.flatMap((loader) => LOADERS[loader]))].sort();

/** Where each feature's kept copies are checked on /my-data/ (once per feature: every page keeps them the same way). */
const HOME: Record<Feature, string> = {
  ratings: '/ksbs/k1/',
  eligibility: '/eligibility/',
  quiz: '/quiz/',
  practice: '/practice/',
  planner: '/epa/planner/',
  report: '/epa/am1/report/',
  evidence: '/evidence/',
};

type Expect = 'clean' | 'salvaged' | 'unreadable' | 'newer';
const FAULTS: Array<{ name: string; raw: (f: Fixture) => string; expect: Expect; /** The entries that must be there after the load (default: the good data's). */ kept?: (f: Fixture) => string[] }> = [
  { name: 'good data', raw: (f) => envelope(f.good(), f.version), expect: 'clean' },
  { name: 'extra fields', raw: (f) => envelope({ ...f.good(), ...extra }, f.version), expect: 'clean' },
  { name: 'an extra field inside one entry', raw: (f) => envelope(f.extraInEntry(), f.version), expect: 'clean', kept: (f) => f.entries(f.extraInEntry()) },
  { name: 'one bad entry', raw: (f) => envelope(f.oneBad(), f.version), expect: 'salvaged' },
  { name: 'corrupt JSON', raw: (f) => envelope(f.good(), f.version).slice(0, -20), expect: 'unreadable' },
  // Valid data with no envelope, or its version as text, is read as it is: nothing reset.
  { name: 'not an envelope', raw: (f) => JSON.stringify(f.good()), expect: 'clean' },
  { name: 'null data', raw: () => envelope(null), expect: 'unreadable' },
  { name: 'wrong shape', raw: () => envelope('all my answers'), expect: 'unreadable' },
  { name: 'a string version', raw: (f) => envelope(f.good(), String(f.version ?? 1)), expect: 'clean' },
  { name: 'a future version', raw: (f) => envelope(f.good(), 99), expect: 'newer' },
];

/**
 * Scrolls through the page so every island hydrates, then waits for them: in the page, in one call,
 * each island not yet hydrated is brought into view for two frames (enough for its visibility
 * check), again until none is left.
 */
async function wakeIslands(page: Page, islands = 'astro-island[ssr]') {
  await expect
    .poll(
      () =>
        page.evaluate(async (selector) => {
          for (const island of document.querySelectorAll(selector)) {
            // An island is display: contents: its first element is what is on screen.
            (island.firstElementChild ?? island).scrollIntoView({ block: 'center' });
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          }
          return document.querySelectorAll(selector).length;
        }, islands),
      { timeout: 15_000, intervals: [50, 100, 200] },
    )
    .toBe(0);
}

async function storageOf(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!])));
}

const valueOf = (raw: string) => {
  const value = JSON.parse(raw);
  return (value.data ?? value) as Record<string, unknown>;
};

test.describe('saved-progress faults: every fault in every feature, on every kind of page that loads it', () => {
  for (const path of Object.keys(PAGES)) {
    const features = featuresOn(path);
    const homeOf = features.filter((f) => HOME[f] === path);
    test(`${path} (${features.join(', ')})`, async ({ browser }) => {
      // Ten page loads and a visit to /my-data/: more time than one page needs on a busy machine.
      test.setTimeout(180_000);
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Each fault is put into storage from a blank page on the site's origin, not from the page the
      // last fault left open: an island there still starting (the KSB finder loads the learner model
      // only after it hydrates) would read the new fault first and set its bad entries aside, so the
      // page under test would find nothing to tell (it failed so once in CI).
      await page.route('**/__seed', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
      for (const fault of FAULTS) {
        await test.step(fault.name, async () => {
          await page.goto('/__seed');
          // Every feature gets the fault, those this page does not load too: they must stay untouched.
          const seeded = Object.fromEntries(Object.entries(FEATURES).map(([feature, fixture]) => [feature, fault.raw(fixture)]));
          await page.evaluate(
            ([prefix, values]) => {
              localStorage.clear();
              for (const [feature, value] of Object.entries(values)) localStorage.setItem(`${prefix}${feature}`, value);
            },
            [NAMESPACE, seeded] as const,
          );
          // Module scripts have run by DOMContentLoaded; the islands are waited for below.
          await page.goto(path, { waitUntil: 'domcontentloaded' });
          // Export and import (at the foot of several pages) load no feature, as the backups checked below show.
          await wakeIslands(page, 'astro-island[ssr]:not([component-url*="/DataTransfer."])');
          await expect(page.locator('h1')).toBeVisible();
          expect(errors, 'page errors').toEqual([]);

          if (fault.expect === 'clean') await expect(page.locator('[data-notice]')).toHaveCount(0);
          for (const feature of features) {
            const fixture = FEATURES[feature]!;
            const notice = page.locator(`[data-notice][data-feature="${feature}"]`).first();
            const what = `Your saved ${fixture.label}`;
            if (fault.expect === 'salvaged') {
              await expect(notice, feature).toContainText(`${what}: 1 `);
              await expect(notice, feature).toContainText(`could not be read and was set aside (${fixture.setAside.name})`);
              if (fixture.setAside.kept !== undefined) await expect(notice, feature).toContainText(`; ${fixture.setAside.kept} kept`);
            } else if (fault.expect === 'unreadable') {
              await expect(notice, feature).toContainText(`${what} could not be read (`);
              await expect(notice, feature).toContainText('The saved copy is kept as a backup');
            } else if (fault.expect === 'newer') {
              await expect(notice, feature).toContainText(`${what} was saved by a newer version of the site: reload the page to use it.`);
            }
          }

          const stored = await storageOf(page);
          const backedUp = Object.keys(stored).filter((k) => k.startsWith(BACKUP)).map((k) => k.slice(BACKUP.length).split(':')[0]!);
          // The table is what the site does: exactly the features it lists for this page were read here.
          if (fault.expect === 'salvaged' || fault.expect === 'unreadable') expect(backedUp.sort(), 'features backed up on this page').toEqual(features);
          for (const [feature, fixture] of Object.entries(FEATURES)) {
            const raw = seeded[feature]!;
            const current = stored[`${NAMESPACE}${feature}`];
            const backups = Object.entries(stored).filter(([k]) => k.startsWith(`${BACKUP}${feature}:`)).map(([, v]) => v);
            if (!features.includes(feature) || fault.expect === 'newer') {
              expect(current, `${feature} left untouched`).toBe(raw);
              expect(backups, `${feature}: no backup`).toEqual([]);
            } else if (fault.expect === 'clean') {
              expect(backups, `${feature}: no backup`).toEqual([]);
              expect(fixture.entries(valueOf(current!)).sort(), `${feature}: every entry kept`).toEqual((fault.kept ?? ((f: Fixture) => f.entries(f.good())))(fixture).sort());
            } else if (fault.expect === 'salvaged') {
              // Every valid entry kept; the original, with the bad one, restorable from the backup.
              expect(fixture.entries(valueOf(current!)).length, `${feature}: every valid entry kept`).toBe(fixture.entries(fixture.oneBad()).length - 1);
              expect(backups, `${feature}: the original kept`).toEqual([raw]);
            } else {
              expect(backups, `${feature}: the original kept`).toEqual([raw]);
            }
          }

          if (homeOf.length > 0 && fault.expect === 'salvaged') {
            // The kept copy is listed on /my-data/ with a way to restore and download it.
            await page.goto('/my-data/#backups');
            await expect(page.locator('.data-transfer[data-ready]')).toBeVisible();
            for (const feature of homeOf) {
              const item = page.locator(`[data-backup^="${BACKUP}${feature}:"]`);
              await expect(item, feature).toHaveCount(1);
              await expect(item.getByRole('button', { name: /^Restore/ }), feature).toBeVisible();
              await expect(item.getByRole('button', { name: /^Download/ }), feature).toBeVisible();
            }
          }
        });
      }
      await context.close();
    });
  }

  test('the table: every feature is loaded on some page and checked on /my-data/ from a page that loads it', () => {
    for (const [feature, home] of Object.entries(HOME)) expect(featuresOn(home), feature).toContain(feature);
    expect(Object.keys(HOME).sort()).toEqual(Object.keys(FEATURES).sort());
  });
});

test('a damaged copy kept on /my-data/ is restored in one action: the entries set aside come back, merged with what is saved now, which is copied first', async ({ browser }) => {
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
  await expect(page.locator('[data-done]')).toContainText(
    'Restored what could be read from the copy of your self-ratings (70 KSBs rated), merged with what is saved now, as the copy could not be used as it was.',
  );
  await expect(page.locator('[data-done]')).toContainText('What was saved before the restore is kept as a copy below: to undo the restore, press Restore on that copy.');
  await expect(page.locator('[data-backup]')).toHaveCount(2);
  const ratings = await page.evaluate(() => JSON.parse(localStorage.getItem('st1398:v1:ratings')!).data.ksbs);
  expect(Object.keys(ratings)).toHaveLength(70);
  // What was saved since the copy was kept wins where both hold an entry.
  expect(ratings.K1.rating).toBe('developing');
  await context.close();
});

/**
 * /ksbs/k1/ with good saved ratings, where reading any key that starts with `prefix` throws (a
 * browser that refuses to read storage); scrolled to the self-rating.
 */
async function openK1WithGetItemFailing(browser: Browser, prefix: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const raw = envelope(FEATURES.ratings!.good());
  await page.addInitScript(
    ([value, failing]) => {
      localStorage.setItem('st1398:v1:ratings', value);
      const real = Storage.prototype.getItem;
      Storage.prototype.getItem = function (key: string) {
        if (key.startsWith(failing)) throw new DOMException('denied', 'SecurityError');
        return real.call(this, key);
      };
    },
    [raw, prefix] as const,
  );
  await page.goto('/ksbs/k1/');
  return { context, page, raw };
}

/** The saved ratings exactly as stored (read past any getItem the test broke). */
const storedRatings = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, (localStorage as unknown as Record<string, string>)[k]]))['st1398:v1:ratings']);

test.describe('storage that misbehaves while the page is open', () => {
  test('getItem throws while setItem works: nothing is written, the page works and says so', async ({ browser }) => {
    // The probe the storage layer starts with reads a st1398: key, so it fails too.
    const { context, page, raw } = await openK1WithGetItemFailing(browser, 'st1398:');
    await page.locator('.self-rating').scrollIntoViewIfNeeded();
    await expect(page.locator('.self-rating[data-ready]')).toBeVisible();
    // The probe the storage layer starts with fails too, so the page says, once, that nothing is saved.
    await expect(page.locator('[data-notice]')).toHaveCount(1);
    await expect(page.locator('[data-notice="unavailable"]')).toContainText('Your progress will not be saved');
    await expect(page.locator('[data-notice="unavailable"]')).toContainText('your answers will be lost when you close it');
    await page.locator('.self-rating').getByLabel('Developing').check();
    await expect(page.locator('.self-rating').getByLabel('Developing')).toBeChecked();
    await page.waitForTimeout(200);
    expect(await storedRatings(page)).toBe(raw);
    await context.close();
  });

  test('getItem throws for saved progress only: each feature says it could not be read and that nothing is being saved', async ({ browser }) => {
    // The storage layer's probe reads back; only the features' keys fail.
    const { context, page, raw } = await openK1WithGetItemFailing(browser, 'st1398:v1:');
    await page.locator('.self-rating').scrollIntoViewIfNeeded();
    await expect(page.locator('.self-rating[data-ready]')).toBeVisible();
    const notice = page.locator('[data-notice="unavailable"][data-feature="ratings"]');
    await expect(notice).toContainText('Your browser would not let this page read your saved self-ratings, so nothing is being saved, to avoid overwriting it.');
    await page.locator('.self-rating').getByLabel('Developing').check();
    await expect(page.locator('.self-rating').getByLabel('Developing')).toBeChecked();
    expect(await storedRatings(page)).toBe(raw);
    await context.close();
  });

  test('setItem fails from the page load on: one notice says nothing will be saved, the page works, what was saved stays', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const raw = envelope(FEATURES.ratings!.good());
    await page.addInitScript((value) => {
      localStorage.setItem('st1398:v1:ratings', value);
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    }, raw);
    await page.goto('/ksbs/k1/');
    await wakeIslands(page);
    await expect(page.locator('h1')).toBeVisible();
    // Every island on the page loads a feature (five here): the notice is about the page, shown once.
    await expect(page.getByText('Your progress will not be saved')).toHaveCount(1);
    await expect(page.locator('[data-notice]')).toHaveCount(1);
    await expect(page.locator('[data-notice="unavailable"]')).toContainText('Your browser is not letting this site save anything');
    await page.locator('.self-rating').getByLabel('Developing').check();
    await expect(page.locator('.self-rating').getByLabel('Developing')).toBeChecked();
    await expect(page.getByText('Your progress will not be saved')).toHaveCount(1);
    expect(await page.evaluate(() => localStorage.getItem('st1398:v1:ratings'))).toBe(raw);
    expect(errors, 'page errors').toEqual([]);
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
