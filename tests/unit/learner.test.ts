/**
 * The learner model: one state per KSB from everything saved. Example tests pin each rule; property
 * tests (fast-check) prove the promises for any history of answers: nothing is claimed without
 * evidence, a wrong answer never raises a state, and every view agrees with the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibration, describeCalibration, groupReadiness, learnerModel, weakKsbs, type KsbStateName, type LearnerData } from '../../src/lib/learner/model';
import { methodsFirst, nextSteps } from '../../src/lib/learner/next-steps';
import { hasLearnerData, isLearnerKey, LEARNER_FEATURE_NAMES } from '../../src/lib/learner/presence';
import { LEARNER_FEATURES } from '../../src/lib/learner/watch';
import { MemoryStorage } from '../../src/lib/storage/backend';
import { keyFor } from '../../src/lib/storage/keys';
import { MIN_QUESTIONS_TO_TELL, NEARLY_SHARE, RECALL_THRESHOLD } from '../../src/lib/learner/thresholds';
import { emptyHistory, type QuestionRef, type QuizHistory } from '../../src/lib/quiz/engine';
import { CONFIDENCES, type Confidence } from '../../src/lib/quiz/cards';
import { recordAnswer } from '../../src/lib/quiz/schedule';
import type { Rating } from '../../src/lib/rating-scale';

const CODES = ['K1', 'K2', 'S1'] as const;
/** Four questions per KSB; q-S1-3 also tests K1, as some real questions test two KSBs. */
const BANK: QuestionRef[] = CODES.flatMap((code) =>
  [0, 1, 2, 3].map((i) => ({ id: `q-${code}-${i}`, ksbs: code === 'S1' && i === 3 ? ['S1', 'K1'] : [code], type: 'single' as const, difficulty: 2 as const })),
);
const NOW = new Date('2026-11-30T12:00:00.000Z');
const context = { bank: BANK, criteriaKsbs: new Map([['AM2-P1', ['K2']]]), now: NOW };
const options = { methodOf: new Map([['K1', 'am2' as const], ['K2', 'am2' as const], ['S1', 'am1' as const]]), order: [...CODES], limit: 50 };

const nothing = (): LearnerData => ({ ratings: { ksbs: {} }, quiz: emptyHistory(), practice: { sessions: [] } });
const withQuiz = (quiz: QuizHistory, extra: Partial<LearnerData> = {}): LearnerData => ({ ...nothing(), quiz, ...extra });
const model = (data: LearnerData) => learnerModel(CODES, data, context);
const stateOf = (data: LearnerData, code: string) => model(data).get(code)!.state;

/** Answers in time order; `minutesAgo` counts back from NOW. */
function history(answers: readonly { question: string; correct: boolean; confidence?: Confidence | undefined; minutesAgo: number }[]): QuizHistory {
  return [...answers]
    .sort((a, b) => b.minutesAgo - a.minutesAgo)
    .reduce((h, a) => recordAnswer(h, a.question, a.correct, a.confidence, new Date(NOW.getTime() - a.minutesAgo * 60_000)), emptyHistory());
}
const rightNow = (...ids: string[]) => history(ids.map((question, i) => ({ question, correct: true, minutesAgo: ids.length - i })));

