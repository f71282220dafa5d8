/**
 * The service worker: the whole site precached after a first visit (Workbox), so pages, search and
 * quizzes work offline. Built by scripts/generate-sw.mjs (bundled with esbuild, then the precache
 * manifest injected), not by Vite: it runs in the worker, not in a page.
 *
 * - A navigation that cannot be answered (offline, or its saved copy is missing) gets the saved
 *   "offline" page, which links to what is saved, never the browser's error page.
 * - A saved copy that has gone missing is put back the next time the file is fetched online.
 */
/// <reference lib="webworker" />
import { cacheNames, clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, getCacheKeyForURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { setCatchHandler } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };
/** Replaced at build: the saved offline page, under the site's base path. */
declare const OFFLINE_PAGE: string;

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();

precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
});

/** The precache key of a URL, as it is stored: a directory's index.html, without the query. */
function keyFor(url: string): string | undefined {
  const { pathname } = new URL(url);
  return getCacheKeyForURL(new URL(pathname.endsWith('/') ? `${pathname}index.html` : pathname, self.location.origin).href);
}

// Repair: when a precached file had to come from the network (its saved copy was missing), save
// the response again, so the next offline visit has it.
addPlugins([
  {
    fetchDidSucceed: async ({ request, response }) => {
      const key = response.ok ? keyFor(request.url) : undefined;
      if (key) {
        const cache = await caches.open(cacheNames.precache);
        if (!(await cache.match(key))) await cache.put(key, response.clone());
      }
      return response;
    },
  },
]);

setCatchHandler(async ({ request }) => {
  if (request.mode === 'navigate' || request.destination === 'document') {
    return (await matchPrecache(OFFLINE_PAGE)) ?? Response.error();
  }
  return Response.error();
});
