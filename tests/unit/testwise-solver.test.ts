/**
 * Controls for the test-wise solver's word classifier (tests/content/question-cues.test.ts), so that
 * its verdict on the bank means something:
 * - with the bank's keys shuffled at random, so that wording cannot predict them, it scores near
 *   chance on every question type (a classifier that "finds" answers in noise would fail here);
 * - with a cue planted in the wording (every wrong option given a reason clause, every false
 *   statement an absolute one and every true statement a hedge), it scores far above the bound, so
 *   the content test can fail for the right reason.
 * It also checks the cues the classifier is built from on small hand-made banks.
 */
import { describe, expect, it } from 'vitest';
import { solverBank } from '../support/solver-bank';
import {
  BOUNDS,
  CONTENT_CLASSIFIER,
  contentWordsIn,
  PROCESS_CUE,
  processWordCount,
  trainContentNaiveBayes,
  functionWordsIn,
  REASON_CLAUSE,
  solve,
  trainNaiveBayes,
  WORD_CLASSIFIER,
  type SolverQuestion,
  type TypeReport,
} from '../support/testwise-solver';

const bank = solverBank();

/** A small deterministic random number generator (Park–Miller), so the control is repeatable. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** The same questions with keys reassigned at random: single answer one key, multiple answer the same count, true/false a coin toss. */
function shuffleKeys(questions: SolverQuestion[], next: () => number): SolverQuestion[] {
  return questions.map((q) => {
    const n = q.options.length;
    let flags: boolean[];
    if (q.type === 'single') {
      const k = Math.floor(next() * n);
      flags = q.options.map((_, i) => i === k);
    } else if (q.type === 'multiple') {
      flags = q.options.map((o) => !!o.correct);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [flags[i], flags[j]] = [flags[j]!, flags[i]!];
      }
    } else {
      const truth = next() < 0.5;
      flags = [truth, !truth];
    }
    return { ...q, options: q.options.map((o, i) => ({ text: o.text, correct: flags[i] })) };
  });
}

const cueScore = (report: TypeReport, cue: string) => report.cues.find((c) => c.cue === cue)!.score;
const classifierScore = (report: TypeReport) => cueScore(report, WORD_CLASSIFIER);
const byType = (reports: TypeReport[], type: SolverQuestion['type']) => reports.find((r) => r.type === type)!;