describe('a KSB’s state', () => {
  it('is “no evidence yet” with nothing saved, and nothing is secure, ready or nearly', () => {
    const m = model(nothing());
    expect([...m.values()].map((s) => s.state)).toEqual(['no-evidence', 'no-evidence', 'no-evidence']);
    expect(groupReadiness([...m.values()]).status).toBe('not-started');
    expect(m.get('K1')!.summary).toBe('None of its 5 questions tried yet.');
  });
  it(`is “too little to tell” until ${MIN_QUESTIONS_TO_TELL} of its questions are answered, and says how many more`, () => {
    const two = model(withQuiz(rightNow('q-K2-0', 'q-K2-1'))).get('K2')!;
    expect(two.state).toBe('too-little');
    expect(two.reasons[0]).toBe(`only 2 questions answered: answer ${MIN_QUESTIONS_TO_TELL - 2} more to tell`);
    expect(stateOf(withQuiz(rightNow('q-K2-0', 'q-K2-1', 'q-K2-2')), 'K2')).toBe('secure');
  });
  it('takes a self-rating of “Can evidence it” as a claim a quiz must bear out, never as proof', () => {
    const data = withQuiz(emptyHistory(), { ratings: { ksbs: { K1: { rating: 'evidence' } } } });
    const k1 = model(data).get('K1')!;
    expect(k1.state).toBe('too-little');
    expect(k1.reasons).toContain('you rated it Can evidence it, which a quiz has not yet borne out');
  });
  it.each<[Rating, KsbStateName]>([
    ['not-started', 'needs-work'],
    ['developing', 'needs-work'],
    ['confident', 'secure'],
    ['evidence', 'secure'],
  ])('with three right answers and a rating of %s is %s', (rating, expected) => {
    expect(stateOf(withQuiz(rightNow('q-K2-0', 'q-K2-1', 'q-K2-2'), { ratings: { ksbs: { K2: { rating } } } }), 'K2')).toBe(expected);
  });
  it('needs work when a question was last answered wrong, and says which were answered wrong while certain', () => {
    const h = history([
      { question: 'q-K2-0', correct: true, minutesAgo: 10 },
      { question: 'q-K2-1', correct: false, confidence: 'certain', minutesAgo: 9 },
      { question: 'q-K2-2', correct: false, minutesAgo: 8 },
      { question: 'q-K2-3', correct: true, minutesAgo: 7 },
    ]);
    const k2 = model(withQuiz(h)).get('K2')!;
    expect(k2.state).toBe('needs-work');
    expect(k2.quiz).toMatchObject({ tried: 4, right: 2, wrong: ['q-K2-1', 'q-K2-2'], certainWrong: ['q-K2-1'] });
    expect(k2.reasons).toEqual(['1 question answered wrong when you were certain', '1 question last answered wrong']);
  });
  it('counts only the latest answer: a question put right is no longer a reason', () => {
    const h = history([
      { question: 'q-K2-0', correct: false, minutesAgo: 30 },
      { question: 'q-K2-0', correct: true, minutesAgo: 5 },
      { question: 'q-K2-1', correct: true, minutesAgo: 4 },
      { question: 'q-K2-2', correct: true, minutesAgo: 3 },
    ]);
    expect(stateOf(withQuiz(h), 'K2')).toBe('secure');
  });
  it(`needs work when its estimated recall has fallen below ${RECALL_THRESHOLD * 100}%, even if every answer was right`, () => {
    const longAgo = 60 * 24 * 200;
    const h = history(['q-K2-0', 'q-K2-1', 'q-K2-2'].map((question, i) => ({ question, correct: true, confidence: 'guessed' as const, minutesAgo: longAgo - i })));
    const k2 = model(withQuiz(h)).get('K2')!;
    expect(k2.quiz.recall).toBeLessThan(RECALL_THRESHOLD);
    expect(k2.state).toBe('needs-work');
    expect(k2.reasons[0]).toMatch(/^estimated recall \d+%, below 70%, over 3 questions$/);
  });
  it('counts a right answer marked “Guessed” as luck, not knowledge: secure only with the minimum right without guessing', () => {
    const answered = (...confidences: (Confidence | undefined)[]) =>
      model(withQuiz(history(confidences.map((confidence, i) => ({ question: `q-K2-${i}`, correct: true, confidence, minutesAgo: 10 - i }))))).get('K2')!;
    const allGuessed = answered('guessed', 'guessed', 'guessed');
    expect(allGuessed.state).toBe('too-little');
    expect(allGuessed.reasons[0]).toBe(`all 3 right answers were guesses: answer ${MIN_QUESTIONS_TO_TELL} more without guessing to tell`);
    const oneGuessed = answered('certain', 'fairly-sure', 'guessed');
    expect(oneGuessed.state).toBe('too-little');
    expect(oneGuessed.reasons[0]).toBe('1 of its 3 right answers was a guess: answer 1 more without guessing to tell');
    const enough = answered('certain', 'fairly-sure', undefined, 'guessed');
    expect(enough.state).toBe('secure');
    expect(enough.reasons[0]).toBe('4 questions answered, each last time right (3 without guessing)');
  });
  it('is never secure without an estimate of recall (answers kept without their review record), and never shows one of 0%', () => {
    const h = rightNow('q-K2-0', 'q-K2-1', 'q-K2-2');
    const k2 = model(withQuiz({ ...h, cards: {} })).get('K2')!;
    expect(k2.quiz.recall).toBeUndefined();
    expect(k2.state).toBe('too-little');
    expect(k2.reasons[0]).toBe('no estimate of recall (its answers have no review record): answer one of its questions again to tell');
    expect(k2.reasons.join(' ')).not.toMatch(/recall 0%/);
  });
  it('needs work when a mock-assessment answer on a criterion citing it was marked “not yet”', () => {
    const practice = {
      sessions: [
        {
          id: 's1', method: 'am2' as const, createdAt: '2026-11-01T10:00:00.000Z', extended: false, current: 0,
          timer: { durationMs: 60_000, usedMs: 0 },
          items: [{ prompt: 'p', criterion: 'AM2-P1', mark: 'not-yet' as const }],
        },
      ],
    };
    const m = model(withQuiz(rightNow('q-K2-0', 'q-K2-1', 'q-K2-2'), { practice }));
    expect(m.get('K2')).toMatchObject({ state: 'needs-work', mockNotYet: ['AM2-P1'] });
    expect(m.get('K1')!.state).toBe('no-evidence');
  });
});

