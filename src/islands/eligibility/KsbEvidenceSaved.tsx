/** The KSB step's "Saved at" line, after the last theme (its own small island: see KsbEvidence). */
import { eligibilityFeature } from '../../lib/eligibility';
import { SavedStatus } from '../shared/fields';
import { useSavedState } from '../shared/useSavedState';

export default function KsbEvidenceSaved() {
  return <SavedStatus state={useSavedState(eligibilityFeature)} />;
}
