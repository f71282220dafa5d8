/**
 * /evidence/: the learner's private log of work examples and off-the-job training, mapped to KSBs.
 * Entries (add, edit, duplicate, delete with undo; filter and sort), coverage of the standard, the
 * off-the-job hours against the target for their start date, and exports. Saved through the
 * storage layer (st1398:v1:evidence); the checklist's and planner's dates fill any plan figure not
 * given here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { todayIso } from '../../lib/dates';
import { normaliseKsbCode } from '../../lib/ksb-code';
import { eligibilityFeature } from '../../lib/eligibility/feature';
import { coverageCounts, type EntryFilter, type EvidenceKsb } from '../../lib/evidence/coverage';
import { evidenceCsv, portfolioMarkdown } from '../../lib/evidence/export';
import { duplicateEntry, EVIDENCE_LIMITS, evidenceFeature, newId, type EvidenceEntry, type OtjActivity } from '../../lib/evidence/log';
import type { OtjPlan } from '../../lib/evidence/otj';
import { plannerFeature } from '../../lib/planner';
import type { OffTheJobRule } from '../../lib/rules';
import { href, paths } from '../../lib/urls';
import { downloadText } from '../shared/download';
import { SavedStatus } from '../shared/fields';
import { HeldUntilRead, ReadingNote } from '../shared/ReadingNote';
import { StorageNotices } from '../shared/StorageNotices';
import { useEarlyInput } from '../shared/useEarlyInput';
import { useSavedState } from '../shared/useSavedState';
import { Stages } from '../shared/Stages';
import { useWanted } from '../shared/useWanted';
import { Coverage } from './Coverage';
import { EntryForm, type EntryDraft } from './EntryForm';
import { EntryList, type ThemeOption } from './EntryList';
import { OffTheJob } from './OffTheJob';
import '../../styles/tags.css';
import './evidence.css';
import './pickers.css';

interface Props {
  ksbs: EvidenceKsb[];
  themes: Array<ThemeOption & { href: string }>;
  offTheJob: OffTheJobRule;
}

/** The coverage of the 70 KSBs is drawn in this many parts. */
const COVERAGE_PARTS = 4;

type Removed = { kind: 'entry'; item: EvidenceEntry; index: number } | { kind: 'activity'; item: OtjActivity; index: number };