describe('themes and methods', () => {
  const s = (state: KsbStateName) => ({ ...model(nothing()).get('K1')!, state });
  it(`are ready only when every KSB is secure, and nearly ready from ${NEARLY_SHARE * 100}% secure`, () => {
    expect(groupReadiness([s('secure'), s('secure')]).status).toBe('ready');
    const mixed = groupReadiness([s('secure'), s('secure'), s('secure'), s('needs-work'), s('too-little')]);
    expect(mixed).toMatchObject({ status: 'nearly', secure: 3, total: 5 });
    expect(mixed.reasons).toEqual(['1 KSB needs work', '1 too little to tell', '3 secure']);
    expect(groupReadiness([s('secure'), s('no-evidence')]).status).toBe('not-yet');
    expect(groupReadiness([s('no-evidence'), s('no-evidence')]).status).toBe('not-started');
  });
});

describe('what to do next', () => {
  it('puts questions answered wrong while certain first, then wrong, low ratings, due reviews and untried KSBs', () => {
    const h = history([
      { question: 'q-S1-0', correct: false, minutesAgo: 3 },
      { question: 'q-K2-0', correct: false, confidence: 'certain', minutesAgo: 2 },
      { question: 'q-K2-1', correct: false, confidence: 'certain', minutesAgo: 1 },
    ]);
    const steps = nextSteps(model(withQuiz(h, { ratings: { ksbs: { K1: { rating: 'developing' } } } })), options);
    expect(steps.map((x) => [x.code, x.kind])).toEqual([
      ['K2', 'certain-wrong'],
      ['S1', 'wrong'],
      ['K1', 'low-rating'],
    ]);
    expect(steps[0]!.why).toBe('You were certain of 2 answers, but wrong: the most important gap to close before an assessor asks.');
  });
  it('puts the KSBs of the method met first before the others of the same kind', () => {
    const untried = nextSteps(model(nothing()), { ...options, methodsFirst: ['am1', 'am2'] });
    expect(untried.map((x) => x.code)).toEqual(['S1', 'K1', 'K2']);
    expect(methodsFirst({ discussion: '2027-03-01', presentation: '2027-02-01' })).toEqual(['am1', 'am2']);
    expect(methodsFirst({ discussion: '2027-03-01' })).toEqual(['am2', 'am1']);
    expect(methodsFirst({})).toBeUndefined();
  });
});

describe('calibration', () => {
  it('says how often the learner was right when certain', () => {
    const h = history([
      { question: 'q-K1-0', correct: true, confidence: 'certain', minutesAgo: 3 },
      { question: 'q-K1-1', correct: true, confidence: 'certain', minutesAgo: 2 },
      { question: 'q-K1-2', correct: false, confidence: 'certain', minutesAgo: 1 },
      { question: 'q-K1-3', correct: false, confidence: 'guessed', minutesAgo: 0 },
    ]);
    expect(calibration(h)).toEqual({ certain: 3, certainRight: 2, share: 2 / 3 });
    expect(describeCalibration(calibration(h))).toBe('Of the 3 answers you were certain about, 67% were right.');
    expect(calibration(emptyHistory()).share).toBeUndefined();
  });
});

