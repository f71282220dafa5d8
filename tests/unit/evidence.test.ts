/** My evidence: the saved log (salvage of a bad entry), coverage, off-the-job arithmetic, exports. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { ruleById } from '../../src/lib/rules';
import { MemoryStorage } from '../../src/lib/storage/backend';
import { createStore, keyFor } from '../../src/lib/storage/store';
import { applyImport, buildExport, previewImport } from '../../src/lib/storage/transfer';
import { FEATURES } from '../../src/lib/saved-progress';
import { duplicateEntry, entriesFor, evidenceFeature, type EvidenceEntry, type EvidenceLog } from '../../src/lib/evidence/log';
import { coverageBand, coverageCounts, filterEntries, methodCoverage, searchKsbs, sortEntries, suggestKsbs, themeCoverage, type EvidenceKsb } from '../../src/lib/evidence/coverage';
import { formatHours, hoursByMonth, otjPace, otjTarget, parseHours, totalHours } from '../../src/lib/evidence/otj';
import { evidenceCsv, portfolioMarkdown } from '../../src/lib/evidence/export';

const rule = ruleById(loadStandardContent().rules, 'off-the-job');

const KSBS: EvidenceKsb[] = [
  { code: 'K11', statement: 'How to monitor model performance and detect drift in production', themeId: 'am2-model-management', theme: 'Model management', method: 'am2', methodCode: 'AM2' },
  { code: 'S24', statement: 'Monitor deployed models for drift and retrain them when performance degrades', themeId: 'am2-model-management', theme: 'Model management', method: 'am2', methodCode: 'AM2' },
  { code: 'S2', statement: 'Scope a machine learning problem with stakeholders', themeId: 'am1-model-scoping', theme: 'Model scoping', method: 'am1', methodCode: 'AM1' },
];
const T = '2026-03-01T10:00:00.000Z';
const entry = (over: Partial<EvidenceEntry> = {}): EvidenceEntry => ({ id: 'e1', title: 'Drift dashboard', date: '2026-02-10', ksbs: ['S24', 'K11'], created: T, updated: T, ...over });
const log = (over: Partial<EvidenceLog> = {}): EvidenceLog => ({ entries: [], activities: [], plan: {}, ...over });

describe('the saved log', () => {
  it('is a registered feature, saved and read back through the storage layer', () => {
    expect(FEATURES.map((f) => f.feature)).toContain('evidence');
    const storage = new MemoryStorage();
    const store = createStore(evidenceFeature, { backend: { storage, persistent: true }, events: undefined });
    const data = log({ entries: [entry({ otjHours: 3 })], plan: { startDate: '2025-09-01' } });
    expect(store.save(data).ok).toBe(true);
    expect(store.load()).toMatchObject({ status: 'ok', data });
  });

  it('sets aside one bad entry and keeps the good ones (the original kept as a backup)', () => {
    const storage = new MemoryStorage();
    const bad = { ...entry({ id: 'bad' }), date: '2026-02-30' };
    storage.setItem(keyFor('evidence'), JSON.stringify({ version: 1, savedAt: T, data: { entries: [entry(), bad, entry({ id: 'e2', otjHours: 0.3 })], activities: [{ id: 'a', date: '2026-01-01', hours: 2, what: 'Course', ksbs: [], created: T, updated: T }], plan: { weeklyHours: -1 } } }));
    const result = createStore(evidenceFeature, { backend: { storage, persistent: true }, events: undefined }).load();
    expect(result.status).toBe('salvaged');
    if (result.status !== 'salvaged') return;
    expect(result.data.entries.map((e) => e.id)).toEqual(['e1']);
    expect(result.data.activities).toHaveLength(1);
    expect(result.summary).toContain('2 evidence entries could not be read and were set aside (evidence entry 2 and evidence entry 3); 1 kept');
    expect(storage.getItem(result.backupKey)).toContain('"bad"');
  });

  it('is exported and imported with everything else; a merge keeps entries from both', () => {
    const source = new MemoryStorage();
    createStore(evidenceFeature, { backend: { storage: source, persistent: true }, events: undefined }).save(log({ entries: [entry()] }));
    const file = JSON.stringify(buildExport(FEATURES, source));
    const target = new MemoryStorage();
    createStore(evidenceFeature, { backend: { storage: target, persistent: true }, events: undefined }).save(log({ entries: [entry({ id: 'e9', title: 'Other' })] }));
    const preview = previewImport(file, FEATURES, target);
    expect(preview).toMatchObject({ ok: true, items: [{ feature: 'evidence', incoming: '1 evidence entry, 0 off-the-job activities' }] });
    if (!preview.ok) return;
    expect(applyImport(preview, FEATURES, target, { mode: 'merge' })).toMatchObject({ ok: true, applied: [{ feature: 'evidence', cut: [] }] });
    const merged = JSON.parse(target.getItem(keyFor('evidence'))!).data as EvidenceLog;
    expect(merged.entries.map((e) => e.id).sort()).toEqual(['e1', 'e9']);
  });

  it('duplicates an entry with a new id, and lists the entries of a KSB newest first', () => {
    const copy = duplicateEntry(entry(), new Date(T), () => 0.5);
    expect(copy).toMatchObject({ title: 'Drift dashboard (copy)', ksbs: ['S24', 'K11'] });
    expect(copy.id).not.toBe('e1');
    const older = entry({ id: 'e0', date: '2025-12-01' });
    expect(entriesFor(log({ entries: [older, entry()] }), 'S24').map((e) => e.id)).toEqual(['e1', 'e0']);
  });
});

describe('coverage', () => {
  it('counts entries per KSB and lists each theme’s KSBs with none', () => {
    const counts = coverageCounts(log({ entries: [entry(), entry({ id: 'e2', ksbs: ['S24', 'S24'] })] }), KSBS.map((k) => k.code));
    expect([...counts]).toEqual([['K11', 1], ['S24', 2], ['S2', 0]]);
    const themes = themeCoverage(KSBS, counts);
    expect(themes).toEqual([
      { id: 'am2-model-management', name: 'Model management', method: 'am2', total: 2, covered: 2, missing: [] },
      { id: 'am1-model-scoping', name: 'Model scoping', method: 'am1', total: 1, covered: 0, missing: ['S2'] },
    ]);
    expect(methodCoverage(themes).map((m) => [m.id, m.covered, m.total, m.missing])).toEqual([['am2', 2, 2, []], ['am1', 0, 1, ['S2']]]);
    expect([0, 1, 2, 3, 9].map(coverageBand)).toEqual([0, 1, 2, 3, 3]);
  });

  it('property: covered and missing KSBs always add up to the KSBs of each theme', () => {
    const code = fc.constantFrom(...KSBS.map((k) => k.code));
    fc.assert(
      fc.property(fc.array(fc.array(code, { maxLength: 4 }), { maxLength: 12 }), (lists) => {
        const entries = lists.map((ksbs, i) => entry({ id: `e${i}`, ksbs }));
        const counts = coverageCounts(log({ entries }), KSBS.map((k) => k.code));
        const themes = themeCoverage(KSBS, counts);
        expect(themes.reduce((n, t) => n + t.total, 0)).toBe(KSBS.length);
        for (const t of themes) expect(t.covered + t.missing.length).toBe(t.total);
        for (const n of counts.values()) expect(n).toBeLessThanOrEqual(entries.length);
      }),
    );
  });

  it('filters by KSB, theme, method, dates and words, and sorts', () => {
    const a = entry({ id: 'a', title: 'Scoping workshop', date: '2025-11-01', ksbs: ['S2'], action: 'I ran the workshop' });
    const b = entry({ id: 'b', title: 'Alerting', date: '2026-01-05', end: '2026-02-20' });
    const all = [a, b];
    expect(filterEntries(all, { ksb: 'S2' }, KSBS).map((e) => e.id)).toEqual(['a']);
    expect(filterEntries(all, { theme: 'am2-model-management' }, KSBS).map((e) => e.id)).toEqual(['b']);
    expect(filterEntries(all, { method: 'am1' }, KSBS).map((e) => e.id)).toEqual(['a']);
    expect(filterEntries(all, { from: '2026-02-01' }, KSBS).map((e) => e.id)).toEqual(['b']);
    expect(filterEntries(all, { to: '2025-12-31' }, KSBS).map((e) => e.id)).toEqual(['a']);
    expect(filterEntries(all, { text: 'RAN workshop' }, KSBS).map((e) => e.id)).toEqual(['a']);
    expect(sortEntries(all, 'newest').map((e) => e.id)).toEqual(['b', 'a']);
    expect(sortEntries(all, 'oldest').map((e) => e.id)).toEqual(['a', 'b']);
    expect(sortEntries(all, 'title').map((e) => e.id)).toEqual(['b', 'a']);
    expect(sortEntries(all, 'most-ksbs').map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('finds KSBs by code or words, and suggests them from what was written', () => {
    expect(searchKsbs(KSBS, 's24').map((k) => k.code)).toEqual(['S24']);
    expect(searchKsbs(KSBS, 'S2').map((k) => k.code)).toEqual(['S2', 'S24']);
    expect(searchKsbs(KSBS, 'drift monitor').map((k) => k.code)).toEqual(['K11', 'S24']);
    expect(suggestKsbs(KSBS, 'I set up monitoring for drift on the deployed churn models', []).map((k) => k.code)).toEqual(['S24', 'K11']);
    expect(suggestKsbs(KSBS, 'I set up monitoring for drift on the deployed churn models', ['S24']).map((k) => k.code)).toEqual(['K11']);
    expect(suggestKsbs(KSBS, 'lunch', [])).toEqual([]);
  });
});

describe('off-the-job hours', () => {
  it('totals activities and hours attached to entries, by month', () => {
    const l = log({ entries: [entry({ otjHours: 3 }), entry({ id: 'e2', date: '2026-04-02' })], activities: [{ id: 'a', date: '2025-12-15', hours: 1.25, what: 'Course', ksbs: [], created: T, updated: T }] });
    expect(totalHours(l)).toBe(4.25);
    expect(hoursByMonth(l)).toEqual([
      { month: '2025-12', hours: 1.25 },
      { month: '2026-01', hours: 0 },
      { month: '2026-02', hours: 3 },
    ]);
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(4.25)).toBe('4.25 hours');
    expect([parseHours('3', 1000), parseHours('1,5', 1000), parseHours('0.3', 1000), parseHours('0', 1000), parseHours('x', 1000)]).toEqual([3, 1.5, undefined, undefined, undefined]);
  });

  it('before 1 August 2025: the percentage of the weekly hours (capped) for each week from start to end', () => {
    const version = rule.versions.find((v) => v.measure === 'percent')!;
    if (version.measure !== 'percent') throw new Error('no percentage rule');
    const cap = version.weeklyHoursCap!;
    // 52 weeks from 1 July 2024 (364 days); a full-time week counts as the cap.
    const full = otjTarget(rule, { startDate: '2024-07-01', endDate: '2025-06-30', weeklyHours: 37.5 });
    expect(full.target).toEqual({ kind: 'estimate', hours: (version.percent / 100) * cap * 52, percent: version.percent, weeklyHours: cap, capped: true, weeks: 52 });
    // Part-time: the percentage of the hours actually worked.
    const part = otjTarget(rule, { startDate: '2024-07-01', endDate: '2025-06-30', weeklyHours: 20 });
    expect(part.target).toMatchObject({ kind: 'estimate', hours: (version.percent / 100) * 20 * 52, capped: false });
    // The last day before the change is still the percentage rule.
    expect(otjTarget(rule, { startDate: '2025-07-31', endDate: '2026-07-31', weeklyHours: 30 }).version?.measure).toBe('percent');
  });

  it('counts a leap day: a year from 1 March 2023 has 366 days, from 1 March 2022 365', () => {
    const leap = otjTarget(rule, { startDate: '2023-03-01', endDate: '2024-03-01', weeklyHours: 10 }).target;
    const plain = otjTarget(rule, { startDate: '2022-03-01', endDate: '2023-03-01', weeklyHours: 10 }).target;
    expect(leap.kind === 'estimate' && plain.kind === 'estimate').toBe(true);
    if (leap.kind !== 'estimate' || plain.kind !== 'estimate') return;
    expect(leap.hours - plain.hours).toBeCloseTo((leap.percent / 100) * 10 / 7, 1);
  });

  it('from 1 August 2025: the hours in the training plan, asked for, never assumed', () => {
    expect(otjTarget(rule, { startDate: '2025-08-01', endDate: '2026-08-01', weeklyHours: 37.5 })).toMatchObject({ version: { measure: 'published-hours' }, target: { kind: 'missing', need: ['plannedHours'] } });
    expect(otjTarget(rule, { startDate: '2025-08-01', plannedHours: 400 }).target).toEqual({ kind: 'plan', hours: 400 });
    expect(otjTarget(rule, {}).target).toEqual({ kind: 'missing', need: ['startDate', 'plannedHours'] });
    expect(otjTarget(rule, { startDate: '2024-01-01' }).target).toEqual({ kind: 'missing', need: ['endDate', 'weeklyHours'] });
  });

  it('says whether the learner is ahead or behind where they should be by today', () => {
    const plan = { startDate: '2026-01-01', endDate: '2027-01-01' };
    expect(otjPace(365, 0, plan, '2025-12-01')).toEqual({ kind: 'not-started', startDate: '2026-01-01' });
    expect(otjPace(365, 100, plan, '2026-04-11')).toMatchObject({ kind: 'on-track', expected: 100, difference: 0 });
    expect(otjPace(365, 110, plan, '2026-04-11')).toMatchObject({ kind: 'ahead', expected: 100, difference: 10 });
    expect(otjPace(365, 90, plan, '2026-04-11')).toMatchObject({ kind: 'behind', expected: 100, difference: -10 });
    expect(otjPace(365, 99.5, plan, '2026-04-11')).toMatchObject({ kind: 'on-track' });
    expect(otjPace(365, 300, plan, '2027-02-01')).toEqual({ kind: 'ended', remaining: 65 });
    expect(otjPace(365, 0, {}, '2026-04-11')).toEqual({ kind: 'no-dates' });
  });

  it('property: the total is never negative and the expected figure never exceeds the target', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4000 }), { maxLength: 30 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 900 }), (quarters, target, day) => {
        const l = log({ activities: quarters.map((q, i) => ({ id: `a${i}`, date: '2026-01-01', hours: q / 4, what: 'x', ksbs: [], created: T, updated: T })) });
        expect(totalHours(l)).toBeGreaterThanOrEqual(0);
        const pace = otjPace(target, totalHours(l), { startDate: '2026-01-01', endDate: '2027-06-30' }, `2026-${String(1 + (day % 12)).padStart(2, '0')}-01`);
        if ('expected' in pace) expect(pace.expected).toBeLessThanOrEqual(target);
      }),
    );
  });
});

describe('exports', () => {
  it('writes one CSV row per entry, KSBs in one column, RFC 4180 quoting and the formula guard', () => {
    const csv = evidenceCsv(log({ entries: [entry({ title: '=HYPERLINK("x")', action: 'I said "hello", then\nleft', otjHours: 3 })] }));
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Title,From,To,KSBs,Situation,Task,What you did,Result,What you learnt,Where the evidence is,Off-the-job hours');
    expect(row).toBe(`"'=HYPERLINK(""x"")",2026-02-10,,K11 S24,,,"I said ""hello"", then\nleft",,,,3`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('groups the portfolio summary by theme, naming KSBs with no evidence', () => {
    const text = portfolioMarkdown(log({ entries: [entry({ where: 'repo ml/drift' })] }), KSBS, '2026-03-01');
    expect(text).toContain('## Model management (AM2)');
    expect(text).toContain('- **S24**: Drift dashboard (10 February 2026; repo ml/drift)');
    expect(text).toContain('No evidence logged yet: S2.');
    expect(text).toContain('- **S2**: *No evidence logged yet*');
    expect(text).toContain('1 evidence entry; 2 of 3 KSBs shown by at least one.');
  });
});
