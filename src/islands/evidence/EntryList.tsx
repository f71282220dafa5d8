/** The entries, filtered and sorted, each with its story, KSBs and actions. */
import { useState } from 'preact/hooks';
import { filterEntries, sortEntries, SORTS, SORT_LABEL, type EntryFilter, type EntrySort, type EvidenceKsb } from '../../lib/evidence/coverage';
import { dateText } from '../../lib/evidence/export';
import { STORY_LABEL, STORY_PARTS, type EvidenceEntry } from '../../lib/evidence/log';
import { formatHours } from '../../lib/evidence/otj';
import { plural } from '../../lib/format';
import { href, paths } from '../../lib/urls';

export interface ThemeOption {
  id: string;
  name: string;
  method: string;
  methodCode: string;
}

interface Props {
  entries: readonly EvidenceEntry[];
  ksbs: readonly EvidenceKsb[];
  themes: readonly ThemeOption[];
  filter: EntryFilter;
  onFilter: (filter: EntryFilter) => void;
  onEdit: (id: string) => void;
  onDuplicate: (id: string) => void;
  onDelete: (id: string) => void;
}

export function EntryList({ entries, ksbs, themes, filter, onFilter, onEdit, onDuplicate, onDelete }: Props) {
  const [sort, setSort] = useState<EntrySort>('newest');
  const shown = sortEntries(filterEntries(entries, filter, ksbs), sort);
  const set = (change: Partial<EntryFilter>) => onFilter({ ...filter, ...change });
  const active = Object.values(filter).filter(Boolean).length;
  const byCode = new Map(ksbs.map((k) => [k.code, k]));
  const select = (id: string, label: string, value: string | undefined, options: Array<[string, string]>, onChange: (v: string | undefined) => void) => (
    <div class="field entry-filters__item">
      <label class="field__label" for={id}>
        {label}
      </label>
      <select id={id} class="select" value={value ?? ''} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value || undefined)}>
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  if (entries.length === 0) return <p class="entries-empty">No entries yet. Add your first piece of work: a project, a fix, a presentation, anything that shows a KSB.</p>;
  return (
    <>
      <details class="entry-filters" open={active > 0}>
        <summary>Filter and sort{active > 0 ? ` (${active})` : ''}</summary>
        <div class="entry-filters__grid">
          <div class="field entry-filters__item">
            <label class="field__label" for="filter-text">
              Words
            </label>
            <input id="filter-text" class="input" type="search" value={filter.text ?? ''} onInput={(e) => set({ text: (e.currentTarget as HTMLInputElement).value || undefined })} />
          </div>
          {select('filter-ksb', 'KSB', filter.ksb, ksbs.map((k) => [k.code, k.code]), (ksb) => set({ ksb }))}
          {select('filter-theme', 'Theme', filter.theme, themes.map((t) => [t.id, `${t.methodCode}: ${t.name}`]), (theme) => set({ theme }))}
          {select('filter-method', 'Method', filter.method, [...new Map(themes.map((t) => [t.method, t.methodCode]))], (method) => set({ method }))}
          <div class="field entry-filters__item">
            <label class="field__label" for="filter-from">
              From
            </label>
            <input id="filter-from" class="input" type="date" value={filter.from ?? ''} onInput={(e) => set({ from: (e.currentTarget as HTMLInputElement).value || undefined })} />
          </div>
          <div class="field entry-filters__item">
            <label class="field__label" for="filter-to">
              To
            </label>
            <input id="filter-to" class="input" type="date" value={filter.to ?? ''} onInput={(e) => set({ to: (e.currentTarget as HTMLInputElement).value || undefined })} />
          </div>
          <div class="field entry-filters__item">
            <label class="field__label" for="entry-sort">
              Sort
            </label>
            <select id="entry-sort" class="select" value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as EntrySort)}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {SORT_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {active > 0 && (
          <button type="button" class="button button--secondary" onClick={() => onFilter({})}>
            Clear filters
          </button>
        )}
      </details>
      <p class="entries-count" aria-live="polite">
        {shown.length === entries.length ? `${plural(entries.length, 'entry', 'entries')}.` : `Showing ${shown.length} of ${plural(entries.length, 'entry', 'entries')}.`}
      </p>
      <ol class="entries">
        {shown.map((e) => (
          <li key={e.id} class="entry" data-entry={e.id}>
            <h3 class="entry__title" id={`entry-${e.id}`} tabIndex={-1}>
              {e.title}
            </h3>
            <p class="entry__meta">
              {dateText(e)}
              {e.otjHours ? ` · ${formatHours(e.otjHours)} off-the-job` : ''}
            </p>
            {e.ksbs.length > 0 ? (
              <ul class="entry__ksbs" aria-label="KSBs">
                {e.ksbs.map((code) => (
                  <li key={code}>
                    <a class="tag" href={href(paths.ksb(code))} title={byCode.get(code)?.statement}>
                      {code}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="entry__meta">No KSBs chosen yet.</p>
            )}
            {STORY_PARTS.some((p) => e[p]) && (
              <dl class="entry__story">
                {STORY_PARTS.filter((p) => e[p]).map((p) => (
                  <div key={p}>
                    <dt>{STORY_LABEL[p]}</dt>
                    <dd>{e[p]}</dd>
                  </div>
                ))}
              </dl>
            )}
            {e.where && (
              <p class="entry__where">
                <strong>Where:</strong> {e.where}
              </p>
            )}
            <div class="button-row entry__actions">
              <button type="button" class="button button--secondary" onClick={() => onEdit(e.id)} aria-describedby={`entry-${e.id}`}>
                Edit
              </button>
              <button type="button" class="button button--secondary" onClick={() => onDuplicate(e.id)} aria-describedby={`entry-${e.id}`}>
                Duplicate
              </button>
              <button type="button" class="button button--secondary" onClick={() => onDelete(e.id)} aria-describedby={`entry-${e.id}`}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