describe('presence check', () => {
  it('names exactly the features the model reads, so a page loads the model whenever one is saved', () => {
    expect([...LEARNER_FEATURE_NAMES]).toEqual(LEARNER_FEATURES.map((f) => f.feature));
    const storage = new MemoryStorage();
    expect(hasLearnerData(storage)).toBe(false);
    storage.setItem(keyFor('planner'), '{}');
    expect(hasLearnerData(storage)).toBe(false);
    storage.setItem(keyFor('practice'), '{}');
    expect(hasLearnerData(storage)).toBe(true);
    expect([isLearnerKey(keyFor('quiz')), isLearnerKey(keyFor('planner')), isLearnerKey(null)]).toEqual([true, false, false]);
  });
});

/* ───────────────────────────── Properties ───────────────────────────── */

const RANK: Record<KsbStateName, number> = { 'needs-work': 0, 'no-evidence': 1, 'too-little': 1, secure: 2 };
const anAnswer = fc.record({
  question: fc.constantFrom(...BANK.map((q) => q.id)),
  correct: fc.boolean(),
  confidence: fc.option(fc.constantFrom(...CONFIDENCES), { nil: undefined }),
  // Within the last 30 days.
  minutesAgo: fc.integer({ min: 1, max: 60 * 24 * 30 }),
});
const answers = fc.array(anAnswer, { maxLength: 25 });
const ratings = fc.dictionary(fc.constantFrom(...CODES), fc.record({ rating: fc.constantFrom<Rating>('not-started', 'developing', 'confident', 'evidence') }), { maxKeys: 3 });

describe('properties', () => {
  it('never calls a KSB secure with fewer than the minimum answered right without guessing, below the recall threshold, or when any of its questions was last answered wrong', () => {
    fc.assert(
      fc.property(answers, ratings, (list, r) => {
        for (const s of model(withQuiz(history(list), { ratings: { ksbs: r } })).values()) {
          if (s.state === 'secure') {
            expect(s.quiz.tried).toBeGreaterThanOrEqual(MIN_QUESTIONS_TO_TELL);
            expect(s.quiz.wrong).toEqual([]);
            expect(s.quiz.right - s.quiz.guessedRight.length).toBeGreaterThanOrEqual(MIN_QUESTIONS_TO_TELL);
            expect(s.quiz.recall).toBeGreaterThanOrEqual(RECALL_THRESHOLD);
          }
          if (s.quiz.wrong.length) expect(s.state).toBe('needs-work');
        }
      }),
    );
  });
  it('never says “needs work” for quiz reasons when every answer was right and recent', () => {
    const recentRight = fc.array(anAnswer.map((a) => ({ ...a, correct: true, minutesAgo: a.minutesAgo % (60 * 24 * 2) + 1 })), { maxLength: 25 });
    fc.assert(
      fc.property(recentRight, (list) => {
        for (const s of model(withQuiz(history(list))).values()) expect(s.state).not.toBe('needs-work');
      }),
    );
  });
  it('never raises any KSB’s state when a wrong answer is added', () => {
    fc.assert(
      fc.property(answers, ratings, fc.constantFrom(...BANK.map((q) => q.id)), fc.option(fc.constantFrom(...CONFIDENCES), { nil: undefined }), (list, r, question, confidence) => {
        const before = model(withQuiz(history(list), { ratings: { ksbs: r } }));
        const after = model(withQuiz(history([...list, { question, correct: false, confidence, minutesAgo: 0 }]), { ratings: { ksbs: r } }));
        for (const code of CODES) expect(RANK[after.get(code)!.state]).toBeLessThanOrEqual(RANK[before.get(code)!.state]);
        for (const code of BANK.find((q) => q.id === question)!.ksbs) expect(after.get(code)!.state).toBe('needs-work');
      }),
    );
  });
  it('gives every view the same answer: weak list, next steps and theme counts all follow the model', () => {
    fc.assert(
      fc.property(answers, ratings, (list, r) => {
        const m = model(withQuiz(history(list), { ratings: { ksbs: r } }));
        const states = [...m.values()];
        expect(new Set(weakKsbs(m))).toEqual(new Set(states.filter((s) => s.state === 'needs-work').map((s) => s.code)));
        for (const step of nextSteps(m, options)) {
          if (step.kind === 'certain-wrong' || step.kind === 'wrong' || step.kind === 'low-rating') expect(m.get(step.code)!.state).toBe('needs-work');
        }
        const group = groupReadiness(states);
        expect(Object.values(group.counts).reduce((a, b) => a + b, 0)).toBe(group.total);
        expect(group.secure).toBe(states.filter((s) => s.state === 'secure').length);
        if (group.status === 'ready') expect(states.every((s) => s.state === 'secure')).toBe(true);
        if (group.status === 'nearly' || group.status === 'ready') expect(group.secure / group.total).toBeGreaterThanOrEqual(NEARLY_SHARE);
      }),
    );
  });
  it('claims nothing with nothing answered: no KSB secure, no group ready or nearly', () => {
    fc.assert(
      fc.property(fc.boolean(), (tickedCanAlready) => {
        const data = { ...nothing(), eligibility: { ksbs: tickedCanAlready ? { K1: { canAlready: true } } : {} } } as LearnerData;
        const states = [...model(data).values()];
        expect(states.some((s) => s.state === 'secure')).toBe(false);
        expect(['not-started', 'not-yet']).toContain(groupReadiness(states).status);
      }),
    );
  });
});

