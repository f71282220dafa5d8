/**
 * The site search dialog (a native <dialog>). Loaded the first time search is opened, when it also
 * starts Pagefind's worker, so the index loads while the learner types. Focus goes to the field;
 * Escape closes and focus returns to where it was; the results are links, reached from the field
 * with the arrow keys and followed with Enter; the number of results is announced. Each keystroke
 * from the second letter searches at once (the part of the index for the word being typed is
 * fetched straight away) and the first five results show as each arrives; "Show more results"
 * fetches the next five.
 */
import { href, paths } from '../../lib/urls';
import { find, loadPagefind, SEARCH_UNAVAILABLE } from './pagefind';
import type { WorkerLike } from './pagefind-worker';
import { ResultsView } from './results';

/** Results fetched at first, and at each "Show more results". */
const RESULTS_AT_ONCE = 5;
/**
 * A single letter is not searched for (nor its part of the index fetched): it matches most of the
 * site, and its words span many of the index's parts (src/lib/search/index-chunks.mjs); the second
 * letter narrows it to one or two. KSB codes have two.
 */
const SHORTEST_TERM = 2;

/** The last word of a term, the one being typed. */
const lastWord = (term: string): string => term.trim().split(/\s+/).pop() ?? '';

let dialog: HTMLDialogElement | undefined;
let returnFocusTo: HTMLElement | undefined;

function build(): HTMLDialogElement {
  const el = document.createElement('dialog');
  el.className = 'search-dialog';
  el.setAttribute('aria-labelledby', 'search-dialog-title');
  el.innerHTML = `
    <form class="search-dialog__form" role="search" method="get" action="${href(paths.search())}">
      <div class="search-dialog__head">
        <h2 id="search-dialog-title" class="search-dialog__title"><label for="search-dialog-input">Search this site</label></h2>
        <button type="button" class="button button--secondary button--small" data-close>Close<span class="visually-hidden"> search</span></button>
      </div>
      <input id="search-dialog-input" class="input search-dialog__input" type="search" name="q" autocomplete="off" spellcheck="false"
        aria-describedby="search-dialog-hint" aria-controls="search-dialog-results">
      <p id="search-dialog-hint" class="field__hint">Try a KSB code such as S24, or a word such as drift, bias or CRISP. Use the arrow keys to move through results.</p>
      <p class="search-dialog__status" role="status" aria-live="polite"></p>
      <ul id="search-dialog-results" class="search-results" aria-label="Results"></ul>
      <button type="button" class="button button--secondary button--small search-results__more" data-more-results hidden>Show more results</button>
      <p class="search-dialog__more"><a data-more href="${href(paths.search())}">Search with filters</a></p>
    </form>`;
  document.body.append(el);
  const input = el.querySelector<HTMLInputElement>('input')!;
  const list = el.querySelector<HTMLUListElement>('ul')!;
  const more = el.querySelector<HTMLAnchorElement>('[data-more]')!;
  const view = new ResultsView(list, el.querySelector<HTMLElement>('[role="status"]')!, el.querySelector<HTMLButtonElement>('[data-more-results]')!, RESULTS_AT_ONCE, input);
  let counter = 0;
  // The newest term not yet searched for. One search runs at a time; terms typed meanwhile give
  // way to the newest, whose part of the index is already on its way (see the input event).
  let wanted: string | undefined;
  let searching = false;

  const search = async () => {
    if (searching) return;
    searching = true;
    try {
      while (wanted !== undefined) {
        const term = wanted;
        wanted = undefined;
        const mine = counter;
        const { results } = await find(await loadPagefind(), term);
        if (mine === counter) void view.show(results, term, () => mine === counter);
      }
    } catch {
      view.clear(SEARCH_UNAVAILABLE);
    } finally {
      searching = false;
    }
  };

  input.addEventListener('input', () => {
    const term = input.value;
    counter++;
    more.href = href(term.trim() ? paths.search({ q: term.trim() }) : paths.search());
    if (term.trim().length < SHORTEST_TERM) {
      wanted = undefined;
      view.clear();
      return;
    }
    view.pending();
    wanted = term;
    // The word being typed: its part of the index is fetched now, even while an earlier search
    // runs, so it is there when this term's turn comes (the other words' parts came as they were typed).
    const word = lastWord(term);
    if (word.length >= SHORTEST_TERM) {
      void loadPagefind()
        .then((pagefind) => pagefind.preload(word))
        .catch(() => undefined);
    }
    void search();
  });

  // Arrow keys move between the field and the result links.
  el.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    event.preventDefault();
    if (event.key === 'ArrowDown') (links[at + 1] ?? links[0])!.focus();
    else if (at <= 0) input.focus();
    else links[at - 1]!.focus();
  });
  // Enter in the field goes to the first result.
  el.querySelector('form')!.addEventListener('submit', (event) => {
    const first = list.querySelector<HTMLAnchorElement>('a');
    if (first) {
      event.preventDefault();
      window.location.assign(first.href);
    }
  });
  el.querySelector('[data-close]')!.addEventListener('click', () => el.close());
  el.addEventListener('click', (event) => {
    if (event.target === el) el.close(); // a click on the backdrop
  });
  el.addEventListener('close', () => returnFocusTo?.focus());
  return el;
}

/**
 * Opens the dialog; `typed` is what the learner typed while its code was loading, and
 * `takeStartedWorker` hands over Pagefind's worker if the page started it as search was asked for
 * (src/client/site.ts).
 */
export function openSearchDialog(opener?: HTMLElement, typed = '', takeStartedWorker?: () => WorkerLike | undefined): void {
  void loadPagefind(takeStartedWorker).catch(() => undefined); // the index loads while the learner types
  returnFocusTo = (document.activeElement as HTMLElement | null) ?? opener;
  dialog ??= build();
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('input')!;
  input.focus();
  if (typed) {
    input.value = typed;
    input.dispatchEvent(new Event('input'));
  } else {
    input.select();
  }
}
