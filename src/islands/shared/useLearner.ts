/**
 * The learner model in an island: the saved ratings, quiz history, mock sessions and checklist
 * answers (each through useSavedState, so changes in other tabs and storage notices come with
 * them), the question bank's index, and every KSB's state from src/lib/learner. Islands show the
 * states; they never compute one.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { eligibilityFeature } from '../../lib/eligibility/feature';
import { evidenceFeature } from '../../lib/evidence/log';
import { modelOverBank, type LearnerData, type LearnerModel } from '../../lib/learner/model';
import { nextTask } from '../../lib/next-task';
import { LEARNER_FEATURES } from '../../lib/learner/watch';
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
  // Raised by retryBank: the question list is fetched again (load-bank forgets a failed fetch).
  const [attempt, setAttempt] = useState(0);
  const data: LearnerData = useMemo(
    () => ({ ratings: ratings.data, quiz: quiz.data, practice: practice.data, eligibility: eligibility.data, evidence: evidence.data }),
    [ratings.data, quiz.data, practice.data, eligibility.data, evidence.data],
  );
  // The model last worked out, and from what: worked out again only when what it reads changes.
  const latest = useRef(data);
  latest.current = data;
  const worked = useRef<{ data: LearnerData; bank: BankIndex | undefined; model: LearnerModel }>();
  const modelFor = (bankIndex: BankIndex | undefined): LearnerModel => {
    const current = latest.current;
    const last = worked.current;
    if (last && last.data === current && last.bank === bankIndex) return last.model;
    const model = modelOverBank(current, bankIndex, new Date());
    worked.current = { data: current, bank: bankIndex, model };
    return model;
  };
  useEffect(() => {
    loadBankIndex().then(
      async (index) => {
        // Every KSB's state is worked out in a task of its own, and the page drawn from it in the
        // next: together they were the longest task of the progress page on a phone (issue #20).
        // Drawn from the same model unless something saved changed in between (then worked out again).
        modelFor(index);
        await nextTask();
        setBank(index);
      },
      () => setBank('failed'),
    );
  }, [attempt]);
  const index = bank && bank !== 'failed' ? bank : undefined;
  const model: LearnerModel = useMemo(() => modelFor(index), [data, index]);
  return {
    ratings,
    quiz,
    practice,
    eligibility,
    evidence,
    bank: index,
    bankFailed: bank === 'failed',
    /** Fetches the question list again after it failed (the hook is reading again until it comes or fails). */
    retryBank: () => {
      setBank(undefined);
      setAttempt((n) => n + 1);
    },
    model,
    /** The model over a bank index loaded just now (a quiz started before this hook had the index). */
    modelFor,
    /** Every saved state, for StorageNotices. */
    states: [ratings, quiz, practice, eligibility, evidence],
    /**
     * The labels of saved parts the model reads that could not be read here (saved by a newer
     * version, or damaged and held): a state worked out without them may claim too little or too
     * much, so views show none while there are any.
     */
    unread: LEARNER_FEATURES.filter((f) => [ratings, quiz, practice, eligibility, evidence].some((s) => s.feature === f.feature && s.unread)).map(
      (f) => f.label,
    ),
    ready: ratings.ready && quiz.ready && practice.ready && eligibility.ready && evidence.ready && bank !== undefined,
  };
}
