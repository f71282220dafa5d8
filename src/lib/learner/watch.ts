/**
 * The learner model outside an island: loads everything it reads (ratings, quiz history, mock
 * sessions, checklist answers, the evidence log, and the question bank's index), reports the model and any storage
 * notices, and reports again when another tab saves. Used by the script that labels listed KSBs
 * and by the KSB finder, which load this only once something is saved (see ./presence).
 */
import { eligibilityFeature } from '../eligibility/feature';
import { evidenceFeature } from '../evidence/log';
import { practiceFeature } from '../practice';
import { quizFeature } from '../quiz/engine';
import { loadBankIndex } from '../quiz/load-bank';
import { ratingsFeature } from '../ratings';
import { loadNotice, type StorageNotice } from '../storage/notices';
import { createStore } from '../storage/store';
import { modelOverBank, type LearnerModel } from './model';

export const LEARNER_FEATURES = [ratingsFeature, quizFeature, practiceFeature, eligibilityFeature, evidenceFeature] as const;

export interface WatchedLearner {
  /**
   * Undefined until the question bank's index is read, and if it fails: every state rests on it
   * (which questions test a KSB, which KSBs a mock mark covers), so a state worked out without it
   * could read "no evidence" for a KSB answered often. Likewise while a saved part could not be read
   * here (saved by a newer version, or damaged and held). The notices do not wait for it.
   */
  model: LearnerModel | undefined;
  notices: StorageNotice[];
  /** The question bank's index could not be downloaded: every state is then unknown, not absent. */
  bankFailed: boolean;
}

export function watchLearner(listener: (learner: WatchedLearner) => void): () => void {
  const ratings = createStore(ratingsFeature);
  const quiz = createStore(quizFeature);
  const practice = createStore(practiceFeature);
  const eligibility = createStore(eligibilityFeature);
  const evidence = createStore(evidenceFeature);
  let loaded = { ratings: ratings.load(), quiz: quiz.load(), practice: practice.load(), eligibility: eligibility.load(), evidence: evidence.load() };
  let stopped = false;
  let bank: Awaited<ReturnType<typeof loadBankIndex>> | 'failed' | undefined;

  const tell = () => {
    if (stopped) return;
    // Something saved that could not be read here (newer, or damaged and held): no state, as without the list.
    const unread = Object.values(loaded).some((l) => l.status === 'newer' || l.status === 'held');
    const model =
      bank === undefined || bank === 'failed' || unread
        ? undefined
        : modelOverBank(
            { ratings: loaded.ratings.data, quiz: loaded.quiz.data, practice: loaded.practice.data, eligibility: loaded.eligibility.data, evidence: loaded.evidence.data },
            bank,
            new Date(),
          );
    const notices = [
      loadNotice(ratingsFeature, loaded.ratings),
      loadNotice(quizFeature, loaded.quiz),
      loadNotice(practiceFeature, loaded.practice),
      loadNotice(eligibilityFeature, loaded.eligibility),
      loadNotice(evidenceFeature, loaded.evidence),
    ].filter((n): n is StorageNotice => n !== undefined);
    listener({ model, notices, bankFailed: bank === 'failed' });
  };
  // What could not be read is told at once, not after the question list has downloaded.
  tell();
  loadBankIndex().then(
    (index) => ((bank = index), tell()),
    () => ((bank = 'failed'), tell()),
  );
  const unsubscribe = [
    ratings.subscribe((r) => ((loaded = { ...loaded, ratings: r }), tell())),
    quiz.subscribe((r) => ((loaded = { ...loaded, quiz: r }), tell())),
    practice.subscribe((r) => ((loaded = { ...loaded, practice: r }), tell())),
    eligibility.subscribe((r) => ((loaded = { ...loaded, eligibility: r }), tell())),
    evidence.subscribe((r) => ((loaded = { ...loaded, evidence: r }), tell())),
  ];
  return () => {
    stopped = true;
    for (const u of unsubscribe) u();
  };
}
