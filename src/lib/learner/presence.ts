/**
 * Whether the learner has saved anything the learner model reads, without loading the storage
 * layer: lets every page's script and the KSB finder skip the model's code when nothing is saved.
 * The names are the features' permanent keys (tests/unit/learner.test.ts checks they match).
 */
import { hasSaved, keyFor } from '../storage/keys';

export const LEARNER_FEATURE_NAMES = ['ratings', 'quiz', 'practice', 'eligibility', 'evidence'] as const;

export const hasLearnerData = (storage?: Pick<Storage, 'getItem'>) => LEARNER_FEATURE_NAMES.some((f) => hasSaved(f, storage));

/** Whether a storage event (another tab) saved something the model reads. */
export const isLearnerKey = (key: string | null) => LEARNER_FEATURE_NAMES.some((f) => keyFor(f) === key);
