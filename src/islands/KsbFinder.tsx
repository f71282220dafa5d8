/**
 * The KSB finder on /ksbs/: filters all 70 KSBs as you type (typo-tolerant), with facets for kind,
 * assessment method, theme and duty, and the state in the URL so a filtered view can be linked and
 * the back button works.
 *
 * The grouped list of all 70 is the page's own HTML, passed in as children (KsbList): the island
 * does not draw it, so hydrating it is quick (issue #20), and without JavaScript it stays as it is.
 * Browsing, the island hides the rows and groups the filters leave out and labels each row's state;
 * searching, it hides that list and draws the matches in order of relevance.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browse, finderParams, highlightParts, parseFinderParams, queryWords, type FinderFilters, type FinderHit, type FinderListEntry } from '../lib/search/finder';
import { loadWordSearch, type WordSearch } from '../lib/search/load-finder-search';
import { KIND_LABEL, KSB_KINDS, type KsbKind, type MethodId } from '../lib/standard';
import { STATE_LABEL } from '../lib/learner/state-names';
import { keepsEvidenceLog, NO_EXAMPLE_CLASS, NO_EXAMPLE_LABEL, shownState, stateSlotClass, type ShownState } from '../lib/learner/shown-state';
import { FINDER_STATE_SLOT_ATTRIBUTE, labelStateSlots } from '../lib/learner/state-slots';
import { paths, href } from '../lib/urls';
import { noticeLink } from '../lib/storage/notices';
import { useSavedLearner } from './shared/useSavedLearner';
import { pluralWord } from '../lib/format';
import { useEarlyInput } from './shared/useEarlyInput';
import '../styles/ksb-list.css';
import '../styles/tags.css';
import './KsbFinder.css';

interface Props {
  entries: FinderListEntry[];
  themes: Array<{ id: string; name: string; method: MethodId }>;
  duties: number[];
  /** The grouped list of all 70 (KsbList with `labelledBy="finder"`). */
  children?: ComponentChildren;
}

/** Shows only the listed KSBs whose codes are in `codes`, and each group with its count, or hides it when empty. */
function showOnly(list: HTMLElement, codes: ReadonlySet<string>): void {
  for (const group of list.querySelectorAll<HTMLElement>('.ksb-group')) {
    let shown = 0;
    for (const row of group.querySelectorAll<HTMLElement>('li[data-ksb]')) {
      row.hidden = !codes.has(row.dataset.ksb ?? '');
      if (!row.hidden) shown++;
    }
    group.hidden = shown === 0;
    const count = group.querySelector('.count');
    // Only when it changes: the page as built is adopted as it is (tests/browser/hydration.spec.ts).
    if (count && count.textContent !== `(${shown})`) count.textContent = `(${shown})`;
  }
}

