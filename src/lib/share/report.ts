/**
 * What a shared report shows, from its snapshot alone: the learner model as of the day it was made
 * (the same function the learner's own pages use, so a KSB's state in the report is the state they
 * saw), and the figures beside it. Parts not in the snapshot are absent, never taken as empty: the
 * report says what each section rests on.
 */
import { dayOf, todayIso } from '../dates';
import { eligibilityFeature } from '../eligibility/feature';
import type { EligibilityAnswers } from '../eligibility/answers';
import type { EvidenceLog } from '../evidence/log';
import { modelOverBank, type LearnerModel } from '../learner/model';
import type { PlannerData } from '../planner';
import { practiceFeature, type PracticeData } from '../practice';
import type { BankIndex } from '../quiz/bank';
import { latestAnswers, quizFeature, type QuizHistory } from '../quiz/engine';
import { RATINGS, type Rating } from '../rating-scale';
import { ratingsFeature, type Ratings } from '../ratings';
import { compareKsbCodes } from '../standard';
import type { ReadSnapshot } from './snapshot';

export interface Report {
  madeAt: string;
  /** The features the snapshot holds. */
  parts: ReadonlySet<string>;
  /** Whether the learner's own words are in it. */
  writing: boolean;
  ratings?: Ratings;
  quiz?: QuizHistory;
  practice?: PracticeData;
  eligibility?: EligibilityAnswers;
  planner?: PlannerData;
  evidence?: EvidenceLog;
}

export function reportOf(snapshot: Extract<ReadSnapshot, { ok: true }>): Report {
  const d = snapshot.data;
  return {
    madeAt: snapshot.madeAt,
    parts: new Set(snapshot.parts),
    writing: snapshot.writing,
    ...(d.ratings ? { ratings: d.ratings as Ratings } : {}),
    ...(d.quiz ? { quiz: d.quiz as QuizHistory } : {}),
    ...(d.practice ? { practice: d.practice as PracticeData } : {}),
    ...(d.eligibility ? { eligibility: d.eligibility as EligibilityAnswers } : {}),
    ...(d.planner ? { planner: d.planner as PlannerData } : {}),
    ...(d.evidence ? { evidence: d.evidence as EvidenceLog } : {}),
  };
}

/** The day the report was made where it is read, for rules and dates ("2026-11-30"); today when the snapshot does not say. */
export const reportDay = (report: Report) => dayOf(report.madeAt) ?? todayIso();

/** Every KSB's state as the learner saw it when the report was made. */
export function reportModel(report: Report, bank: BankIndex | undefined): LearnerModel {
  const madeAt = Number.isNaN(Date.parse(report.madeAt)) ? new Date() : new Date(report.madeAt);
  return modelOverBank(
    {
      ratings: report.ratings ?? ratingsFeature.defaults(),
      quiz: report.quiz ?? quizFeature.defaults(),
      practice: report.practice ?? practiceFeature.defaults(),
      eligibility: report.eligibility ?? eligibilityFeature.defaults(),
      // Without the log the model does not ask for examples (as on pages that do not load it).
      evidence: report.evidence,
    },
    bank,
    madeAt,
  );
}

/** Parts the report leaves out, by label, in the order the learner chose from. */
export function missingParts(report: Report, order: ReadonlyArray<{ feature: string; label: string }>): string[] {
  return order.filter((f) => !report.parts.has(f.feature)).map((f) => f.label);
}

/** Questions answered, answers given, and how many questions were last answered right. */
export function quizFigures(quiz: QuizHistory): { questions: number; answers: number; lastRight: number } {
  const latest = latestAnswers(quiz);
  return { questions: latest.size, answers: quiz.answers.length, lastRight: [...latest.values()].filter((a) => a.correct).length };
}

/** The KSBs at each rating, in the scale's order, and those not rated. */
export function ratingGroups(ratings: Ratings, codes: readonly string[]): Array<{ rating: Rating | undefined; codes: string[] }> {
  const groups = [...RATINGS, undefined].map((rating) => ({ rating, codes: codes.filter((c) => ratings.ksbs[c]?.rating === rating).sort(compareKsbCodes) }));
  return groups.filter((g) => g.codes.length > 0);
}

