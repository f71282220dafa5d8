/** Section 2: role and employer. */
import { eligibilityFeature } from '../../lib/eligibility';
import { Radios, SavedStatus, YES_NO_UNSURE } from '../shared/fields';
import { ContinueLink } from './ContinueLink';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { useEarlyInput } from '../shared/useEarlyInput';

interface Props {
  jobTitles: string[];
  nextHref: string;
  /** The off-the-job rule in brief, for each start date (src/lib/rules offTheJobInBrief). */
  offTheJob: string;
}

export default function Role({ jobTitles, nextHref, offTheJob }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(eligibilityFeature);
  const { data, ready, update } = saved;
  const role = data.role;
  const set = (change: Partial<typeof role>) => update((d) => ({ ...d, role: { ...d.role, ...change } }));
  return (
    <div ref={early} class="checklist-form" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      <Radios
        name="ml-role"
        legend="Do you work in a machine learning engineering role?"
        hint={`Typical job titles: ${jobTitles.join(', ')}.`}
        options={YES_NO_UNSURE}
        value={role.mlRole}
        onChange={(mlRole) => set({ mlRole })}
      />
      <Radios
        name="employer-support"
        legend="Will your employer support your apprenticeship?"
        hint="Your employer takes you on as an apprentice, agrees a training plan with a provider and decides when you are ready for the end-point assessment."
        options={YES_NO_UNSURE}
        value={role.employerSupport}
        onChange={(employerSupport) => set({ employerSupport })}
      />
      <Radios
        name="off-the-job"
        legend="Will you have time in your working hours for off-the-job training?"
        hint={`Off-the-job training is learning that happens during your paid hours but away from your normal work. Before the gateway you need ${offTheJob}.`}
        options={YES_NO_UNSURE}
        value={role.offTheJobTime}
        onChange={(offTheJobTime) => set({ offTheJobTime })}
      />
      <SavedStatus state={saved} />
      <ContinueLink href={nextHref} />
    </div>
  );
}
