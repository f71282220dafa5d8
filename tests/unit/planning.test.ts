/** The EPA planner, calendar files, the report helper and the re-sit grade cap. */
import { describe, expect, it } from 'vitest';
import { plan, planStanding, type PlannerRules } from '../../src/lib/planner';
import { buildIcs, foldLine } from '../../src/lib/ics';
import { checkWordCount, countReportWords, mappingCsv, mappingGaps, mappingMarkdown } from '../../src/lib/report';
import { cappedGrade } from '../../src/lib/grading';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { ruleById } from '../../src/lib/rules';
import { earliestStartOf } from '../../src/lib/standard';

describe('EPA planner', () => {
  const rules: PlannerRules = { minimumDuration: ruleById(loadStandardContent().rules, 'minimum-duration'), typicalEpaPeriodMonths: 4, discussionWeeksAfterGateway: 2, submissionWeek: 8, noticeWeeks: 2, resitTypicalMonths: 3, retakeTypicalMonths: 6, deadlineMonths: 6, projectReworkWeeks: 2, earliestStart: '2000-01-01' };
  const byId = (r: ReturnType<typeof plan>) => Object.fromEntries(r.dates.map((d) => [d.id, d.date]));

  it('works every date out from the start date, using the earliest gateway when none is planned', () => {
    const r = plan({ startDate: '2024-09-01' }, rules);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(byId(r)).toEqual({ gateway: '2025-09-01', discussion: '2025-09-15', submission: '2025-10-26', epaPeriod: '2026-01-01' });
  });
  it('applies 12 months to a start on 31 July 2025 and 8 months from 1 August 2025, saying the specification’s 12', () => {
    expect(byId(plan({ startDate: '2025-07-31' }, rules)).gateway).toBe('2026-07-31');
    const r = plan({ startDate: '2025-08-01' }, rules);
    expect(byId(r).gateway).toBe('2026-04-01');
    expect(r.dates[0]?.explanation).toContain('The EPA specification (May 2025) still says 12 months');
    expect(r.warnings[0]).toBe(
      'For apprentices who started on or after 1 August 2025, the legal minimum is 8 months on programme (1 April 2026). The EPA specification says 12 months (1 August 2026): ask your assessment organisation which applies to you.',
    );
    expect(plan({ startDate: '2025-08-01', gatewayDate: '2026-03-31' }, rules).errors[0]).toMatchObject({ field: 'gatewayDate', message: expect.stringContaining('at least 8 months') });
  });
  it('warns of a start before the standard took starts (its version log), and plans it still', () => {
    const real = { ...rules, earliestStart: earliestStartOf(loadStandardContent().keyFacts) };
    expect(real.earliestStart).toBe('2024-12-18');
    const early = plan({ startDate: '2024-12-17' }, real);
    expect(early.errors).toEqual([]);
    expect(early.warnings).toEqual([
      'This standard (ST1398) takes starts from 18 December 2024, so check the date. If it is right, your apprenticeship is on another standard, and the rules here may not apply to you.',
    ]);
    expect(byId(early).gateway).toBe('2025-12-17');
    expect(plan({ startDate: '2024-12-18' }, real).warnings).toEqual([]);
  });
  it('handles month ends and leap years', () => {
    expect(byId(plan({ startDate: '2024-02-29' }, rules)).gateway).toBe('2025-02-28');
    expect(byId(plan({ startDate: '2025-01-31', gatewayDate: '2026-10-31' }, rules)).epaPeriod).toBe('2027-02-28');
    expect(byId(plan({ startDate: '2023-02-28', gatewayDate: '2024-02-29' }, rules)).discussion).toBe('2024-03-14');
  });
  it('uses a planned gateway, notice of the presentation, and re-sit windows from the outcome', () => {
    const r = plan({ startDate: '2025-01-06', gatewayDate: '2026-03-02', presentationDate: '2026-05-04', outcomeDate: '2026-06-15' }, rules);
    expect(r.errors).toEqual([]);
    expect(byId(r)).toMatchObject({
      gateway: '2026-01-06',
      discussion: '2026-03-16',
      submission: '2026-04-26',
      presentationDate: '2026-05-04',
      notice: '2026-04-20',
      rework: '2026-06-29',
      resit: '2026-09-15',
      retake: '2026-12-15',
      deadline: '2026-12-15',
    });
    expect(r.dates.map((d) => d.date)).toEqual([...r.dates.map((d) => d.date)].sort());
  });
  it('refuses impossible or invalid dates with clear messages, and gives no dates', () => {
    expect(plan({}, rules).errors).toEqual([{ field: 'startDate', message: 'Enter the date your apprenticeship started' }]);
    expect(plan({ startDate: '2025-02-30' }, rules).errors).toEqual([{ field: 'startDate', message: 'Enter a real date, for example 1 9 2025' }]);
    const early = plan({ startDate: '2024-09-01', gatewayDate: '2025-06-01' }, rules);
    expect(early.errors[0]).toMatchObject({ field: 'gatewayDate' });
    expect(early.dates.map((d) => d.id)).toEqual(['gateway']);
    expect(plan({ startDate: '2025-09-01', outcomeDate: '2025-10-01' }, rules).errors[0]).toMatchObject({ field: 'outcomeDate' });
    expect(plan({ startDate: '2025-09-01', presentationDate: '2026-01-01' }, rules).errors[0]).toMatchObject({ field: 'presentationDate' });
  });
  it('warns when a presentation is before the submission deadline or after the EPA period', () => {
    expect(plan({ startDate: '2025-01-06', gatewayDate: '2026-03-02', presentationDate: '2026-03-20' }, rules).warnings[0]).toContain('on or before the deadline');
    expect(plan({ startDate: '2025-01-06', gatewayDate: '2026-03-02', presentationDate: '2026-09-20' }, rules).warnings[0]).toContain('after the end of the typical EPA period');
  });
});