describe('the evidence in words', () => {
  it('gives recall only when every question tried was last answered right', () => {
    const right = model(withQuiz(rightNow('q-K2-0', 'q-K2-1', 'q-K2-2'))).get('K2')!;
    expect(right.summary).toMatch(/^3 of 4 questions tried, all right; estimated recall now \d+%: keep it up with reviews\.$/);
    const wrong = history([
      { question: 'q-K2-0', correct: true, minutesAgo: 2 },
      { question: 'q-K2-1', correct: false, minutesAgo: 1 },
    ]);
    expect(model(withQuiz(wrong)).get('K2')!.summary).toBe('2 of 4 questions tried, 1 right.');
  });
});

describe('logged work examples (the evidence log)', () => {
  const T = '2026-11-01T10:00:00.000Z';
  const entry = (ksbs: string[]) => ({ id: `e-${ksbs.join('-')}`, title: 'Work', date: '2026-11-01', ksbs, created: T, updated: T });
  const discussion = { ...context, discussionKsbs: new Set(['K2']) };
  const secureK2 = (entries: ReturnType<typeof entry>[]) => learnerModel(CODES, withQuiz(rightNow('q-K2-0', 'q-K2-1', 'q-K2-2'), { evidence: { entries } }), discussion).get('K2')!;

  it('keeps a KSB the discussion assesses from “secure” until a work example is logged, and says why', () => {
    const without = secureK2([]);
    expect(without.state).toBe('too-little');
    expect(without.reasons[0]).toBe('no work example logged yet: the professional discussion asks for real examples from your work');
    expect(without.summary).toMatch(/now log a work example\.$/);
    const withOne = secureK2([entry(['K2'])]);
    expect(withOne.state).toBe('secure');
    expect(withOne.reasons).toContain('1 work example logged');
    expect(withOne.examples).toBe(1);
  });

  it('makes logging an example a next step once it is the only thing missing, and never before', () => {
    const wantsOne = learnerModel(CODES, withQuiz(rightNow('q-K2-0', 'q-K2-1', 'q-K2-2'), { evidence: { entries: [] } }), discussion);
    expect(wantsOne.get('K2')!.awaitsExample).toBe(true);
    const steps = nextSteps(wantsOne, options);
    expect(steps.find((s) => s.code === 'K2')).toMatchObject({ kind: 'example', target: 'evidence', action: 'Log a work example' });
    // After reviews due, before KSBs never tried.
    expect(steps.map((s) => s.kind).indexOf('example')).toBeLessThan(steps.map((s) => s.kind).indexOf('untried'));
    // Too few answers: the quiz comes first, not an example.
    const early = learnerModel(CODES, withQuiz(rightNow('q-K2-0'), { evidence: { entries: [] } }), discussion).get('K2')!;
    expect(early.awaitsExample).toBe(false);
    expect(learnerModel(CODES, withQuiz(rightNow('q-K2-0', 'q-K2-1', 'q-K2-2'), { evidence: { entries: [entry(['K2'])] } }), discussion).get('K2')!.awaitsExample).toBe(false);
  });

  it('asks nothing of a KSB the discussion does not assess, nor where the log is not loaded', () => {
    const k1 = learnerModel(CODES, withQuiz(rightNow('q-K1-0', 'q-K1-1', 'q-K1-2'), { evidence: { entries: [] } }), discussion).get('K1')!;
    expect(k1.state).toBe('secure');
    expect(learnerModel(CODES, withQuiz(rightNow('q-K2-0', 'q-K2-1', 'q-K2-2')), discussion).get('K2')!.state).toBe('secure');
  });

  it('counts a logged example as evidence: too little to tell, never secure on its own', () => {
    const s1 = learnerModel(CODES, { ...nothing(), evidence: { entries: [entry(['S1'])] } }, discussion).get('S1')!;
    expect(s1.state).toBe('too-little');
    expect(s1.reasons).toContain('1 work example logged');
  });

  it('never raises a state: logging an example can only move a KSB towards secure, not past what its quiz shows', () => {
    fc.assert(
      fc.property(fc.subarray([...CODES]), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), (logged, rights) => {
        const quiz = history(rights.map((correct, i) => ({ question: `q-K2-${i}`, correct, minutesAgo: 3 - i })));
        const without = learnerModel(CODES, withQuiz(quiz, { evidence: { entries: [] } }), discussion).get('K2')!.state;
        const withLog = learnerModel(CODES, withQuiz(quiz, { evidence: { entries: logged.length ? [entry(logged)] : [] } }), discussion).get('K2')!.state;
        if (without === 'needs-work') expect(withLog).toBe('needs-work');
        if (withLog === 'secure') expect(logged).toContain('K2');
      }),
    );
  });
});

