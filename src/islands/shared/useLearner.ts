/**
 * The learner model in an island: the saved ratings, quiz history, mock sessions and checklist
 * answers (each through useSavedState, so changes in other tabs and storage notices come with
 * them), the question bank's index, and every KSB's state from src/lib/learner. Islands show the
 * states; they never compute one.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { eligibilityFeature } from '../../lib/eligibility/feature';
import { evidenceFeature } from '../../lib/evidence/log';
import { modelOverBank, type LearnerModel } from '../../lib/learner/model';
import { practiceFeature } from '../../lib/practice';
import { loadBankIndex } from '../../lib/quiz/load-bank';
import type { BankIndex } from '../../lib/quiz/bank';
import { quizFeature } from '../../lib/quiz/engine';
import { ratingsFeature } from '../../lib/ratings';
import { useSavedState } from './useSavedState';

export function useLearner() {
  const ratings = useSavedState(ratingsFeature);
  const quiz = useSavedState(quizFeature);
  const practice = useSavedState(practiceFeature);
  const eligibility = useSavedState(eligibilityFeature);
  const evidence = useSavedState(evidenceFeature);
  const [bank, setBank] = useState<BankIndex | 'failed'>();
  useEffect(() => {
    loadBankIndex().then(setBank, () => setBank('failed'));
  }, []);
  const index = bank && bank !== 'failed' ? bank : undefined;
  const modelFor = (bankIndex: BankIndex | undefined): LearnerModel =>
    modelOverBank({ ratings: ratings.data, quiz: quiz.data, practice: practice.data, eligibility: eligibility.data, evidence: evidence.data }, bankIndex, new Date());
  const model: LearnerModel = useMemo(() => modelFor(index), [ratings.data, quiz.data, practice.data, eligibility.data, evidence.data, index]);
  return {
    ratings,
    quiz,
    practice,
    eligibility,
    evidence,
    bank: index,
    bankFailed: bank === 'failed',
    model,
    /** The model over a bank index loaded just now (a quiz started before this hook had the index). */
    modelFor,
    /** Every saved state, for StorageNotices. */
    states: [ratings, quiz, practice, eligibility, evidence],
    ready: ratings.ready && quiz.ready && practice.ready && eligibility.ready && evidence.ready && bank !== undefined,
  };
}