describe('calendar files', () => {
  const ics = buildIcs(
    [{ uid: 'gateway-2026-09-01@x', date: '2026-09-01', summary: 'EPA: Earliest gateway', description: 'For this apprenticeship, all apprentices must spend a minimum of 12 months on programme; of which 20%, …' }],
    { calendarName: 'EPA dates', now: new Date('2026-11-24T10:11:12.345Z') },
  );
  it('is a valid VCALENDAR with all-day events and CRLF line ends', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260901\r\nDTEND;VALUE=DATE:20260902\r\n');
    expect(ics).toContain('DTSTAMP:20261124T101112Z');
    expect(ics).toContain('UID:gateway-2026-09-01@x');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(ics.replace(/\r\n /g, '')).toContain('DESCRIPTION:For this apprenticeship\\, all apprentices must spend a minimum of 12 months on programme\\; of which 20%\\, …');
  });
  it('folds long lines at 75 octets, counting multi-byte characters', () => {
    for (const line of foldLine(`DESCRIPTION:${'é'.repeat(100)}`).split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(foldLine('SHORT')).toBe('SHORT');
  });
});

describe('report word count', () => {
  it('counts words, leaving out marked appendices and references', () => {
    const text = ['# Introduction', 'The model’s recall rose — from 0.62 to 0.81 in well-tested pipelines.', '## References', 'Smith, J. (2024) A book about things.', '## Discussion', 'Back to counted words.', 'Appendix A: KSB mapping', 'K7 section 3'].join('\n');
    expect(countReportWords(text)).toEqual({ counted: 17, excluded: 15 });
  });
  it('counts plain text with no headings in full', () => {
    expect(countReportWords('one two three').counted).toBe(3);
    expect(countReportWords('').counted).toBe(0);
  });
  it('checks 5,000 words ±10%', () => {
    expect(checkWordCount(4499, 5000, 10)).toEqual({ min: 4500, max: 5500, status: 'under' });
    expect(checkWordCount(4500, 5000, 10).status).toBe('within');
    expect(checkWordCount(5500, 5000, 10).status).toBe('within');
    expect(checkWordCount(5501, 5000, 10).status).toBe('over');
  });
});

describe('KSB mapping appendix', () => {
  const rows = [
    { code: 'K2', statement: 'The stages | of the lifecycle.', where: 'Section 2', note: 'Project plan' },
    { code: 'K3', statement: 'Vulnerabilities.', where: '  ' },
  ];
  it('finds the gaps', () => expect(mappingGaps(rows)).toEqual(['K3']));
  it('writes a Markdown table with the gaps marked', () => {
    expect(mappingMarkdown(rows)).toBe(
      '## Appendix: mapping of KSBs to this report\n\n| KSB | Statement | Where this report evidences it | Note |\n| --- | --- | --- | --- |\n| K2 | The stages \\| of the lifecycle. | Section 2 | Project plan |\n| K3 | Vulnerabilities. | *Not yet mapped* |  |\n',
    );
  });
  it('writes CSV', () => {
    expect(mappingCsv(rows).split('\r\n')[1]).toBe('K2,The stages | of the lifecycle.,Section 2,Project plan');
  });
});

