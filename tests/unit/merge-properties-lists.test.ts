/**
 * Property tests (fast-check) of the symmetric merge (imports use 'prefer-first', see ./merge-laws.ts), for the features
 * that keep lists to a limit: quiz history, mock assessment sessions and the evidence log (the
 * others are in ./merge-properties.test.ts; ./merge-laws.ts says how each law is checked). Each
 * feature is checked twice: with lists of a few entries (many runs, so both sides often hold the
 * same entry in different versions), and with lists long enough that their union is over the
 * feature's limit (a few runs: the newest are kept and `cut` says how many were not).
 */
import fc from 'fast-check';
import { describe } from 'vitest';
import { DATE_RANGE } from '../../src/lib/dates';
import { EVIDENCE_LIMITS, evidenceFeature, type EvidenceEntry, type EvidenceLog, type OtjActivity } from '../../src/lib/evidence/log';
import { lastChanged, MARKS, MAX_SESSIONS_KEPT, practiceFeature, type PracticeData, type PracticeSession } from '../../src/lib/practice';
import { MAX_ANSWERS_KEPT, MAX_ATTEMPTS_KEPT, quizFeature, type Answer, type Attempt, type QuizHistory } from '../../src/lib/quiz/engine';
import { CONFIDENCES } from '../../src/lib/quiz/cards';
import { dateArb, dictionaryOf, fieldAt, idArb, ksbCodeArb, listAt, listOf, longListOf, mergeLaws, recordAt, textArb, timestampArb } from './merge-laws';

const FEW = { numRuns: 300 };
const MANY = { numRuns: 10, timeout: 60_000 };
/** How many entries a long list makes: from over half the limit up to the limit (less room for the few drawn). */
const near = (limit: number): [number, number] => [limit / 2 + 1, limit - 6];

/** Fields that may be left out of a record (saved data never holds them as undefined). */
const withOptional = <T extends object>(model: { [K in keyof T]-?: fc.Arbitrary<T[K]> }, optional: ReadonlyArray<keyof T>) =>
  fc.record(model, { requiredKeys: (Object.keys(model) as Array<keyof T>).filter((k) => !optional.includes(k)), noNullPrototype: true }) as unknown as fc.Arbitrary<T>;

/* ─────────────────────────────── Quiz history ─────────────────────────────── */

/** A question id: a few (so both sides answered the same question), some that name a property every object has, or any other. */
const questionIdArb = fc.oneof(fc.constantFrom('q1', 'q2', 'q3', '__proto__', 'constructor', 'toString'), fc.string({ minLength: 1, maxLength: 20 }));
const confidenceArb = fc.constantFrom(...CONFIDENCES);

type Card = QuizHistory['cards'][string];
const cardArb = withOptional<Card>(
  {
    due: timestampArb,
    stability: fc.double({ min: 0, max: 100_000, noNaN: true }),
    difficulty: fc.double({ min: 0, max: 10, noNaN: true }),
    scheduledDays: fc.integer({ min: 0, max: 3650 }),
    learningSteps: fc.nat(5),
    reps: fc.nat(100),
    lapses: fc.nat(100),
    state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    lastReview: timestampArb,
  },
  ['lastReview'],
);

const answerArb = withOptional<Answer>({ question: questionIdArb, at: timestampArb, correct: fc.boolean(), confidence: confidenceArb }, ['confidence']);
const attemptArb = fc.record(
  {
    id: idArb(100),
    finishedAt: timestampArb,
    scope: textArb,
    results: fc.array(withOptional<Attempt['results'][number]>({ question: questionIdArb, correct: fc.boolean(), ksbs: fc.array(ksbCodeArb, { maxLength: 3 }), confidence: confidenceArb }, ['confidence']), { maxLength: 4 }),
  },
  { noNullPrototype: true },
);