describe('the word classifier on the bank with its keys shuffled', () => {
  const runs = 6;
  const scores = { single: [] as number[], multiple: [] as number[], 'true-false': [] as number[] };
  const chance = { single: 0, multiple: 0, 'true-false': 0.5 };
  const next = random(20261130);
  for (let run = 0; run < runs; run++) {
    const reports = solve(shuffleKeys(bank, next));
    for (const type of ['single', 'multiple', 'true-false'] as const) scores[type].push(classifierScore(byType(reports, type)));
    chance.single = byType(reports, 'single').chance;
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('scores near 1/options on single answer', () => {
    expect(Math.abs(mean(scores.single) - chance.single), scores.single.join(', ')).toBeLessThan(0.03);
  });
  it('scores near 50% on true/false', () => {
    expect(Math.abs(mean(scores['true-false']) - 0.5), scores['true-false'].join(', ')).toBeLessThan(0.06);
  });
  it('scores near what marking each option at random scores on multiple answer (1 in 32), well under the bound', () => {
    expect(mean(scores.multiple), scores.multiple.join(', ')).toBeLessThan(0.06);
  });
});

describe('the content-word classifier and the process-word cue on the bank with its keys shuffled', () => {
  const runs = 6;
  const content = { single: [] as number[], multiple: [] as number[], 'true-false': [] as number[] };
  const process: number[] = [];
  let chance = 0;
  const next = random(20261203);
  for (let run = 0; run < runs; run++) {
    const reports = solve(shuffleKeys(bank, next));
    for (const type of ['single', 'multiple', 'true-false'] as const) content[type].push(cueScore(byType(reports, type), CONTENT_CLASSIFIER));
    process.push(cueScore(byType(reports, 'single'), PROCESS_CUE));
    chance = byType(reports, 'single').chance;
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  // Its spread from run to run is wider than the function-word classifier's (single runs reach the
  // 5-point margin), so only the mean is held to chance here.
  it('scores near 1/options on single answer', () => {
    expect(Math.abs(mean(content.single) - chance), content.single.join(', ')).toBeLessThan(0.03);
  });
  it('scores near 50% on true/false', () => {
    expect(Math.abs(mean(content['true-false']) - 0.5), content['true-false'].join(', ')).toBeLessThan(0.06);
  });
  it('scores well under the bound on multiple answer', () => {
    expect(mean(content.multiple), content.multiple.join(', ')).toBeLessThan(0.06);
  });
  it('the process-word count scores near 1/options on single answer', () => {
    expect(Math.abs(mean(process) - chance), process.join(', ')).toBeLessThan(0.03);
  });
});

describe('the content-word classifier and the process-word cue with a planted cue', () => {
  // Content words only: every wrong option says it is retrained on a larger set, every key that it is recorded.
  const planted = bank.map((q) =>
    q.type === 'true-false'
      ? { ...q, question: q.options[1]!.correct ? `${q.question}, retrained on larger batches` : `${q.question}, recorded with evidence` }
      : { ...q, options: q.options.map((o) => (o.correct ? { ...o, text: `${o.text}, recorded with evidence` } : { ...o, text: `${o.text}, retrained on larger batches` })) },
  );
  const reports = solve(planted);
  for (const type of ['single', 'multiple', 'true-false'] as const) {
    it(`the content classifier scores far above the bound on ${type} questions`, () => {
      const report = byType(reports, type);
      expect(cueScore(report, CONTENT_CLASSIFIER)).toBeGreaterThan(report.bound + 0.1);
    });
  }
  it('the process-word count scores far above the bound on single answer', () => {
    const report = byType(reports, 'single');
    expect(cueScore(report, PROCESS_CUE)).toBeGreaterThan(report.bound + 0.1);
  });
});

describe('the word classifier on the bank with a planted cue', () => {
  const planted = bank.map((q) =>
    q.type === 'true-false'
      ? { ...q, question: q.options[1]!.correct ? `${q.question}, since that is always so` : `${q.question}, in some cases` }
      : { ...q, options: q.options.map((o) => (o.correct ? o : { ...o, text: `${o.text}, since that is simpler` })) },
  );
  const reports = solve(planted);
  for (const type of ['single', 'multiple', 'true-false'] as const) {
    it(`scores far above the bound on ${type} questions`, () => {
      const report = byType(reports, type);
      expect(classifierScore(report)).toBeGreaterThan(report.bound + 0.1);
    });
  }
});

describe('the cues the solver reads', () => {
  it('finds reason clauses, but not "as well as" or "as if"', () => {
    for (const text of ['Keep it, since the data limits any model', 'Retrain, so the model catches up', 'because it is cheaper', 'Drop it, as it is noisy']) {
      expect(REASON_CLAUSE.test(text), text).toBe(true);
    }
    for (const text of ['Train on the data as well as the logs', 'Treat it as if it were new', 'A model such as a forest']) {
      expect(REASON_CLAUSE.test(text), text).toBe(false);
    }
  });

  it('reads only common function words, never subject terms', () => {
    expect([...functionWordsIn('The model drifts, so retrain it on the team data')].sort()).toEqual(['it', 'on', 'so', 'team', 'the']);
  });

  it('reads content words as stems, without function words or the words it is told to leave out', () => {
    expect([...contentWordsIn('The model was retrained, so we recorded it in the register')].sort()).toEqual(['model', 'record', 'register', 'retrain']);
    expect([...contentWordsIn('Record the model', new Set(['model']))]).toEqual(['record']);
    expect(processWordCount('We agreed the criteria, tested it and recorded the owner')).toBe(5);
  });

  it('learns which content words mark right texts, and rare words do not vote', () => {
    const docs = [
      ...Array.from({ length: 4 }, (_, i) => ({ text: `record the result ${i}`, right: true })),
      ...Array.from({ length: 12 }, (_, i) => ({ text: `retrain the model ${i}`, right: false })),
    ];
    const model = trainContentNaiveBayes(docs);
    expect(model('record it')).toBeGreaterThan(model('retrain it'));
    expect(model('zebra')).toBeCloseTo(model(''));
  });

  it('learns which words mark right texts', () => {
    const model = trainNaiveBayes([
      { text: 'check it first', right: true },
      { text: 'check it again', right: true },
      { text: 'skip it, since it is fine', right: false },
      { text: 'ship it, since it passed', right: false },
    ]);
    expect(model('apply it, since it works')).toBeLessThan(model('apply it first'));
  });

  it('keeps its bounds where the issue set them', () => {
    expect(BOUNDS).toEqual({ singleMargin: 0.05, trueFalseMax: 0.6, multipleMargin: 0.05 });
  });
});