describe('quiz evidence over an index built once (quizIndexOf)', () => {
  /** The evidence as it was counted before the index: each KSB scanning the whole bank and every answer. */
  function scanned(code: string, bank: readonly QuestionRef[], quiz: QuizHistory) {
    const questions = bank.filter((q) => q.ksbs.includes(code));
    const ids = new Set(questions.map((q) => q.id));
    const answers = quiz.answers.filter((a) => ids.has(a.question));
    return {
      bank: questions.length,
      answers: answers.length,
      lastAnswered: answers.reduce<string | undefined>((max, a) => (max === undefined || a.at > max ? a.at : max), undefined),
    };
  }
  const ids = ['a', 'b', 'c', 'd', 'e', 'gone'];
  const codes = ['K1', 'K2', 'S1', 'B1'];

  it('counts each KSB’s questions and answers, and its last answer, as scanning everything did', () => {
    fc.assert(
      fc.property(
        // A bank that may list a question twice, or a KSB twice on one question; answers to questions
        // the bank has and to one it no longer has, at times that may repeat.
        fc.array(fc.record({ id: fc.constantFrom(...ids.slice(0, 5)), ksbs: fc.array(fc.constantFrom(...codes), { minLength: 1, maxLength: 3 }) }), { maxLength: 12 }),
        fc.array(fc.record({ question: fc.constantFrom(...ids), minute: fc.integer({ min: 0, max: 30 }), correct: fc.boolean() }), { maxLength: 25 }),
        (questions, answered) => {
          const bank: QuestionRef[] = questions.map((q) => ({ ...q, type: 'single', difficulty: 2 }));
          const quiz: QuizHistory = {
            ...emptyHistory(),
            answers: answered.map((a) => ({ question: a.question, correct: a.correct, at: new Date(NOW.getTime() - a.minute * 60_000).toISOString() })),
          };
          const m = learnerModel(codes, withQuiz(quiz), { bank, criteriaKsbs: new Map(), now: NOW });
          for (const code of codes) {
            const { bank: inBank, answers, lastAnswered } = m.get(code)!.quiz;
            expect({ bank: inBank, answers, lastAnswered }).toEqual(scanned(code, bank, quiz));
          }
        },
      ),
    );
  });
});
