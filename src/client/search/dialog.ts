/**
 * The site search dialog (a native <dialog>). Loaded the first time search is opened. Focus goes
 * to the field; Escape closes and focus returns to where it was; the results are links, reached
 * from the field with the arrow keys and followed with Enter; the number of results is announced.
 */
import { href, paths } from '../../lib/urls';
import { loadPagefind, resultsStatus, runSearch, SEARCH_UNAVAILABLE, type SearchHit } from './pagefind';

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
      <p class="search-dialog__more"><a data-more href="${href(paths.search())}">Search with filters</a></p>
    </form>`;
  document.body.append(el);
  const input = el.querySelector<HTMLInputElement>('input')!;
  const status = el.querySelector<HTMLElement>('[role="status"]')!;
  const list = el.querySelector<HTMLUListElement>('ul')!;
  const more = el.querySelector<HTMLAnchorElement>('[data-more]')!;
  let counter = 0;

  const update = async () => {
    const term = input.value;
    const mine = ++counter;
    more.href = href(term.trim() ? paths.search({ q: term.trim() }) : paths.search());
    if (term.trim() === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      const pagefind = await loadPagefind();
      const { hits, total } = await runSearch(pagefind, term, {}, 10);
      if (mine !== counter) return; // a newer keystroke has taken over
      list.replaceChildren(...hits.map(renderHit));
      status.textContent = resultsStatus(total, hits.length);
    } catch {
      status.textContent = SEARCH_UNAVAILABLE;
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 80);
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

function renderHit(hit: SearchHit): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const link = document.createElement('a');
  link.href = hit.url;
  link.className = 'search-result__link';
  const title = document.createElement('span');
  title.className = 'search-result__title';
  title.textContent = hit.title.length > 110 ? `${hit.title.slice(0, 107)}…` : hit.title;
  link.append(title);
  if (hit.type) {
    const type = document.createElement('span');
    type.className = 'search-result__type';
    type.textContent = hit.type;
    link.append(' ', type);
  }
  const excerpt = document.createElement('span');
  excerpt.className = 'search-result__excerpt';
  excerpt.innerHTML = hit.excerptHtml;
  link.append(excerpt);
  li.append(link);
  return li;
}

/** Opens the dialog; `typed` is what the learner typed while its code was loading. */
export function openSearchDialog(opener?: HTMLElement, typed = ''): void {
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
  void loadPagefind().catch(() => undefined); // start fetching the index while the user types
}

export { renderHit };
