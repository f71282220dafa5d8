/** Every rule of the eligibility and gateway checklist. */
import { describe, expect, it } from 'vitest';
import {
  applicationReadiness,
  completedCount,
  earliestGatewayDate,
  eligibilitySchema,
  emptyAnswers,
  englishMathsResult,
  gatewayReadiness,
  ksbCounts,
  ksbGaps,
  sectionStatuses,
  type EligibilityAnswers,
} from '../../src/lib/eligibility';
import { toCsv } from '../../src/lib/csv';

const CODES = ['K1', 'K2', 'S1', 'B1'];
const allYes = Object.fromEntries(CODES.map((c) => [c, { answer: 'yes' as const }]));
const answers = (over: Partial<EligibilityAnswers> = {}): EligibilityAnswers => ({ ...emptyAnswers(), ...over });
const completeGateway: EligibilityAnswers['gateway'] = {
  startDate: '2025-01-15',
  offTheJob: 'yes',
  employerConfirms: 'yes',
  englishMathsEvidence: 'yes',
  scopingTitle: 'Churn model',
  scopingSummary: 'Predict churn',
  scopingScope: 'UK broadband customers',
  unavailableDates: 'yes',
  reasonableAdjustments: 'yes',
  signatures: 'yes',
};

const RULES = { minimumMonthsOnProgramme: 12, minimumOffTheJobPercent: 20 };

describe('section statuses (GOV.UK task list)', () => {
  it('starts with four sections not started and the summary unavailable', () => {
    const s = sectionStatuses(emptyAnswers(), CODES);
    expect(s).toEqual({ 'english-and-maths': 'not-started', role: 'not-started', ksbs: 'not-started', gateway: 'not-started', summary: 'cannot-start' });
    expect(completedCount(s)).toBe(0);
  });

  it('counts a section in progress, then completed, as questions are answered', () => {
    expect(sectionStatuses(answers({ role: { mlRole: 'yes' } }), CODES).role).toBe('in-progress');
    expect(sectionStatuses(answers({ role: { mlRole: 'yes', employerSupport: 'unsure', offTheJobTime: 'no' } }), CODES).role).toBe('completed');
    expect(sectionStatuses(answers({ ksbs: { K1: { answer: 'partly' } } }), CODES).ksbs).toBe('in-progress');
    expect(sectionStatuses(answers({ ksbs: { K1: { note: 'only a note' } } }), CODES).ksbs).toBe('not-started');
  });

  it('asks about an EHCP and BSL only when level 2 English and maths is missing', () => {
    expect(sectionStatuses(answers({ englishMaths: { age: '19+', level2: 'yes' } }), CODES)['english-and-maths']).toBe('completed');
    expect(sectionStatuses(answers({ englishMaths: { age: '16-18', level2: 'no' } }), CODES)['english-and-maths']).toBe('in-progress');
    expect(sectionStatuses(answers({ englishMaths: { age: '16-18', level2: 'no', ehcp: 'no', bsl: 'no' } }), CODES)['english-and-maths']).toBe('completed');
  });

  it('treats blank text as unanswered in the gateway section', () => {
    expect(sectionStatuses(answers({ gateway: { ...completeGateway, scopingTitle: '   ' } }), CODES).gateway).toBe('in-progress');
    expect(sectionStatuses(answers({ gateway: completeGateway }), CODES).gateway).toBe('completed');
  });

  it('opens the summary once the other four are complete, and completes it when reviewed', () => {
    const done = answers({ englishMaths: { age: '19+', level2: 'yes' }, role: { mlRole: 'yes', employerSupport: 'yes', offTheJobTime: 'yes' }, ksbs: allYes, gateway: completeGateway });
    expect(sectionStatuses(done, CODES).summary).toBe('not-started');
    const reviewed = sectionStatuses({ ...done, summaryReviewed: true }, CODES);
    expect(reviewed.summary).toBe('completed');
    expect(completedCount(reviewed)).toBe(5);
  });
});

describe('English and maths rule (EPA specification, May 2025)', () => {
  it('waits for the age and level 2 answers', () => {
    expect(englishMathsResult({}).outcome).toBe('answer-questions');
    expect(englishMathsResult({ age: '16-18' })).toMatchObject({ rule: 'aged16to18', outcome: 'answer-questions' });
  });
  it('is met by level 2 at any age', () => {
    expect(englishMathsResult({ age: '16-18', level2: 'yes' }).outcome).toBe('met');
    expect(englishMathsResult({ age: '19+', level2: 'yes' }).outcome).toBe('met');
  });
  it('exempts those aged 19 or over, by prior agreement with the employer', () => {
    const r = englishMathsResult({ age: '19+', level2: 'no' });
    expect(r).toMatchObject({ rule: 'aged19plus', outcome: 'exempt-by-agreement' });
    expect(r.actions.join(' ')).toContain('Agree the exemption with your employer');
  });
  it('requires those aged 16 to 18 to achieve level 2, Entry Level 3 with an EHCP, BSL as an alternative to English', () => {
    expect(englishMathsResult({ age: '16-18', level2: 'no', ehcp: 'no', bsl: 'no' }).actions[0]).toContain('level 2 English and maths before');
    expect(englishMathsResult({ age: '16-18', level2: 'no', ehcp: 'yes' }).actions[0]).toContain('Entry Level 3');
    expect(englishMathsResult({ age: '16-18', level2: 'no', bsl: 'yes' }).actions.join(' ')).toContain('British Sign Language');
  });
});

describe('gateway dates', () => {
  it('puts the earliest gateway 12 months after the start, clamping month ends', () => {
    expect(earliestGatewayDate('2025-09-01', 12)).toBe('2026-09-01');
    expect(earliestGatewayDate('2024-02-29', 12)).toBe('2025-02-28');
    expect(earliestGatewayDate('2025-02-30', 12)).toBeUndefined();
  });
});

