/**
 * The one script every page runs, kept tiny (the budget is 2 KB compressed):
 * - the search opener: the header button, "/" and Ctrl/Cmd+K load and open the search dialog, and
 *   start Pagefind's search worker beside it;
 * - the offline notice: says plainly when the page is the copy saved for offline use;
 * - the learner's state beside listed KSBs, whose code loads only if the learner has saved progress;
 * - the service worker, registered once the page has settled, so the site works offline next time;
 * - example addresses (SiteAddress) shown in full, from where the site is actually served;
 * - on long pages, the "On this page" list's mark on the section being read (loaded only there);
 * - on pages with interactive parts, Astro's island runtime, once one is near the screen;
 * (A button pressed in an interactive part that has not loaded yet is held by a tiny inline script
 * in the page's <head>, which runs before any module: see src/layouts/Base.astro.)
 */
import { hasLearnerData } from '../lib/learner/presence';
import { STATE_SLOT_ATTRIBUTE } from '../lib/learner/state-slot-names';

const form = document.querySelector<HTMLFormElement>('[data-search-opener]');
// Keys typed while the dialog's code is still loading, given to its field when it opens.
let typedBeforeOpen: string | undefined;
// Pagefind's worker, started the first time search is asked for, so that its file loads and starts
// beside the dialog's code rather than after it. The dialog takes it over (search/pagefind.ts) if it
// has not failed meanwhile (its file could not be fetched: heard here, before the dialog listens);
// otherwise, or if the browser would not start it, the dialog starts one and says if it fails.
let searchAskedFor = false;
const startSearchWorker = () => {
  const url = form?.dataset.searchWorker;
  try {
    if (!url) return undefined;
    let worker: Worker | undefined = new Worker(url);
    let failed = false;
    worker.onerror = () => (failed = true);
    // Handed over once.
    return () => {
      const started = worker;
      worker = undefined;
      if (started) started.onerror = null;
      if (!failed) return started;
      started?.terminate();
      return undefined;
    };
  } catch {
    return undefined;
  }
};
const openSearch = (event?: Event) => {
  event?.preventDefault();
  if (typedBeforeOpen !== undefined) return;
  typedBeforeOpen = '';
  const dialog = import('./search/dialog');
  const takeWorker = searchAskedFor ? undefined : startSearchWorker();
  searchAskedFor = true;
  void dialog
    .then((m) => m.openSearchDialog(form?.querySelector('button') ?? undefined, typedBeforeOpen, takeWorker))
    .catch(() => takeWorker?.()?.terminate())
    .finally(() => (typedBeforeOpen = undefined));
};
form?.addEventListener('submit', openSearch);
document.addEventListener('keydown', (event) => {
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
  if (typedBeforeOpen !== undefined && plain && (event.key.length === 1 || event.key === 'Backspace')) {
    typedBeforeOpen = event.key === 'Backspace' ? typedBeforeOpen.slice(0, -1) : typedBeforeOpen + event.key;
    event.preventDefault();
    return;
  }
  const target = event.target as HTMLElement | null;
  const typing = target?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target?.tagName ?? '');
  const slash = event.key === '/' && !typing && plain;
  const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
  if ((slash || ctrlK) && !document.querySelector('dialog[open]')) openSearch(event);
});

const banner = document.querySelector<HTMLElement>('[data-offline-banner]');
// Named on <html> by the layout (paths.serviceWorker under the base path), which spares every page
// loading the site's whole list of addresses just for this one.
const swUrl = document.documentElement.dataset.serviceWorker ?? '';
// navigator.onLine only knows about the device's own connection, and a page opened from the saved
// copy may still claim to be online; so when the service worker served this page, ask the server.
const showConnection = async () => {
  if (!banner) return;
  let offline = !navigator.onLine;
  if (!offline && navigator.serviceWorker?.controller) {
    offline = await fetch(swUrl, { method: 'HEAD', cache: 'no-store' }).then(
      () => false,
      () => true,
    );
  }
  banner.hidden = !offline;
};
// An interactive part whose code could not be fetched (offline, and not in the saved copy) or that
// failed to start would otherwise leave the page silently half-working. Astro reports both.
document.addEventListener('astro:hydration-error', () => {
  const failed = document.querySelector<HTMLElement>('[data-load-failed]');
  if (failed) failed.hidden = false;
});
window.addEventListener('online', showConnection);
window.addEventListener('offline', showConnection);
void showConnection();

if (document.querySelector('.toc')) void import('./on-this-page');

// Astro's island runtime is a file of its own (integrations/first-round-trip.mjs), named on <html>:
// it loads when an island is about to be seen, or at once if an island hydrates on load or idle.
const islandRuntime = document.documentElement.dataset.islandRuntime;
if (islandRuntime) {
  const load = () => void import(/* @vite-ignore */ islandRuntime);
  const islands = [...document.querySelectorAll('astro-island')];
  if (islands.some((island) => island.getAttribute('client') !== 'visible')) load();
  else {
    const near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        near.disconnect();
        load();
      },
      { rootMargin: '50% 0px' },
    );
    // An island is display: contents, with no box of its own: watch what it holds (as Astro does).
    for (const island of islands) for (const child of island.children) near.observe(child);
  }
}

if (document.querySelector(`[${STATE_SLOT_ATTRIBUTE}]`) && hasLearnerData()) {
  void import('./state-labels').then((m) => m.showStateLabels());
}

for (const el of document.querySelectorAll<HTMLElement>('[data-site-address]')) {
  el.textContent = new URL(el.dataset.siteAddress ?? '', location.href).href;
}

// The offline copy (every page and file, several megabytes) is fetched only once the page has
// settled: loaded, the interactive parts on its first screen started, the processor idle.
// Registered on load, it fetched hundreds of files while the islands' code was loading and
// starting (issue #20).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  let loaded = false;
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    navigator.serviceWorker.register(swUrl).catch(() => {
      // Offline use is an extra: the site works without it.
    });
  };
  // An island yet to start that starts by itself: on load, when idle, or when seen if it is on the first screen.
  const starting = (island: Element) => {
    const client = island.getAttribute('client');
    const box = client === 'visible' && island.firstElementChild?.getBoundingClientRect();
    return client === 'load' || client === 'idle' || (box && box.top < innerHeight && box.bottom > 0);
  };
  const settled = () => {
    if (!loaded || [...document.querySelectorAll('astro-island[ssr]')].some(starting)) return;
    if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 2000 });
    else setTimeout(register, 500);
  };
  // astro:hydrate does not bubble; a capturing listener hears every island's.
  document.addEventListener('astro:hydrate', settled, true);
  window.addEventListener('load', () => {
    loaded = true;
    settled();
    // An island that never starts (its code failed to load) must not keep the site from working offline.
    setTimeout(register, 10_000);
  });
}