export default function KsbFinder({ entries, themes, duties, children }: Props) {
  const early = useEarlyInput();
  // The word search loads when the learner first focuses the field or types (or the address holds words).
  const [wordSearch, setWordSearch] = useState<WordSearch | 'loading' | 'failed'>();
  const startWordSearch = () => {
    if (wordSearch !== undefined && wordSearch !== 'failed') return;
    setWordSearch('loading');
    loadWordSearch(entries).then(setWordSearch, () => setWordSearch('failed'));
  };
  const learner = useSavedLearner();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<FinderFilters>({});
  const [ignored, setIgnored] = useState<string[]>([]);
  const [urlRead, setUrlRead] = useState(false);
  const [filtersShown, setFiltersShown] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>();

  // Read the state from the URL on load and when the user goes back or forward.
  useEffect(() => {
    const read = () => {
      const state = parseFinderParams(new URLSearchParams(window.location.search), { themes, duties });
      setQuery(state.query);
      setFilters(state.filters);
      setIgnored(state.ignored);
    };
    read();
    setUrlRead(true);
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  }, [themes, duties]);

  const writeUrl = (next: { query: string; filters: FinderFilters }, mode: 'push' | 'replace') => {
    const search = finderParams(next).toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };

  const onQuery = (value: string) => {
    setQuery(value);
    // Typing updates the address in place; a pause makes it a step the back button returns to.
    writeUrl({ query: value, filters }, 'replace');
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => window.history.pushState(null, '', window.location.href), 1200);
  };
  const onFilter = (change: FinderFilters) => {
    const next = { ...filters, ...change };
    for (const key of Object.keys(next) as Array<keyof FinderFilters>) if (next[key] === undefined) delete next[key];
    setFilters(next);
    setIgnored([]);
    writeUrl({ query, filters: next }, 'push');
  };
  const clear = () => {
    setQuery('');
    setFilters({});
    setIgnored([]);
    writeUrl({ query: '', filters: {} }, 'push');
  };

  const words = queryWords(query);
  useEffect(() => {
    if (words.length > 0) startWordSearch();
  }, [words.length > 0]);
  const waiting = words.length > 0 && (wordSearch === undefined || wordSearch === 'loading');
  const hits: Array<FinderHit<FinderListEntry>> = words.length > 0 && typeof wordSearch === 'object' ? wordSearch.search(query, filters) : browse(entries, filters);
  // Until the word search has loaded, the list stays as the filters leave it, grouped.
  const searching = query.trim() !== '' && !waiting;
  // Ready once the list shows what the address and the field ask for.
  const ready = urlRead && !waiting;
  const active = searching || Object.keys(filters).length > 0;
  const themeOptions = themes.filter((t) => !filters.method || t.method === filters.method);
  const filterCount = Object.keys(filters).length;

  const list = useRef<HTMLDivElement>(null);
  const browsing = !searching && hits.length > 0;
  const shownCodes = browsing ? hits.map((h) => h.entry.code).join(' ') : '';
  // Before the first paint after each change, so a filtered-out row is never shown.
  useLayoutEffect(() => {
    if (browsing && list.current) showOnly(list.current, new Set(shownCodes.split(' ')));
  }, [browsing, shownCodes]);
  const model = learner?.model;
  const keepsLog = model ? keepsEvidenceLog(model) : false;
  useEffect(() => {
    // Labels taken off again if the model can no longer be worked out (see watchLearner).
    if (learner && list.current) labelStateSlots(list.current, model ?? new Map(), FINDER_STATE_SLOT_ATTRIBUTE);
  }, [learner, model]);

  return (
    <div ref={early} class="finder" data-ready={ready ? 'true' : undefined}>
      {learner?.notices.map((notice) => (
        <div key={notice.feature} class="notice notice--warning" role="alert" data-notice={notice.kind} data-feature={notice.feature}>
          <h2 class="notice__title">{notice.title}</h2>
          <p>{notice.message}</p>
          <p>
            <a href={href(paths.myDataSection(noticeLink(notice).section))}>{noticeLink(notice).text}</a>
          </p>
        </div>
      ))}
      <div class="finder__controls" role="search" aria-label="Find a KSB">
        <div class="field finder__query">
          <label class="field__label" for="finder-q">
            Find a KSB
          </label>
          <div class="field__hint" id="finder-q-hint">
            Type a code (S24), a word (drift, bias, CRISP) or a phrase. Spelling mistakes are fine.
          </div>
          <input id="finder-q" class="input" type="search" autocomplete="off" spellcheck={false} aria-describedby="finder-q-hint" value={query} onFocus={startWordSearch} onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)} />
        </div>
        {/* On phones the filters fold away below the field, so results follow the typing. */}
        <button type="button" class="button button--secondary button--small finder__filters-toggle" aria-expanded={filtersShown} aria-controls="finder-facets" onClick={() => setFiltersShown(!filtersShown)}>
          {`Filters (${filterCount})`}
        </button>
        <div id="finder-facets" class="finder__facets" data-collapsed={filtersShown ? undefined : ''}>
          <Select label="Kind" id="finder-kind" value={filters.kind ?? ''} onChange={(v) => onFilter({ kind: (v || undefined) as KsbKind | undefined })} options={KSB_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))} />
          <Select label="Assessment method" id="finder-method" value={filters.method ?? ''} onChange={(v) => onFilter({ method: (v || undefined) as MethodId | undefined, theme: undefined })} options={[{ value: 'am1', label: 'AM1: project, presentation and questioning' }, { value: 'am2', label: 'AM2: professional discussion' }]} />
          <Select label="Theme" id="finder-theme" value={filters.theme ?? ''} onChange={(v) => onFilter({ theme: v || undefined })} options={themeOptions.map((t) => ({ value: t.id, label: `${t.name} (${t.method.toUpperCase()})` }))} />
          <Select label="Duty" id="finder-duty" value={filters.duty === undefined ? '' : String(filters.duty)} onChange={(v) => onFilter({ duty: v ? Number(v) : undefined })} options={duties.map((d) => ({ value: String(d), label: `Duty ${d}` }))} />
        </div>
        {active && (
          <button type="button" class="button button--secondary button--small" onClick={clear}>
            Clear search and filters
          </button>
        )}
      </div>
      {ignored.length > 0 && (
        <p class="notice notice--warning" role="status">
          Ignored {pluralWord(ignored.length, 'a filter', 'filters')} this site does not recognise: {ignored.join(', ')}.
        </p>
      )}
      {words.length > 0 && wordSearch === 'failed' && (
        <p class="notice notice--warning" role="alert">
          The word search did not load (are you offline?), so the list below is not narrowed by your words. The filters still work.{' '}
          <button type="button" class="button button--secondary button--small" onClick={startWordSearch}>
            Try again
          </button>
        </p>
      )}
      <p class="finder__count" role="status" aria-live="polite">
        {waiting ? 'Searching…' : `${hits.length} of ${entries.length} KSBs`}
      </p>
      {hits.length === 0 && <p class="empty-state">No KSBs match. Try another word, check the spelling of a code, or clear the filters.</p>}
      {searching && hits.length > 0 && (
        <ol class="ksb-list finder__results">
          {hits.map((hit) => (
            <Result key={hit.entry.code} hit={hit} shown={model ? shownState(model, hit.entry.code, keepsLog) : undefined} />
          ))}
        </ol>
      )}
      <div ref={list} class="finder__list" hidden={!browsing}>
        {children}
      </div>
    </div>
  );
}