export default function EvidenceLog({ ksbs, themes, offTheJob }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(evidenceFeature);
  const eligibility = useSavedState(eligibilityFeature);
  const planner = useSavedState(plannerFeature);
  const { data, update, updateKeeping, ready } = saved;
  const [editing, setEditing] = useState<string | 'new'>();
  const [preset, setPreset] = useState<string[]>([]);
  const [filter, setFilter] = useState<EntryFilter>({});
  const [removed, setRemoved] = useState<Removed>();
  const [said, setSaid] = useState('');
  // What happened to an entry changed or deleted in another tab while it was being edited.
  const [elsewhere, setElsewhere] = useState<{ text: string; backup?: boolean }>();
  const focusNext = useRef<string>();
  const counts = coverageCounts(
    data,
    ksbs.map((k) => k.code),
  );
  // Nothing is claimed before the log is read (no "0 of 70", no "No entries yet"). The coverage of
  // all 70 KSBs is drawn once it is wanted (scrolled to, the keyboard used, or printed: useWanted),
  // not as the page starts, and then in parts, one a task, so a phone is never held long (issue #20).
  const coverageSection = useRef<HTMLElement>(null);
  const [coverageWanted] = useWanted(coverageSection);
  const coverageParts = coverageWanted === 'at-once' ? 1 : COVERAGE_PARTS;
  const [coverageDrawn, setCoverageDrawn] = useState(false);

  useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    focusNext.current = undefined;
    document.getElementById(id)?.focus();
  });

  // /evidence/?add=S24 (the link beside a KSB with no evidence) starts an entry for that KSB.
  useEffect(() => {
    const code = normaliseKsbCode(new URLSearchParams(window.location.search).get('add') ?? '');
    if (code && ksbs.some((k) => k.code === code)) startAdding([code]);
  }, []);

  const stamp = () => new Date().toISOString();
  const startAdding = (codes: string[] = []) => {
    setPreset(codes);
    setEditing('new');
  };
  /**
   * Saves the form. An entry deleted in another tab while it was being edited is saved as a new
   * entry; one changed there is replaced by what the form holds, and the other tab's version is
   * kept as a copy on “Your saved data” first (as a separate entry, so restoring it adds it beside).
   * If no copy can be kept, the form is saved as a new entry beside it. The page says which.
   */
  const saveEntry = (draft: EntryDraft, opened: EvidenceEntry | undefined) => {
    const now = stamp();
    const addNew = (): EvidenceEntry => {
      const entry: EvidenceEntry = { ...draft, id: newId(), created: now, updated: now };
      update((d) => ({ ...d, entries: [entry, ...d.entries] }));
      focusNext.current = `entry-${entry.id}`;
      return entry;
    };
    setElsewhere(undefined);
    if (!opened) {
      const entry = addNew();
      setSaid(`Entry “${entry.title}” added.`);
    } else {
      const id = opened.id;
      let found = 'same' as 'same' | 'changed' | 'gone';
      const result = updateKeeping(
        (d) => {
          const current = d.entries.find((e) => e.id === id);
          if (!current) {
            found = 'gone';
            return d;
          }
          if (current.updated !== opened.updated) found = 'changed';
          return { ...d, entries: d.entries.map((e) => (e.id === id ? { ...draft, id, created: e.created, updated: now } : e)) };
        },
        (before) => {
          const current = before.entries.find((e) => e.id === id);
          if (!current || current.updated === opened.updated) return undefined;
          const title = `${current.title} (other version)`.slice(0, EVIDENCE_LIMITS.title);
          return { ...evidenceFeature.defaults(), entries: [{ ...current, id: newId(), title }] };
        },
      );
      if (found === 'gone' || !result.ok) {
        const entry = addNew();
        const text =
          found === 'gone'
            ? `“${opened.title}” had been deleted in another tab, so what you wrote is saved as a new entry, “${entry.title}”.`
            : `“${opened.title}” had been changed in another tab since you opened it, and there was no room to keep a copy of that version, so what you wrote is saved as a new entry beside it, “${entry.title}”.`;
        setElsewhere({ text });
        setSaid(text);
      } else if (found === 'changed') {
        const text = `Entry “${draft.title}” saved. It had been changed in another tab since you opened it: that version is kept as a copy on “Your saved data”, where you can restore it (as a separate entry) or download it.`;
        setElsewhere({ text, backup: true });
        setSaid(text);
        focusNext.current = `entry-${id}`;
      } else {
        setSaid(`Entry “${draft.title}” saved.`);
        focusNext.current = `entry-${id}`;
      }
    }
    setFilter({});
    setEditing(undefined);
  };
  const cancel = () => {
    const id = editing;
    setEditing(undefined);
    focusNext.current = id && id !== 'new' ? `entry-${id}` : 'add-entry';
  };
  const duplicate = (id: string) => {
    const original = data.entries.find((e) => e.id === id);
    if (!original) return;
    const copy = duplicateEntry(original);
    update((d) => ({ ...d, entries: [copy, ...d.entries] }));
    setSaid(`Copied as “${copy.title}”. Edit it to make it a new entry.`);
    setFilter({});
    focusNext.current = `entry-${copy.id}`;
  };
  const removeEntry = (id: string) => {
    const index = data.entries.findIndex((e) => e.id === id);
    if (index < 0) return;
    const item = data.entries[index]!;
    update((d) => ({ ...d, entries: d.entries.filter((e) => e.id !== id) }));
    setRemoved({ kind: 'entry', item, index });
    setSaid(`Entry “${item.title}” deleted.`);
    focusNext.current = 'evidence-undo';
  };
  const removeActivity = (id: string) => {
    const index = data.activities.findIndex((a) => a.id === id);
    if (index < 0) return;
    const item = data.activities[index]!;
    update((d) => ({ ...d, activities: d.activities.filter((a) => a.id !== id) }));
    setRemoved({ kind: 'activity', item, index });
    setSaid(`Training “${item.what}” deleted.`);
    focusNext.current = 'evidence-undo';
  };
  const undo = () => {
    if (!removed) return;
    if (removed.kind === 'entry') {
      const { item, index } = removed;
      update((d) => ({ ...d, entries: [...d.entries.slice(0, index), item, ...d.entries.slice(index)] }));
      setSaid(`Entry “${item.title}” restored.`);
      focusNext.current = `entry-${item.id}`;
    } else {
      const { item, index } = removed;
      update((d) => ({ ...d, activities: [...d.activities.slice(0, index), item, ...d.activities.slice(index)] }));
      setSaid(`Training “${item.what}” restored.`);
      focusNext.current = `activity-${item.id}`;
    }
    setRemoved(undefined);
  };
  const addActivity = (a: Omit<OtjActivity, 'id' | 'created' | 'updated'>) => {
    const now = stamp();
    const item: OtjActivity = { ...a, id: newId(), created: now, updated: now };
    update((d) => ({ ...d, activities: [item, ...d.activities] }));
    setSaid(`${item.what}: training logged.`);
    focusNext.current = `activity-${item.id}`;
  };

  const checklist = eligibility.data.gateway;
  const plan: OtjPlan = {
    startDate: data.plan.startDate ?? checklist.startDate ?? planner.data.startDate,
    endDate: data.plan.endDate ?? planner.data.gatewayDate,
    weeklyHours: data.plan.weeklyHours,
    plannedHours: data.plan.plannedHours ?? checklist.offTheJobHoursPlanned,
  };
  const fallbackFrom: Partial<Record<keyof OtjPlan, string>> = {
    ...(checklist.startDate ? { startDate: 'your eligibility checklist' } : planner.data.startDate ? { startDate: 'your EPA planner' } : {}),
    ...(planner.data.gatewayDate ? { endDate: 'your EPA planner (your planned gateway)' } : {}),
    ...(checklist.offTheJobHoursPlanned ? { plannedHours: 'your eligibility checklist' } : {}),
  };
  const editingEntry = editing && editing !== 'new' ? data.entries.find((e) => e.id === editing) : undefined;
  const today = todayIso();

  return (
    <div ref={early} class="evidence-log" data-ready={ready && (coverageDrawn || !coverageWanted) ? 'true' : undefined}>
      <StorageNotices states={[saved]} reads={[eligibility, planner]} />
      <p class="visually-hidden" aria-live="polite" data-announce>
        {said || null}
      </p>
      {removed && (
        <div class="undo-bar" role="status">
          <span>{removed.kind === 'entry' ? `Deleted “${removed.item.title}”.` : `Deleted “${removed.item.what}”.`}</span>
          <button type="button" class="button button--secondary" id="evidence-undo" onClick={undo}>
            Undo
          </button>
        </div>
      )}
      <section aria-labelledby="entries-heading" id="entries">
        <h2 id="entries-heading">Your entries</h2>
        {elsewhere && (
          <div class="notice notice--warning" data-entry-saved-elsewhere>
            <p>
              {elsewhere.text}
              {elsewhere.backup && (
                <>
                  {' '}
                  <a href={href(paths.myDataSection('backups'))}>Your saved data</a>
                </>
              )}
            </p>
            <button type="button" class="button button--secondary button--small" onClick={() => setElsewhere(undefined)}>
              Dismiss
            </button>
          </div>
        )}
        {editing ? (
          <EntryForm key={editing} entry={editingEntry} presetKsbs={preset} ksbs={ksbs} onSave={saveEntry} onCancel={cancel} />
        ) : (
          <>
            <button type="button" class="button" id="add-entry" onClick={() => startAdding()}>
              Add an entry
            </button>
            {/* Held in place (hidden) as it reads with nothing logged until the log is read, so the page
                below does not move when it comes. */}
            <HeldUntilRead ready={ready} what="evidence log">
              <EntryList
                entries={data.entries}
                ksbs={ksbs}
                themes={themes}
                filter={filter}
                onFilter={setFilter}
                onEdit={setEditing}
                onDuplicate={duplicate}
                onDelete={removeEntry}
              />
            </HeldUntilRead>
          </>
        )}
        <SavedStatus state={saved} />
      </section>
      <section ref={coverageSection} aria-labelledby="coverage-heading" id="coverage">
        <h2 id="coverage-heading">Coverage</h2>
        <p>How many of your entries show each KSB. Choose a KSB to see its entries, or one with none to add an entry for it.</p>
        <div class={coverageDrawn ? undefined : 'held-until-drawn'}>
          {ready && coverageWanted ? (
            <Stages parts={coverageParts} onDrawn={() => setCoverageDrawn(true)}>
              {(drawn) => (
                <Coverage
                  ksbs={ksbs}
                  drawn={drawn / coverageParts}
                  counts={counts}
                  themeHref={Object.fromEntries(themes.map((t) => [t.id, t.href]))}
                  onFilterKsb={(ksb) => {
                    setEditing(undefined);
                    setFilter({ ksb });
                    focusNext.current = 'entries-heading';
                  }}
                  onAddFor={(code) => {
                    startAdding([code]);
                    document.getElementById('entries')?.scrollIntoView();
                  }}
                />
              )}
            </Stages>
          ) : ready ? (
            <div class="coverage coverage--reading" data-coverage-waiting />
          ) : (
            <ReadingNote what="evidence log" class="coverage coverage--reading" />
          )}
        </div>
      </section>
      <section aria-labelledby="otj-heading" id="off-the-job">
        <h2 id="otj-heading">Off-the-job hours</h2>
        <OffTheJob
          log={data}
          plan={plan}
          fallbackFrom={fallbackFrom}
          rule={offTheJob}
          reading={!(ready && eligibility.ready && planner.ready)}
          ksbs={ksbs}
          setPlan={(change) => update((d) => ({ ...d, plan: { ...d.plan, ...change } }))}
          addActivity={addActivity}
          deleteActivity={removeActivity}
        />
      </section>
      <section aria-labelledby="export-heading" id="take-it-with-you" class="no-print">
        <h2 id="export-heading">Take it to a progress review</h2>
        <p>
          A summary grouped by theme for your tutor and employer, to print or download, or every entry as a spreadsheet. Files are made in your browser; nothing
          is sent anywhere.
        </p>
        <div class="button-row">
          <button
            type="button"
            class="button"
            onClick={() => downloadText(`my-evidence-${today}.md`, portfolioMarkdown(data, ksbs, today), 'text/markdown;charset=utf-8')}
          >
            Download the summary (Markdown)
          </button>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => downloadText(`my-evidence-${today}.csv`, evidenceCsv(data), 'text/csv;charset=utf-8')}
          >
            Download entries (CSV)
          </button>
          <a class="button button--secondary" href={href(paths.evidenceSummary)}>
            Printable summary
          </a>
        </div>
      </section>
    </div>
  );
}
