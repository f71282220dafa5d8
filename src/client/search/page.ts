/**
 * The full search page (/search/?q=…&type=KSB&kind=Skill): Pagefind results with filters for page
 * type, KSB kind, assessment method and theme. The query and filters live in the URL, so a search
 * can be linked and bookmarked. Results show as each arrives, ten at a time (results.ts).
 */
import { pluralWord } from '../../lib/format';
import { readSearchFilters, SEARCH_FILTERS as FILTERS } from '../../lib/search/search-filters';
import { find, loadPagefind, SEARCH_UNAVAILABLE } from './pagefind';
import { ResultsView } from './results';

const RESULTS_AT_ONCE = 10;

export function initSearchPage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filterBox = root.querySelector<HTMLElement>('[data-filters]')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const list = root.querySelector<HTMLUListElement>('[data-results]')!;
  const view = new ResultsView(list, status, root.querySelector<HTMLButtonElement>('[data-more-results]')!, RESULTS_AT_ONCE, input);

  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q') ?? '';
  let chosen: Record<string, string[]> = Object.fromEntries(FILTERS.map((f) => [f.key, []]));
  // The address's filters are checked against the index once it has loaded (see update).
  let fromAddress: URLSearchParams | undefined = params;
  const note = document.createElement('p');
  note.className = 'notice search-page__ignored';
  note.hidden = true;
  note.setAttribute('data-ignored-filters', '');
  status.before(note);
  let counter = 0;

  const writeUrl = () => {
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    for (const f of FILTERS) for (const v of chosen[f.key] ?? []) next.append(f.key, v);
    const query = next.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
  };

  const renderFilters = (available: Record<string, Record<string, number>>, counts: Record<string, Record<string, number>>) => {
    filterBox.replaceChildren(
      ...FILTERS.filter((f) => Object.keys(available[f.key] ?? {}).length > 0).map((f) => {
        const fieldset = document.createElement('fieldset');
        fieldset.className = 'field search-filter';
        const legend = document.createElement('legend');
        legend.className = 'field__legend field__legend--small';
        legend.textContent = f.label;
        fieldset.append(legend);
        for (const value of Object.keys(available[f.key]!).sort((a, b) => a.localeCompare(b, 'en-GB'))) {
          const id = `filter-${f.key}-${value.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
          const row = document.createElement('div');
          row.className = 'choice';
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.className = 'choice__input';
          box.id = id;
          box.checked = (chosen[f.key] ?? []).includes(value);
          box.addEventListener('change', () => {
            const set = new Set(chosen[f.key]);
            if (box.checked) set.add(value);
            else set.delete(value);
            chosen[f.key] = [...set];
            void update();
          });
          const label = document.createElement('label');
          label.className = 'choice__label';
          label.htmlFor = id;
          label.textContent = `${value} (${counts[f.key]?.[value] ?? 0})`;
          row.append(box, label);
          fieldset.append(row);
        }
        return fieldset;
      }),
    );
  };

  const update = async () => {
    const mine = ++counter;
    if (!fromAddress) writeUrl();
    try {
      const pagefind = await loadPagefind();
      const available = await pagefind.filters();
      if (fromAddress) {
        const read = readSearchFilters(fromAddress, available);
        fromAddress = undefined;
        chosen = read.chosen;
        note.hidden = read.ignored.length === 0;
        note.textContent = `Ignored ${pluralWord(read.ignored.length, 'a filter', 'filters')} this site does not recognise: ${read.ignored.join(', ')}.`;
        writeUrl();
        if (mine !== counter) return;
      }
      if (!input.value.trim() && !FILTERS.some((f) => (chosen[f.key] ?? []).length > 0)) {
        renderFilters(available, available);
        view.clear('Type a word or a KSB code, or choose a filter.');
        return;
      }
      view.pending();
      const term = input.value;
      const { results, search } = await find(pagefind, term, chosen);
      if (mine !== counter) return;
      renderFilters(available, search?.filters ?? available);
      await view.show(results, term, () => mine === counter);
    } catch {
      view.clear(SEARCH_UNAVAILABLE);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });
  root.setAttribute('data-ready', 'true');
  void update();
}
