/**
 * The three CSVs built from what a learner types (the evidence log, the progress view, the
 * checklist's KSB answers), read back by Papa Parse as a spreadsheet would: the same columns on
 * every row, every cell as typed, and the formula guard still there after parsing. The functions
 * are the ones the download buttons call.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { evidenceCsv } from '../../src/lib/evidence/export';
import type { EvidenceEntry } from '../../src/lib/evidence/log';
import { skillsScanCsv, SKILLS_SCAN_CSV_HEADER } from '../../src/lib/eligibility/skills-scan-csv';
import type { KsbState, LearnerModel } from '../../src/lib/learner/model';
import { progressCsv, PROGRESS_CSV_HEADER } from '../../src/lib/learner/progress-csv';
import type { ProgressMethod } from '../../src/lib/learner/progress-groups';

/** Text a spreadsheet may run as a formula (written here independently of src/lib/csv.ts). */
const RUNS_AS_FORMULA = /^[\s\u0000-\u001f\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Guarded as well: a leading tab, carriage return or NUL, which some spreadsheets act on (OWASP's list). */
const GUARDED = (text: string) => RUNS_AS_FORMULA.test(text) || /^[\t\r\0]/.test(text);
/** Each begins like a formula, after nothing, white space, a control character or a full-width sign. */
const HOSTILE = ['=SUM(A1:A9)', '+1', '-2', '@cmd', '\0=1', '＝HYPERLINK("http://evil.example")', '  =1+2', '\t=1', '\u3000=1', '\r\n=1', '=a,"b"\nc'];
/** Awkward but harmless: quotes, commas and line breaks, kept as typed. */
const AWKWARD = ['say "hi", then', 'line one\nline two', 'line one\r\nline two', 'cr\ronly', 'a = b', 'plain'];

function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  // Outside quoted cells, a line break is CRLF and nothing else: a spreadsheet may end a row at a lone CR or LF.
  expect(/\r(?!\n)|(?<!\r)\n/.test(csv.replace(/"(?:[^"]|"")*"/g, '')), 'a lone CR or LF outside quotes').toBe(false);
  const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(new Set(parsed.data.map((row) => row.length)).size, 'the same number of columns on every row').toBe(1);
  return parsed.data;
}

/** What a cell must read after parsing: the text as typed, with an apostrophe in front when it would run. */
function expectCell(parsed: string | undefined, typed: string) {
  expect(parsed).toBe(GUARDED(typed) ? `'${typed}` : typed);
  expect(RUNS_AS_FORMULA.test(parsed!), `the guard survives parsing: ${JSON.stringify(parsed)}`).toBe(false);
}

const T = '2026-02-01T10:00:00.000Z';
const entry = (i: number, text: string): EvidenceEntry => ({
  id: `e${i}`,
  title: text,
  date: `2026-01-${String(28 - i).padStart(2, '0')}`,
  ksbs: ['S24', 'K11'],
  situation: text,
  action: `${text}`,
  reflection: text,
  where: text,
  otjHours: 2,
  created: T,
  updated: T,
});

describe('the evidence log CSV (my-evidence-*.csv)', () => {
  it('keeps every hostile and awkward text as text, on rows of one width', () => {
    const texts = [...HOSTILE, ...AWKWARD];
    const rows = parse(evidenceCsv({ entries: texts.map((t, i) => entry(i, t)) }));
    expect(rows).toHaveLength(texts.length + 1);
    // Newest first: entry i is dated 28 - i, so the rows come in the order typed.
    texts.forEach((typed, i) => {
      const row = rows[i + 1]!;
      for (const column of [0, 4, 6, 8, 9]) expectCell(row[column], typed);
      expect(row.slice(1, 4)).toEqual([entry(i, typed).date, '', 'K11 S24']);
      expect(row[10]).toBe('2');
    });
  });

  it('by property: any text of the dangerous characters comes back as typed, guarded, in its own column', () => {
    const chars = fc.constantFrom('=', '+', '-', '@', '\0', '＝', '＠', ' ', '\t', '\r', '\n', '\u3000', '"', ',', "'", 'a', '1');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: chars, minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 5 }), (texts) => {
        const rows = parse(evidenceCsv({ entries: texts.map((t, i) => entry(i, t)) }));
        texts.forEach((typed, i) => {
          expectCell(rows[i + 1]![0], typed);
          expectCell(rows[i + 1]![9], typed);
        });
      }),
    );
  });
});

describe('the progress CSV (st1398-progress-*.csv)', () => {
  const methods: ProgressMethod[] = [
    { id: 'am1', name: 'Report', href: '#', themes: [{ id: 't1', name: 'Scoping, with "quotes"', href: '#', ksbs: [{ code: 'K2', statement: 'A statement, with a comma' }, { code: 'S9', statement: 'Another' }] }] },
    { id: 'am2', name: 'Discussion', href: '#', themes: [{ id: 't2', name: 'Models', href: '#', ksbs: [{ code: 'S24', statement: 'Third' }] }] },
  ];
  const state = (code: string): KsbState => ({
    code,
    state: 'too-little',
    reasons: ['one reason', 'another'],
    summary: 'Rated, no quiz yet',
    quiz: { bank: 7, tried: 2, right: 1, wrong: [], certainWrong: [], guessedRight: [], answers: 2, recall: 0.834, due: 1 },
    rating: 'confident',
    mockNotYet: [],
    canAlready: false,
    examples: 0,
    awaitsExample: false,
  });
  const model: LearnerModel = new Map(['K2', 'S9', 'S24'].map((c) => [c, state(c)]));

  it('keeps the learner’s hostile notes as text, on rows of one width', () => {
    for (const typed of [...HOSTILE, ...AWKWARD]) {
      const rows = parse(progressCsv(methods, model, (code) => (code === 'S9' ? typed : undefined)));
      expect(rows[0]).toEqual(PROGRESS_CSV_HEADER);
      expect(rows.map((r) => r[0])).toEqual(['KSB', 'K2', 'S9', 'S24']);
      expectCell(rows[2]![11], typed);
      expect(rows[1]!.slice(1, 5)).toEqual(['A statement, with a comma', 'AM1', 'Scoping, with "quotes"', 'Too little to tell']);
      expect(rows[1]![9]).toBe('83%');
      expect(rows[1]![11]).toBe('');
    }
  });
});

describe('the checklist’s KSB answers CSV (st1398-skills-scan-*.csv)', () => {
  const ksbs = [
    { code: 'K1', statement: 'First, with "quotes"' },
    { code: 'K2', statement: 'Second' },
  ];
  it('keeps hostile notes as text, on rows of one width', () => {
    for (const typed of [...HOSTILE, ...AWKWARD]) {
      const rows = parse(skillsScanCsv(ksbs, { ksbs: { K1: { opportunity: 'with-changes', canAlready: true, note: typed, earlier: 'partly' } } }));
      expect(rows[0]).toEqual(SKILLS_SCAN_CSV_HEADER);
      expect(rows[1]!.slice(0, 4)).toEqual(['K1', 'First, with "quotes"', 'With some changes to my role', 'Yes']);
      expectCell(rows[1]![4], typed);
      expect(rows[1]![5]).toBe('Partly');
      expect(rows[2]).toEqual(['K2', 'Second', 'Not answered', '', '', '']);
    }
  });
});
