/**
 * Every file the site offers for download, parsed by a library that real tools use, after the
 * learner has typed the worst text they could: the CSVs with Papa Parse (same columns on every row,
 * the formula guard intact), the calendar with ical.js (CRLF, folding, UID, DTSTAMP), the Markdown
 * appendix with markdown-it, a CommonMark parser with tables (columns kept, HTML shown as text); the
 * progress export against its published JSON Schema (Ajv).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { newPage } from './support';

const HOSTILE = '=HYPERLINK("http://evil.example","x"), "quoted" | piped <script>alert(1)</script>\nsecond line';

async function download(page: Page, button: string | RegExp): Promise<string> {
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return readFileSync(await (await file).path(), 'utf8');
}

function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF'), 'a byte-order mark for Excel').toBe(true);
  expect(text.replace(/"[^"]*"/g, '').includes('\n') && /[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), 'every line ends in CRLF').toBe(false);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const widths = new Set(parsed.data.map((row) => row.length));
  expect([...widths], 'the same number of columns on every row').toHaveLength(1);
  return parsed.data;
}

test('the report helper: its CSV and Markdown appendix survive hostile text', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/epa/am1/report/');
  // The mapping appendix is an island of its own, drawn when it is near the screen.
  await page.locator('.report-mapping').scrollIntoViewIfNeeded();
  await page.locator('.report-mapping[data-ready]').waitFor();
  const where = page.getByLabel('Where the report evidences K2', { exact: true });
  await where.fill(HOSTILE);
  const typed = await where.inputValue(); // a one-line field keeps one line

  const rows = parseCsv(await download(page, 'Download the appendix (CSV)'));
  expect(rows[0]).toEqual(['KSB', 'Statement', 'Where this report evidences it', 'Note']);
  const k2 = rows.find((r) => r[0] === 'K2')!;
  expect(k2[2], 'the formula guard survives parsing: text, not a formula').toBe(`'${typed}`);
  expect(rows).toHaveLength(32);

  const md = await download(page, 'Download the appendix (Markdown)');
  const html = new MarkdownIt({ html: true }).render(md);
  expect(html, 'learner text never becomes HTML').not.toContain('<script>');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  const bodyRows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh][ >]/g) ?? []).length);
  expect(bodyRows).toHaveLength(32);
  expect(new Set(bodyRows), 'four columns on every row, pipes and all').toEqual(new Set([4]));
  expect(html).toContain('piped');
});

test('the progress CSV and the eligibility CSV parse with the same columns on every row', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/progress/');
  await page.locator('.progress[data-ready]').waitFor();
  const progress = parseCsv(await download(page, 'Download all 70 KSBs (CSV)'));
  expect(progress).toHaveLength(71);
  expect(progress[0]![0]).toBe('KSB');

  await page.goto('/eligibility/summary/');
  await page.locator('[data-ready]').first().waitFor();
  const answers = parseCsv(await download(page, 'Download your KSB answers (CSV)'));
  expect(answers.length).toBe(71);
});

test('the evidence log CSV: hostile text typed into an entry comes back as text, one entry per row', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/evidence/');
  await page.locator('.evidence-log[data-ready]').waitFor();
  await page.getByRole('button', { name: 'Add an entry', exact: true }).click();
  const title = '  ＝HYPERLINK("http://evil.example"), "quoted"';
  await page.getByLabel('Title').fill(title);
  const when = page.getByRole('group', { name: /When was it\?/ });
  for (const [part, value] of [['Day', '10'], ['Month', '2'], ['Year', '2026']] as const) await when.getByLabel(part).fill(value);
  await page.getByLabel('What you did').fill(`@SUM(1+1)\n${HOSTILE}`);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('heading', { level: 3 }).first()).toBeFocused();
  const [header, row, ...rest] = parseCsv(await download(page, 'Download entries (CSV)'));
  expect(rest).toEqual([]);
  expect(header![0]).toBe('Title');
  // The title as the log saved it (a field may trim it), guarded: a full-width ＝ after spaces still runs in some spreadsheets.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('st1398:v1:evidence') ?? 'null')?.data.entries[0].title as string);
  expect(saved).toMatch(/^\s*＝HYPERLINK/);
  expect(row![0], 'the guard survives parsing').toBe(`'${saved}`);
  expect(row![header!.indexOf('What you did')]).toBe(`'@SUM(1+1)\n${HOSTILE}`);
});

test('the planner calendar parses with ical.js: CRLF, folded lines, a UID and a DTSTAMP on every event', async ({ browser }) => {
  const page = await newPage(browser);
  await page.clock.setFixedTime(new Date('2025-02-20T10:00:00Z'));
  await page.goto('/epa/planner/');
  await page.locator('.planner[data-ready]').waitFor();
  for (const [part, value] of [['day', '31'], ['month', '1'], ['year', '2024']] as const) await page.locator(`#startDate-${part}`).fill(value);
  const ics = await download(page, /^Download the \d+ dates still to come as a calendar/);
  expect(/[^\r]\n/.test(ics), 'every line ends in CRLF').toBe(false);
  for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  expect(ics.split('\r\n').some((line) => line.startsWith(' ')), 'a long line is folded').toBe(true);
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events.length).toBeGreaterThanOrEqual(2);
  const uids = events.map((e) => e.getFirstPropertyValue('uid'));
  expect(new Set(uids).size, 'each event its own UID').toBe(events.length);
  for (const event of events) {
    expect(event.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(event.getFirstPropertyValue('dtstart')).toBeTruthy();
    expect(String(event.getFirstPropertyValue('summary')).length).toBeGreaterThan(5);
  }
  // Every folded property reads back whole: ical.js's value is the file's text unfolded and unescaped.
  const unescape = (text: string) => text.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
  const folded = ics.replace(/\r\n /g, '\u0000').split('\r\n').filter((line) => line.includes('\u0000'));
  expect(folded.length).toBeGreaterThan(0);
  for (const line of folded) {
    const [, name, raw] = line.replace(/\u0000/g, '').match(/^([A-Z-]+)(?:;[^:]*)?:(.*)$/)!;
    const values = [calendar, ...events].flatMap((c) => c.getAllProperties(name!.toLowerCase()).map((p) => String(p.getFirstValue())));
    expect(values, `${name} unfolded`).toContain(unescape(raw!));
  }
});

test('the progress export validates against its published JSON Schema', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/ksbs/k7/');
  await page.locator('#rating').scrollIntoViewIfNeeded();
  await page.locator('#rating .self-rating[data-ready="true"]').waitFor();
  await page.locator('#rating').getByLabel('Confident', { exact: true }).check();
  await page.goto('/epa/am1/report/');
  // The mapping appendix is an island of its own, drawn when it is near the screen.
  await page.locator('.report-mapping').scrollIntoViewIfNeeded();
  await page.locator('.report-mapping[data-ready]').waitFor();
  await page.getByLabel('Where the report evidences K2', { exact: true }).fill(HOSTILE);
  await page.goto('/my-data/');
  await page.locator('.data-transfer[data-ready]').waitFor();
  const exported = JSON.parse(await download(page, 'Export my progress'));
  expect(Object.keys(exported.features)).toEqual(expect.arrayContaining(['ratings', 'report']));
  const schema = await (await page.request.get('/api/schemas/export.schema.json')).json();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  // The schema can fail: a rating the site does not know is refused.
  exported.features.ratings.data.ksbs.K7.rating = 'expert';
  expect(validate(exported)).toBe(false);
});
