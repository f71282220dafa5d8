/**
 * The learner's state beside each listed KSB (KsbList on duty, theme, method and KSB pages), from
 * the one learner model, so a list never disagrees with the KSB's page, the quiz or /progress/.
 * Loaded by src/client/site.ts only when something the model reads has been saved. A KSB with no
 * evidence yet gets no label; once there is an evidence log, one with no logged example says so.
 * If saved progress could not all be read, the page says so.
 */
import type { LearnerModel } from '../lib/learner/model';
import { labelStateSlots } from '../lib/learner/state-slots';
import { watchLearner } from '../lib/learner/watch';
import { showStorageNotice } from './storage-notice';

const NO_STATES: LearnerModel = new Map();

export function showStateLabels(root: ParentNode = document): () => void {
  return watchLearner(({ model, notices }) => {
    for (const notice of notices) showStorageNotice(notice);
    // No labels until the model can count the quiz answers too, and none (those shown taken off)
    // while it cannot be worked out: the question list failed, or a saved part could not be read.
    labelStateSlots(root, model ?? NO_STATES);
  });
}
