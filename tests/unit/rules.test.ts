/** Rules that change over time: the version for a start date or an age, on each side of every boundary. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadStandardContent, checkRules } from '../../src/lib/content/standard-content';
import { addDays } from '../../src/lib/dates';
import {
  englishMathsFor,
  isCheckDue,
  offTheJobFor,
  offTheJobInBrief,
  offTheJobQuestion,
  ruleById,
  timeOnProgramme,
  timeStanding,
  versionForStart,
  whoByStart,
} from '../../src/lib/rules';

const content = loadStandardContent();
const rules = content.rules;
const minimumDuration = ruleById(rules, 'minimum-duration');
const offTheJob = ruleById(rules, 'off-the-job');

describe('choosing a rule by start date', () => {
  it('gives 12 months and 20% up to 31 July 2025, and 8 months and published hours from 1 August 2025', () => {
    expect(timeOnProgramme(minimumDuration, '2025-07-31').version.months).toBe(12);
    expect(timeOnProgramme(minimumDuration, '2025-08-01').version.months).toBe(8);
    expect(offTheJobFor(offTheJob, '2025-07-31')).toMatchObject({ measure: 'percent', percent: 20 });
    expect(offTheJobFor(offTheJob, '2025-08-01')).toMatchObject({ measure: 'published-hours' });
    expect(offTheJobQuestion(offTheJobFor(offTheJob, '2025-07-31'))).toBe('Has at least 20% of your time on programme been off-the-job training?');
    expect(offTheJobQuestion(offTheJobFor(offTheJob, '2025-08-01'))).toBe('Have you completed the minimum off-the-job training hours in your training plan?');
    expect(offTheJobQuestion(undefined)).not.toMatch(/\d/);
  });

  it('covers every start date with exactly one version of each start-date rule', () => {
    const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, (start) => {
        for (const rule of [minimumDuration, offTheJob, ruleById(rules, 'resits'), ruleById(rules, 'assessment')]) {
          const matching = (rule.versions as Array<{ from?: string; until?: string }>).filter((v) => (!v.from || start >= v.from) && (!v.until || start < v.until));
          expect(matching).toHaveLength(1);
          expect(versionForStart(rule.versions as Array<{ from?: string; until?: string }>, start)).toBe(matching[0]);
        }
      }),
    );
  });

  it('says to whom each version applies', () => {
    expect(minimumDuration.versions.map(whoByStart)).toEqual(['apprentices who started before 1 August 2025', 'apprentices who started on or after 1 August 2025']);
    expect(whoByStart({ from: '2022-08-01', until: '2025-08-01' })).toBe('apprentices who started from 1 August 2022 to 31 July 2025');
    expect(offTheJobInBrief(offTheJob)).toBe(
      'at least 20% of your time on programme (apprentices who started before 1 August 2025), or the minimum off-the-job hours set for the standard, which your training plan gives (apprentices who started on or after 1 August 2025)',
    );
  });
});

describe('time on programme', () => {
  it('is complete at 12 months for an earlier start', () => {
    const time = timeOnProgramme(minimumDuration, '2024-03-31');
    expect(timeStanding(time, '2025-03-30')).toEqual({ kind: 'not-yet', months: 12, date: '2025-03-31', days: 1 });
    expect(timeStanding(time, '2025-03-31')).toEqual({ kind: 'complete', months: 12 });
  });
  it('counts the months between the legal 8 and the specification’s 12 as unconfirmed for a later start', () => {
    const time = timeOnProgramme(minimumDuration, '2025-08-31');
    expect(time.earliest).toBe('2026-04-30');
    expect(timeStanding(time, '2026-04-29').kind).toBe('not-yet');
    expect(timeStanding(time, '2026-04-30')).toEqual({ kind: 'legal-minimum-only', months: 8, specificationMonths: 12, specificationDate: '2026-08-31' });
    expect(timeStanding(time, '2026-08-30').kind).toBe('legal-minimum-only');
    expect(timeStanding(time, '2026-08-31')).toEqual({ kind: 'complete', months: 12 });
  });
});

describe('English and maths by age at the start', () => {
  it('must be achieved at 16 to 18 and is optional at 19 or over', () => {
    const rule = ruleById(rules, 'english-and-maths');
    expect(englishMathsFor(rule, '16-18').requirement).toBe('must-achieve');
    expect(englishMathsFor(rule, '19+').requirement).toBe('optional');
    expect(rule.since).toBe('2025-02-11');
  });
});

describe('checks of the rules data', () => {
  it('is due a check after a year, not before', () => {
    expect(isCheckDue('2026-11-30', '2027-11-30')).toBe(false);
    expect(isCheckDue('2026-11-30', addDays('2027-11-30', 1))).toBe(true);
  });
  it('finds an unknown source, a gap between versions and an unknown rule', () => {
    const broken = structuredClone(rules);
    const duration = broken.rules.find((r) => r.id === 'minimum-duration')!;
    duration.versions[1]!.from = '2025-09-01';
    duration.versions[0]!.sources = ['no-such-source'];
    broken.changes[0]!.rule = 'no-such-rule';
    const problems = checkRules(broken, new Set(content.sources.map((s) => s.id)), 'content/rules.yaml');
    expect(problems.map((p) => `${p.record} ${p.field}: ${p.message}`)).toEqual([
      'minimum-duration versions[0].sources[0]: unknown source "no-such-source"',
      "minimum-duration versions[0].until: must equal the next version's `from` (2025-09-01)",
      `${broken.changes[0]!.id} rule: unknown rule "no-such-rule"`,
    ]);
    expect(checkRules(rules, new Set(content.sources.map((s) => s.id)), 'content/rules.yaml')).toEqual([]);
  });
});
