/**
 * What a list shows beside a KSB, from the one learner model: its state's label (none while there
 * is no evidence), and, once the learner keeps an evidence log, whether to say no entry shows it
 * (before that every KSB would say so, which tells nothing). The site script's labels on KSB lists
 * and the KSB finder's results both ask here, so no two lists disagree.
 */
import type { KsbState, LearnerModel } from './model';

export interface ShownState {
  /** The state to label, or undefined for none (no evidence yet, or a KSB the model does not know). */
  state: KsbState | undefined;
  /** Say "No evidence logged yet" (with a link to log some). */
  noExample: boolean;
}

/** Whether the learner keeps an evidence log at all (some KSB has a logged example). */
export function keepsEvidenceLog(model: LearnerModel): boolean {
  for (const state of model.values()) if (state.examples > 0) return true;
  return false;
}

export function shownState(model: LearnerModel, code: string, keepsLog: boolean = keepsEvidenceLog(model)): ShownState {
  const state = model.get(code);
  return {
    state: state && state.state !== 'no-evidence' ? state : undefined,
    noExample: keepsLog && state !== undefined && state.examples === 0,
  };
}

/** The words of the "no entry shows it" marker (a link to log one), and its classes. */
export const NO_EXAMPLE_LABEL = 'No evidence logged yet';
export const NO_EXAMPLE_CLASS = 'tag tag--no-example';

/** The classes of a KSB's state slot: its state's tag, or an empty slot. */
export function stateSlotClass(state: KsbState | undefined): string {
  return state ? `tag tag--state tag--state-${state.state}` : 'state-slot';
}