describe('ready to apply?', () => {
  const role = { mlRole: 'yes', employerSupport: 'yes', offTheJobTime: 'yes' } as const;
  it('is ready when in the role, supported, and every KSB can be evidenced', () => {
    const r = applicationReadiness(answers({ role, ksbs: allYes, englishMaths: { age: '19+', level2: 'yes' } }), CODES);
    expect(r.verdict).toBe('ready');
    expect(r.reasons.every((x) => x.kind === 'met')).toBe(true);
  });
  it('is not ready without an employer, whatever else is true', () => {
    expect(applicationReadiness(answers({ role: { ...role, employerSupport: 'no' }, ksbs: allYes }), CODES).verdict).toBe('not-yet');
  });
  it('is nearly ready with a few KSB gaps, and not ready with many', () => {
    const someGaps = { ...allYes, K2: { answer: 'not-yet' as const }, S1: { answer: 'partly' as const } };
    expect(applicationReadiness(answers({ role, ksbs: someGaps, englishMaths: { age: '19+', level2: 'yes' } }), CODES).verdict).toBe('nearly');
    const many = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`K${i + 1}`, { answer: 'not-yet' as const }]));
    const codes = Object.keys(many);
    const r = applicationReadiness(answers({ role, ksbs: many }), codes);
    expect(r.verdict).toBe('not-yet');
    expect(r.reasons.find((x) => x.kind === 'blocker')?.text).toBe('10 KSBs are "Not yet": too many to evidence in your current role.');
  });
  it('treats "not sure" as something to check, not a blocker', () => {
    const r = applicationReadiness(answers({ role: { ...role, mlRole: 'unsure' }, ksbs: allYes, englishMaths: { age: '19+', level2: 'yes' } }), CODES);
    expect(r.verdict).toBe('nearly');
    expect(r.reasons[0]?.text).toContain('Check whether your role');
  });
});

describe('ready for the gateway?', () => {
  const base = answers({ ksbs: allYes, gateway: completeGateway });
  it('is ready on or after the 12-month date with everything in place', () => {
    expect(gatewayReadiness(base, CODES, '2026-01-15', RULES).verdict).toBe('ready');
  });
  it('is nearly ready within three months of the 12-month date, and not ready before', () => {
    const nearly = gatewayReadiness(base, CODES, '2025-11-01', RULES);
    expect(nearly.verdict).toBe('nearly');
    expect(nearly.reasons[0]?.text).toBe('You complete 12 months on programme on 15 January 2026 (in 75 days).');
    expect(gatewayReadiness(base, CODES, '2025-06-01', RULES).verdict).toBe('not-yet');
  });
  it('is not ready when off-the-job training is below 20%', () => {
    expect(gatewayReadiness(answers({ ksbs: allYes, gateway: { ...completeGateway, offTheJob: 'no' } }), CODES, '2026-03-01', RULES).verdict).toBe('not-yet');
  });
  it('is nearly ready when only the paperwork is missing', () => {
    const r = gatewayReadiness(answers({ ksbs: allYes, gateway: { ...completeGateway, signatures: 'no', scopingScope: '' } }), CODES, '2026-03-01', RULES);
    expect(r.verdict).toBe('nearly');
    expect(r.reasons.filter((x) => x.kind === 'gap').map((x) => x.text)).toEqual([
      'Write your project scoping document: the project’s title, summary and scope.',
      'Complete the gateway form: dates you are unavailable, any reasonable adjustments, and the confirmation signatures.',
    ]);
  });
  it('asks for a start date when none is given', () => {
    expect(gatewayReadiness(answers(), CODES, '2026-03-01', RULES).reasons[0]?.text).toContain('Enter your apprenticeship start date');
  });
});

describe('KSB answers', () => {
  const a = answers({ ksbs: { K1: { answer: 'yes' }, K2: { answer: 'partly', note: 'Only in a pilot' }, B1: { answer: 'not-yet' } } });
  it('counts answers by kind', () => {
    expect(ksbCounts(a, CODES)).toEqual({ yes: 1, partly: 1, notYet: 1, unanswered: 1 });
  });
  it('lists the gaps in order with their notes', () => {
    expect(ksbGaps(a, CODES)).toEqual([{ code: 'K2', answer: 'partly', note: 'Only in a pilot' }, { code: 'B1', answer: 'not-yet' }]);
  });
});

describe('the saved shape', () => {
  it('accepts saved answers and refuses impossible ones', () => {
    expect(eligibilitySchema.safeParse(answers({ gateway: completeGateway })).success).toBe(true);
    expect(eligibilitySchema.safeParse(answers({ gateway: { startDate: '2025-02-30' } })).success).toBe(false);
    expect(eligibilitySchema.safeParse({ ...emptyAnswers(), ksbs: { K1: { answer: 'maybe' } } }).success).toBe(false);
    expect(eligibilitySchema.safeParse({ ...emptyAnswers(), ksbs: { 'DROP TABLE': { answer: 'yes' } } }).success).toBe(false);
  });
});

describe('CSV for spreadsheets', () => {
  it('quotes what needs quoting, keeps UTF-8 readable and neutralises formulas', () => {
    const csv = toCsv([
      ['code', 'note'],
      ['K1', 'Said "yes", then left'],
      ['K2', '=HYPERLINK("x")'],
      ['K3', 'line one\nline two'],
      ['K4', undefined],
    ]);
    expect(csv).toBe('\uFEFFcode,note\r\nK1,"Said ""yes"", then left"\r\nK2,"\'=HYPERLINK(""x"")"\r\nK3,"line one\nline two"\r\nK4,\r\n');
  });
});