/** A match, in the same markup as a row of the list once labelled (src/lib/learner/state-slots.ts). */
function Result({ hit, shown }: { hit: FinderHit<FinderListEntry>; shown: ShownState | undefined }) {
  const { entry } = hit;
  const state = shown?.state;
  return (
    <li data-ksb={entry.code}>
      <a class="ksb-code" href={href(paths.ksb(entry.code))}>
        {entry.code}
      </a>
      <span class="ksb-statement" data-pagefind-ignore>
        {highlightParts(entry.statement, hit.highlights).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}
        {hit.matchedKeywords.length > 0 && hit.highlights.length === 0 && <span class="finder__why"> Related: {hit.matchedKeywords.slice(0, 3).join(', ')}</span>}{' '}
        <span class={stateSlotClass(state)} title={state?.summary}>
          {state ? STATE_LABEL[state.state] : ''}
        </span>
        {shown?.noExample && ' '}
        {shown?.noExample && (
          <a class={NO_EXAMPLE_CLASS} data-no-example-for={entry.code} href={href(paths.evidenceFor(entry.code))}>
            {NO_EXAMPLE_LABEL}
          </a>
        )}
      </span>
    </li>
  );
}

function Select({ label, id, value, onChange, options }: { label: string; id: string; value: string; onChange: (v: string) => void; options: Array<{ value: string; label: string }> }) {
  return (
    <div class="field finder__facet">
      <label class="field__label field__label--small" for={id}>
        {label}
      </label>
      <select id={id} class="select" value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