const quizArb = (long: boolean): fc.Arbitrary<QuizHistory> =>
  fc.record(
    {
      cards: dictionaryOf(questionIdArb, cardArb),
      answers: long
        ? longListOf(answerArb, { newest: (a) => a.at, count: near(MAX_ANSWERS_KEPT), make: (key, at) => ({ question: key, at, correct: key.length % 2 === 0 }) })
        : listOf(answerArb, { newest: (a) => a.at, maxLength: 8 }),
      attempts: long
        ? longListOf(attemptArb, { id: (a) => a.id, newest: (a) => a.finishedAt, count: near(MAX_ATTEMPTS_KEPT), make: (id, finishedAt, version) => ({ id, finishedAt, scope: `Version ${version}`, results: [] }) })
        : listOf(attemptArb, { id: (a) => a.id, newest: (a) => a.finishedAt, maxLength: 6 }),
    },
    { noNullPrototype: true },
  );

const quizEntries = [
  // A question's card carries when it was last reviewed: the card reviewed later wins.
  recordAt('cards', (d: QuizHistory) => d.cards, (c: Card) => c.lastReview),
  // An answer is its own identity (no id): two answers are one only when they are the same.
  listAt('answers', (d: QuizHistory) => d.answers, { newest: (a: Answer) => a.at, limit: MAX_ANSWERS_KEPT }),
  listAt('attempts', (d: QuizHistory) => d.attempts, { id: (a: Attempt) => a.id, newest: (a: Attempt) => a.finishedAt, limit: MAX_ATTEMPTS_KEPT }),
];

describe('quiz history: merge laws', () => {
  mergeLaws(quizFeature.shape, quizArb(false), quizEntries, FEW);
});

describe('quiz history over its limits: merge laws', () => {
  mergeLaws(quizFeature.shape, quizArb(true), quizEntries, MANY);
});

/* ─────────────────────────────── Mock assessment sessions ─────────────────────────────── */

const timerArb = withOptional<PracticeSession['timer']>({ durationMs: fc.integer({ min: 0, max: 24 * 60 * 60_000 }), usedMs: fc.nat(), runningSince: fc.integer({ min: Date.parse(`${DATE_RANGE.min}T00:00:00Z`), max: Date.parse(`${DATE_RANGE.max}T23:59:59.999Z`) }) }, ['runningSince']);

const sessionArb = withOptional<PracticeSession>(
  {
    id: idArb(100),
    method: fc.constantFrom('am1' as const, 'am2' as const),
    createdAt: timestampArb,
    updatedAt: timestampArb,
    finishedAt: timestampArb,
    extended: fc.boolean(),
    presentation: fc.record({ timer: timerArb, covered: fc.array(textArb, { maxLength: 3 }), done: fc.boolean() }, { noNullPrototype: true }),
    timer: timerArb,
    current: fc.nat(10),
    items: fc.array(withOptional<PracticeSession['items'][number]>({ prompt: textArb, criterion: textArb, mark: fc.constantFrom(...MARKS), notes: textArb }, ['mark', 'notes']), { maxLength: 3 }),
  },
  ['updatedAt', 'finishedAt', 'presentation'],
);

const practiceArb = (minLength: number, maxLength: number): fc.Arbitrary<PracticeData> =>
  fc.record({ sessions: listOf(sessionArb, { id: (s) => s.id, newest: lastChanged, minLength, maxLength }) }, { noNullPrototype: true });

const practiceEntries = [listAt('sessions', (d: PracticeData) => d.sessions, { id: (s: PracticeSession) => s.id, newest: lastChanged, limit: MAX_SESSIONS_KEPT })];

describe('mock assessment sessions: merge laws', () => {
  mergeLaws(practiceFeature.shape, practiceArb(0, 6), practiceEntries, FEW);
});

describe('mock assessment sessions over their limit: merge laws', () => {
  mergeLaws(practiceFeature.shape, practiceArb(MAX_SESSIONS_KEPT / 2 - 5, MAX_SESSIONS_KEPT), practiceEntries, { numRuns: 50, timeout: 60_000 });
});