describe('grade after a re-sit or re-take', () => {
  it('is capped at pass unless there are exceptional circumstances', () => {
    expect(cappedGrade('Distinction', true)).toEqual({ grade: 'Pass', capped: true });
    expect(cappedGrade('Merit', true)).toEqual({ grade: 'Pass', capped: true });
    expect(cappedGrade('Merit', true, true)).toEqual({ grade: 'Merit', capped: false });
    expect(cappedGrade('Fail', true)).toEqual({ grade: 'Fail', capped: false });
    expect(cappedGrade('Distinction', false)).toEqual({ grade: 'Distinction', capped: false });
  });
});

describe('EPA planner: a planned gateway and where today falls', () => {
  const rules: PlannerRules = { minimumDuration: ruleById(loadStandardContent().rules, 'minimum-duration'), typicalEpaPeriodMonths: 4, discussionWeeksAfterGateway: 2, submissionWeek: 8, noticeWeeks: 2, resitTypicalMonths: 3, retakeTypicalMonths: 6, deadlineMonths: 6, projectReworkWeeks: 2, earliestStart: '2000-01-01' };
  it('lists the planned gateway beside the earliest one, and works the rest out from it', () => {
    const r = plan({ startDate: '2024-09-01', gatewayDate: '2027-03-01' }, rules);
    const byId = Object.fromEntries(r.dates.map((d) => [d.id, d.date]));
    expect(byId).toMatchObject({ gateway: '2025-09-01', plannedGateway: '2027-03-01', discussion: '2027-03-15', epaPeriod: '2027-07-01' });
  });
  it('marks passed dates, today, and counts the days to the next one', () => {
    const r = plan({ startDate: '2024-09-01', gatewayDate: '2027-03-01' }, rules);
    const standing = planStanding(r.dates, '2026-11-30');
    expect(r.dates.filter(standing.isPassed).map((d) => d.id)).toEqual(['gateway']);
    expect(standing.next).toMatchObject({ date: { id: 'plannedGateway' }, days: 91 });
    expect(standing.upcoming.map((d) => d.id)).not.toContain('gateway');
    // Today falls after the one passed date and before the planned gateway.
    expect(standing.todayAt).toBe(1);
    expect(planStanding(r.dates, '2020-01-01').todayAt).toBe(0);
    expect(planStanding(r.dates, '2030-01-01').todayAt).toBe(r.dates.length);
    const onTheDay = planStanding(r.dates, '2027-03-01');
    expect(onTheDay.next?.days).toBe(0);
    expect(onTheDay.todayAt, 'a date that falls today comes after the mark, not before it').toBe(1);
    expect(r.dates.filter(onTheDay.isToday).map((d) => d.id)).toEqual(['plannedGateway']);
    expect(planStanding(r.dates, '2030-01-01').next).toBeUndefined();
  });
});

describe('EPA planner: the rule beside a planned gateway', () => {
  const rules: PlannerRules = { minimumDuration: ruleById(loadStandardContent().rules, 'minimum-duration'), typicalEpaPeriodMonths: 4, discussionWeeksAfterGateway: 2, submissionWeek: 8, noticeWeeks: 2, resitTypicalMonths: 3, retakeTypicalMonths: 6, deadlineMonths: 6, projectReworkWeeks: 2, earliestStart: '2000-01-01' };
  it('explains a start from 1 August 2025 by its own rule, not the specification’s 12 months and 20%', () => {
    const planned = plan({ startDate: '2025-09-01', gatewayDate: '2027-03-01' }, rules).dates.find((d) => d.id === 'plannedGateway');
    expect(planned?.explanation).toContain('8 months');
    expect(plan({ startDate: '2024-09-01', gatewayDate: '2027-03-01' }, rules).dates.find((d) => d.id === 'plannedGateway')?.explanation).toBeUndefined();
  });
});
