/**
 * The four states a KSB can be in, and their words (src/lib/learner/model.ts works them out). Free
 * of imports, so that what only shows a state need not load the model.
 */
export type KsbStateName = 'no-evidence' | 'too-little' | 'secure' | 'needs-work';

export const STATE_LABEL: Record<KsbStateName, string> = {
  'no-evidence': 'No evidence yet',
  'too-little': 'Too little to tell',
  secure: 'Secure',
  'needs-work': 'Needs work',
};
