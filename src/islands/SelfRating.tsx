/** "How confident are you with this KSB?" on each KSB page, saved through the storage layer. */
import { RATING_LABEL, RATINGS, ratingsFeature, RATING_NOTE_MAX } from '../lib/ratings';
import { todayIso } from '../lib/dates';
import { Radios, SavedStatus, TextField } from './shared/fields';
import { StorageNotices } from './shared/StorageNotices';
import { useSavedState } from './shared/useSavedState';
import { useEarlyInput } from './shared/useEarlyInput';

export default function SelfRating({ code }: { code: string }) {
  const early = useEarlyInput();
  const saved = useSavedState(ratingsFeature);
  const { data, ready, update } = saved;
  const entry = data.ksbs[code] ?? {};
  const set = (change: { rating?: (typeof RATINGS)[number]; note?: string }) =>
    update((d) => ({ ...d, ksbs: { ...d.ksbs, [code]: { ...d.ksbs[code], ...change, updated: todayIso() } } }));
  return (
    <div ref={early} class="self-rating" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      <Radios
        name={`rating-${code}`}
        legend={`How confident are you with ${code}?`}
        options={RATINGS.map((value) => ({ value, label: RATING_LABEL[value] }))}
        value={entry.rating}
        onChange={(rating) => set({ rating })}
        inline
      />
      <TextField
        id={`rating-note-${code}`}
        label="Where in your work have you shown it? (optional)"
        hint="For example a project, a piece of documentation or a meeting you led. Your note appears on your progress dashboard."
        multiline
        rows={3}
        maxLength={RATING_NOTE_MAX}
        value={entry.note}
        onInput={(note) => set({ note })}
      />
      <SavedStatus state={saved} />
    </div>
  );
}
