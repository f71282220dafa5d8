/** Every rule of the eligibility and gateway checklist. */
import { describe, expect, it } from 'vitest';
import {
  applicationReadiness,
  completedCount,
  gatewayTimeFor,
  eligibilityShape,
  emptyAnswers,
  englishMathsResult,
  gatewayReadiness,
  eligibilityFeature,
  ksbGaps,
  migrateEligibilityV1,
  opportunityCounts,
  sectionStatuses,
  type EligibilityAnswers,
} from '../../src/lib/eligibility';
import { MemoryStorage } from '../../src/lib/storage/backend';
import { createStore, keyFor } from '../../src/lib/storage/store';
import { toCsv } from '../../src/lib/csv';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { appliedRulesOf } from '../../src/lib/rules';

const CODES = ['K1', 'K2', 'S1', 'B1'];
const allYes = Object.fromEntries(CODES.map((c) => [c, { opportunity: 'yes' as const, canAlready: true }]));
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

// The rules as content/rules.yaml has them: 12 months and 20% for starts before 1 August 2025.
const RULES = appliedRulesOf(loadStandardContent().rules);

describe('section statuses (GOV.UK task list)', () => {
  it('starts with every section, the summary too, not started', () => {
    const s = sectionStatuses(emptyAnswers(), CODES);
    expect(s).toEqual({ 'english-and-maths': 'not-started', role: 'not-started', ksbs: 'not-started', gateway: 'not-started', summary: 'not-started' });
    expect(completedCount(s)).toBe(0);
  });

  it('counts a section in progress, then completed, as questions are answered', () => {
    expect(sectionStatuses(answers({ role: { mlRole: 'yes' } }), CODES).role).toBe('in-progress');
    expect(sectionStatuses(answers({ role: { mlRole: 'yes', employerSupport: 'unsure', offTheJobTime: 'no' } }), CODES).role).toBe('completed');
    expect(sectionStatuses(answers({ ksbs: { K1: { opportunity: 'with-changes' } } }), CODES).ksbs).toBe('in-progress');
    expect(sectionStatuses(answers({ ksbs: { K1: { canAlready: true } } }), CODES).ksbs).toBe('not-started');
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

  it('shows the summary in progress once anything is answered, and completed when reviewed', () => {
    expect(sectionStatuses(answers({ role: { mlRole: 'yes' } }), CODES).summary).toBe('in-progress');
    const done = answers({ englishMaths: { age: '19+', level2: 'yes' }, role: { mlRole: 'yes', employerSupport: 'yes', offTheJobTime: 'yes' }, ksbs: allYes, gateway: completeGateway });
    expect(sectionStatuses(done, CODES).summary).toBe('in-progress');
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
  it('puts the earliest gateway 12 months after a start before 1 August 2025, clamping month ends', () => {
    expect(gatewayTimeFor(RULES.minimumDuration, '2025-07-31')?.earliest).toBe('2026-07-31');
    expect(gatewayTimeFor(RULES.minimumDuration, '2024-02-29')?.earliest).toBe('2025-02-28');
    expect(gatewayTimeFor(RULES.minimumDuration, '2025-02-30')).toBeUndefined();
    expect(gatewayTimeFor(RULES.minimumDuration, undefined)).toBeUndefined();
  });
  it('puts it 8 months after a start on or after 1 August 2025, with the specification’s 12 months beside it', () => {
    expect(gatewayTimeFor(RULES.minimumDuration, '2025-08-01')).toMatchObject({ earliest: '2026-04-01', specificationEarliest: '2026-08-01' });
  });
});

describe('can I apply?', () => {
  const role = { mlRole: 'yes', employerSupport: 'yes', offTheJobTime: 'yes' } as const;
  const em = { age: '19+', level2: 'yes' } as const;
  it('says "not started", never "nearly", with nothing answered', () => {
    expect(applicationReadiness(emptyAnswers(), CODES).verdict).toBe('not-started');
  });
  it('says "not finished", never "nearly", while questions are unanswered', () => {
    expect(applicationReadiness(answers({ role: { mlRole: 'yes' } }), CODES).verdict).toBe('incomplete');
    expect(applicationReadiness(answers({ role, englishMaths: em, ksbs: { K1: { opportunity: 'yes' } } }), CODES).verdict).toBe('incomplete');
  });
  it('is ready when in the role, supported, and the role gives the chance to evidence every KSB', () => {
    const r = applicationReadiness(answers({ role, ksbs: allYes, englishMaths: em }), CODES);
    expect(r.verdict).toBe('ready');
    expect(r.reasons.every((x) => x.kind === 'met')).toBe(true);
  });
  it('never counts not yet having a skill against an applicant', () => {
    const noneYet = Object.fromEntries(CODES.map((c) => [c, { opportunity: 'yes' as const, canAlready: false }]));
    expect(applicationReadiness(answers({ role, ksbs: noneYet, englishMaths: em }), CODES).verdict).toBe('ready');
  });
  it('is not ready without an employer, whatever else is true', () => {
    expect(applicationReadiness(answers({ role: { ...role, employerSupport: 'no' }, ksbs: allYes, englishMaths: em }), CODES).verdict).toBe('not-yet');
  });
  it('names the KSBs the role gives no chance to evidence, and says the employer may arrange them', () => {
    const some = { ...allYes, K2: { opportunity: 'no' as const }, S1: { opportunity: 'with-changes' as const } };
    const r = applicationReadiness(answers({ role, ksbs: some, englishMaths: em }), CODES);
    expect(r.verdict).toBe('nearly');
    expect(r.reasons.map((x) => x.text)).toContain('Your role gives you no chance to evidence 1 KSB (K2). Ask your employer whether they can arrange it, for example through a project, a secondment or a change of duties.');
    expect(r.reasons.map((x) => x.text)).toContain('1 KSB needs some changes to your role (S1): agree them with your employer before you start.');
  });
  it('is not ready when the role gives no chance for more KSBs than the stated threshold', () => {
    const codes = Array.from({ length: 10 }, (_, i) => `K${i + 1}`);
    const many = Object.fromEntries(codes.map((c) => [c, { opportunity: 'no' as const }]));
    expect(applicationReadiness(answers({ role, ksbs: many, englishMaths: em }), codes).verdict).toBe('not-yet');
  });
  it('treats "not sure" as something to check, not a blocker', () => {
    const r = applicationReadiness(answers({ role: { ...role, mlRole: 'unsure' }, ksbs: allYes, englishMaths: em }), CODES);
    expect(r.verdict).toBe('nearly');
    expect(r.reasons[0]?.text).toContain('Check whether your role');
  });
});

describe('ready for the gateway?', () => {
  const base = answers({ ksbs: allYes, gateway: completeGateway });
  it('is ready on or after the 12-month date with everything in place', () => {
    expect(gatewayReadiness(base, CODES, '2026-01-15', RULES).verdict).toBe('ready');
  });
  it('calls the ticks the learner’s own view, pointing to what their quiz answers bear out, never a measure', () => {
    const ticks = gatewayReadiness(base, CODES, '2026-01-15', RULES).reasons.find((r) => r.text.includes('can already do'))!;
    expect(ticks.text).toBe(`You say you can already do all ${CODES.length} KSBs (your own view: your progress page shows which your quiz answers bear out).`);
  });
  it('is nearly ready within three months of the 12-month date, and not ready before', () => {
    const nearly = gatewayReadiness(base, CODES, '2025-11-01', RULES);
    expect(nearly.verdict).toBe('nearly');
    expect(nearly.reasons[0]?.text).toBe('You complete 12 months on programme on 15 January 2026 (in 75 days).');
    expect(gatewayReadiness(base, CODES, '2025-06-01', RULES).verdict).toBe('not-yet');
  });
  it('is not ready when off-the-job training is below 20%', () => {
    const r = gatewayReadiness(answers({ ksbs: allYes, gateway: { ...completeGateway, offTheJob: 'no' } }), CODES, '2026-03-01', RULES);
    expect(r.verdict).toBe('not-yet');
    expect(r.reasons.find((x) => x.kind === 'blocker')?.text).toBe('Before the gateway you must complete at least 20% of your time on programme in off-the-job training.');
  });
  describe('on each side of 1 August 2025', () => {
    const startedOn = (startDate: string, extra: Partial<EligibilityAnswers['gateway']> = {}) => answers({ ksbs: allYes, gateway: { ...completeGateway, startDate, ...extra } });
    it('asks a start on 31 July 2025 for 20% and 12 months', () => {
      const r = gatewayReadiness(startedOn('2025-07-31'), CODES, '2026-07-31', RULES);
      expect(r.verdict).toBe('ready');
      expect(r.reasons.map((x) => x.text)).toEqual(expect.arrayContaining(['You have completed at least 12 months on programme.', 'You have completed at least 20% of your time on programme in off-the-job training.']));
      expect(gatewayReadiness(startedOn('2025-07-31'), CODES, '2026-07-30', RULES).reasons[0]).toMatchObject({ kind: 'gap', text: expect.stringContaining('You complete 12 months on programme on 31 July 2026') });
    });
    it('asks a start on 1 August 2025 for the training plan’s hours, and 8 months (nearly ready until 12)', () => {
      const hours = startedOn('2025-08-01', { offTheJobHoursPlanned: 420 });
      const at8 = gatewayReadiness(hours, CODES, '2026-04-01', RULES);
      expect(at8.verdict).toBe('nearly');
      expect(at8.reasons[0]).toEqual({
        kind: 'gap',
        text: 'You have completed the minimum of 8 months for apprentices who started on or after 1 August 2025, but the EPA specification says 12 months (1 August 2026): ask your assessment organisation which applies to you.',
      });
      expect(at8.reasons.map((x) => x.text)).toContain('You have completed the 420 off-the-job hours in your training plan.');
      expect(gatewayReadiness(hours, CODES, '2026-03-31', RULES).reasons[0]?.text).toContain('You complete 8 months on programme on 1 April 2026');
      const at12 = gatewayReadiness(hours, CODES, '2026-08-01', RULES);
      expect(at12.verdict).toBe('ready');
      expect(at12.reasons[0]?.text).toBe('You have completed at least 12 months on programme.');
      const noFigure = gatewayReadiness(startedOn('2025-08-01', { offTheJob: 'no' }), CODES, '2026-08-01', RULES);
      expect(noFigure.reasons.find((x) => x.kind === 'blocker')?.text).toBe('Before the gateway you must complete the minimum off-the-job hours in your training plan.');
      expect(noFigure.reasons.map((x) => x.text).join(' ')).not.toContain('20%');
    });
  });
  it('is nearly ready when only the paperwork is missing', () => {
    const r = gatewayReadiness(answers({ ksbs: allYes, gateway: { ...completeGateway, signatures: 'no', scopingScope: '' } }), CODES, '2026-03-01', RULES);
    expect(r.verdict).toBe('nearly');
    expect(r.reasons.filter((x) => x.kind === 'gap').map((x) => x.text)).toEqual([
      'Write your project scoping document: the project’s title, summary and scope.',
      'Complete the gateway form: dates you are unavailable, any reasonable adjustments, and the confirmation signatures.',
    ]);
  });
  it('says "not started" with nothing answered, and asks for a start date when none is given', () => {
    expect(gatewayReadiness(answers(), CODES, '2026-03-01', RULES).verdict).toBe('not-started');
    const r = gatewayReadiness(answers({ gateway: { offTheJob: 'yes' } }), CODES, '2026-03-01', RULES);
    expect(r.verdict).toBe('incomplete');
    expect(r.reasons[0]?.text).toContain('Enter your apprenticeship start date');
  });
  it('counts the KSBs ticked "I can already do this"', () => {
    const some = { ...allYes, K1: { opportunity: 'yes' as const } };
    const r = gatewayReadiness(answers({ ksbs: some, gateway: completeGateway }), CODES, '2026-03-01', RULES);
    expect(r.reasons.map((x) => x.text)).toContain('1 KSB not yet ticked “I can already do this” (you have ticked 3 of 4).');
  });
});

describe('KSB answers', () => {
  const a = answers({ ksbs: { K1: { opportunity: 'yes', canAlready: true }, K2: { opportunity: 'with-changes', note: 'Only in a pilot' }, B1: { opportunity: 'no' } } });
  it('counts answers by kind, and the "can already" ticks apart', () => {
    expect(opportunityCounts(a, CODES)).toEqual({ yes: 1, withChanges: 1, no: 1, unanswered: 1, canAlready: 1 });
  });
  it('lists what to raise with the employer, in order, with notes', () => {
    expect(ksbGaps(a, CODES)).toEqual([{ code: 'K2', opportunity: 'with-changes', note: 'Only in a pilot' }, { code: 'B1', opportunity: 'no' }]);
  });
});

describe('answers saved by version 1 ("can you evidence it in your current role?")', () => {
  const v1 = {
    englishMaths: { age: '19+' },
    role: { mlRole: 'yes' },
    gateway: { startDate: '2025-09-01' },
    ksbs: { K1: { answer: 'yes', note: 'Led the project' }, K2: { answer: 'partly' }, S1: { answer: 'not-yet', note: 'Not in my team' }, B1: { note: 'only a note' } },
  };
  it('are carried over by the stated mapping, losing none', () => {
    expect(migrateEligibilityV1(v1)).toEqual({
      ...v1,
      ksbs: {
        K1: { note: 'Led the project', opportunity: 'yes', canAlready: true, earlier: 'yes' },
        K2: { opportunity: 'with-changes', earlier: 'partly' },
        S1: { note: 'Not in my team', earlier: 'not-yet' },
        B1: { note: 'only a note' },
      },
    });
  });
  it('load through the store as version 2, everything kept', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('eligibility'), JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00.000Z', data: v1 }));
    const result = createStore(eligibilityFeature, { backend: { storage, persistent: true }, events: undefined }).load();
    expect(result).toMatchObject({ status: 'ok', migratedFrom: 1 });
    expect(result.data.ksbs.S1).toEqual({ note: 'Not in my team', earlier: 'not-yet' });
    expect(result.data.gateway.startDate).toBe('2025-09-01');
  });
  it('set aside an answer version 1 never allowed, instead of dropping it', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('eligibility'), JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00.000Z', data: { ...v1, ksbs: { ...v1.ksbs, K3: { answer: 'maybe' } } } }));
    const result = createStore(eligibilityFeature, { backend: { storage, persistent: true }, events: undefined }).load();
    expect(result).toMatchObject({ status: 'salvaged', summary: '1 KSB answer could not be read and was set aside (K3’s KSB answer); 4 kept.' });
  });
});

describe('the saved shape', () => {
  it('accepts saved answers and refuses impossible ones', () => {
    expect(eligibilityShape.schema.safeParse(answers({ gateway: completeGateway })).success).toBe(true);
    expect(eligibilityShape.schema.safeParse(answers({ gateway: { startDate: '2025-02-30' } })).success).toBe(false);
    expect(eligibilityShape.schema.safeParse({ ...emptyAnswers(), ksbs: { K1: { opportunity: 'maybe' } } }).success).toBe(false);
    expect(eligibilityShape.schema.safeParse({ ...emptyAnswers(), ksbs: { 'DROP TABLE': { opportunity: 'yes' } } }).success).toBe(false);
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
