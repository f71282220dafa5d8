/**
 * A search's results in a list, as the dialog and the search page show them. Pagefind fetches each
 * result's data (address, title, excerpt) on its own, so the results are asked for a few at a time
 * and each one shows, in its place, as soon as its data arrives: the first result does not wait
 * for the others, and results no one scrolls to are never fetched.
 */
import { hitOf, resultsStatus, type PagefindResult, type SearchHit } from './pagefind';

export function renderHit(hit: SearchHit): HTMLLIElement {
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

export interface ShownResults {
  readonly total: number;
  /** False once a newer search has taken over the list. */
  readonly isCurrent: () => boolean;
  /** How many results have been asked for so far. */
  readonly requested: number;
  /** Asks for the next `count` results; resolves with the links of those that showed. */
  more(count: number): Promise<HTMLAnchorElement[]>;
}

/**
 * Shows `results` in `list`. The list's earlier results stay until the first new one arrives, so
 * it never flashes empty between two searches; `isCurrent` turns false once a newer search has
 * taken over, and from then on nothing more of this one is fetched or shown. The list's
 * data-results-for names the term whose results it holds.
 */
export function showResults(list: HTMLElement, results: readonly PagefindResult[], term: string, isCurrent: () => boolean): ShownResults {
  let requested = 0;
  let attached = false;
  const attach = (items: HTMLLIElement[]) => {
    list.replaceChildren(...items);
    list.dataset['resultsFor'] = term;
    attached = true;
  };
  return {
    total: results.length,
    isCurrent,
    get requested() {
      return requested;
    },
    async more(count) {
      const batch = results.slice(requested, requested + count);
      requested += batch.length;
      // A place for each result, in rank order, hidden until its data arrives.
      const items = batch.map(() => {
        const li = document.createElement('li');
        li.hidden = true;
        return li;
      });
      const failed = new Set<HTMLLIElement>();
      if (attached) list.append(...items);
      const links = await Promise.all(
        batch.map(async (result, i) => {
          if (!isCurrent()) return undefined;
          let li: HTMLLIElement;
          try {
            li = renderHit(hitOf(await result.data()));
          } catch {
            failed.add(items[i]!);
            items[i]!.remove();
            return undefined;
          }
          if (!isCurrent()) return undefined;
          items[i]!.replaceWith(li);
          items[i] = li;
          if (!attached) attach(items.filter((item) => !failed.has(item)));
          return li.querySelector('a') ?? undefined;
        }),
      );
      // None arrived (each failed): the earlier search's results must not stay.
      if (!attached && isCurrent()) attach([]);
      return links.filter((a): a is HTMLAnchorElement => a !== undefined);
    },
  };
}

/**
 * A results list with its status line (read out) and its "Show more results" button: `show` puts a
 * search's first `pageSize` results in, and the button the next `pageSize`, focusing the first of
 * them (or `fallbackFocus` when none came and the button has gone).
 */
export class ResultsView {
  private shown: ShownResults | undefined;

  constructor(
    private readonly list: HTMLElement,
    private readonly status: HTMLElement,
    private readonly button: HTMLButtonElement,
    private readonly pageSize: number,
    fallbackFocus: HTMLElement,
  ) {
    button.addEventListener('click', async () => {
      const shown = this.shown;
      if (!shown || button.getAttribute('aria-disabled') === 'true') return;
      button.setAttribute('aria-disabled', 'true');
      const links = await shown.more(pageSize);
      button.removeAttribute('aria-disabled');
      if (!shown.isCurrent()) return;
      this.showCount(shown);
      if (links[0]) links[0].focus();
      else if (button.hidden) fallbackFocus.focus();
    });
  }

  /** A newer search is on its way: the current results stay until it arrives, but no more of them. */
  pending(): void {
    this.button.hidden = true;
  }

  /** Empties the list, with `text` as the status. */
  clear(text = ''): void {
    this.shown = undefined;
    this.list.replaceChildren();
    delete this.list.dataset['resultsFor'];
    this.status.textContent = text;
    this.button.hidden = true;
  }

  async show(results: readonly PagefindResult[], term: string, isCurrent: () => boolean): Promise<void> {
    if (results.length === 0) {
      this.clear(resultsStatus(0, 0));
      return;
    }
    const shown = showResults(this.list, results, term, isCurrent);
    this.shown = shown;
    this.button.hidden = true;
    await shown.more(this.pageSize);
    if (shown.isCurrent()) this.showCount(shown);
  }

  private showCount(shown: ShownResults): void {
    this.status.textContent = resultsStatus(shown.total, shown.requested);
    this.button.hidden = shown.requested >= shown.total;
  }
}