/* ─────────────────────────────── Evidence log ─────────────────────────────── */

const hoursArb = (max: number) => fc.integer({ min: 1, max: max * 4 }).map((quarters) => quarters / 4);

const entryArb = withOptional<EvidenceEntry>(
  {
    id: idArb(EVIDENCE_LIMITS.id),
    title: fc.string({ minLength: 1, maxLength: 12 }),
    date: dateArb,
    end: dateArb,
    situation: textArb,
    task: textArb,
    action: textArb,
    result: textArb,
    reflection: textArb,
    where: textArb,
    ksbs: fc.array(ksbCodeArb, { maxLength: 4 }),
    otjHours: hoursArb(EVIDENCE_LIMITS.hours),
    created: timestampArb,
    updated: timestampArb,
  },
  ['end', 'situation', 'task', 'action', 'result', 'reflection', 'where', 'otjHours'],
);

const activityArb = fc.record(
  { id: idArb(EVIDENCE_LIMITS.id), date: dateArb, hours: hoursArb(EVIDENCE_LIMITS.hours), what: fc.string({ minLength: 1, maxLength: 12 }), ksbs: fc.array(ksbCodeArb, { maxLength: 3 }), created: timestampArb, updated: timestampArb },
  { noNullPrototype: true },
);

const planArb = withOptional<EvidenceLog['plan']>(
  {
    startDate: dateArb,
    endDate: dateArb,
    weeklyHours: fc.double({ min: 0.25, max: EVIDENCE_LIMITS.weeklyHours, noNaN: true }),
    plannedHours: fc.integer({ min: 1, max: EVIDENCE_LIMITS.plannedHours }),
  },
  ['startDate', 'endDate', 'weeklyHours', 'plannedHours'],
);

const evidenceArb = (long: boolean): fc.Arbitrary<EvidenceLog> =>
  fc.record(
    {
      entries: long
        ? longListOf(entryArb, { id: (e) => e.id, newest: (e) => e.updated, count: near(EVIDENCE_LIMITS.entries), make: (id, at, version) => ({ id, title: id, date: at.slice(0, 10), ksbs: ['K1'], created: new Date(Date.parse(at) - version * 86_400_000).toISOString(), updated: at }) })
        : listOf(entryArb, { id: (e) => e.id, newest: (e) => e.updated, maxLength: 6 }),
      activities: long
        ? longListOf(activityArb, { id: (a) => a.id, newest: (a) => a.updated, count: near(EVIDENCE_LIMITS.activities), make: (id, at, version) => ({ id, date: at.slice(0, 10), hours: 1 + version, what: id, ksbs: [], created: at, updated: at }) })
        : listOf(activityArb, { id: (a) => a.id, newest: (a) => a.updated, maxLength: 6 }),
      plan: planArb,
    },
    { noNullPrototype: true },
  );

const evidenceEntries = [
  listAt('entries', (d: EvidenceLog) => d.entries, { id: (e: EvidenceEntry) => e.id, newest: (e: EvidenceEntry) => e.updated, limit: EVIDENCE_LIMITS.entries }),
  listAt('activities', (d: EvidenceLog) => d.activities, { id: (a: OtjActivity) => a.id, newest: (a: OtjActivity) => a.updated, limit: EVIDENCE_LIMITS.activities }),
  ...(['startDate', 'endDate', 'weeklyHours', 'plannedHours'] as const).map((key) => fieldAt(`plan.${key}`, (d: EvidenceLog) => d.plan[key])),
];

describe('evidence log: merge laws', () => {
  mergeLaws(evidenceFeature.shape, evidenceArb(false), evidenceEntries, FEW);
});

describe('evidence log over its limits: merge laws', () => {
  mergeLaws(evidenceFeature.shape, evidenceArb(true), evidenceEntries, MANY);
});
