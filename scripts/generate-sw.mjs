#!/usr/bin/env node
/**
 * Generates dist/sw.js with Workbox after the site and its search index are built: a service worker
 * that precaches every page, the search index and the quiz data, so that after a first visit the
 * whole site works offline. Each file is cached under a content hash, so a new build is picked up on
 * the next visit. Run by `npm run build`.
 */
import { generateSW } from 'workbox-build';

const base = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');

const { count, size, warnings } = await generateSW({
  globDirectory: 'dist',
  globPatterns: ['**/*.{html,css,js,json,svg,txt,xml,pf_meta,pf_index,pf_fragment,pf_filter,pagefind}'],
  globIgnores: [
    'sw.js',
    // Pagefind's own ready-made interfaces, which this site does not use.
    'pagefind/pagefind-ui.*',
    'pagefind/pagefind-component-ui.*',
    'pagefind/pagefind-modular-ui.*',
    'pagefind/pagefind-highlight.js',
    'pagefind/wasm.unknown.pagefind',
  ],
  swDest: 'dist/sw.js',
  // Paths in the manifest are relative to dist/; the site may live under a sub-path.
  modifyURLPrefix: { '': base },
  // Pages are addressed as /ksbs/k7/ but stored as ksbs/k7/index.html.
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  skipWaiting: true,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: 'production',
  // A page that was never cached, requested offline: show the 404 page, which offers the lists.
  navigateFallback: `${base}404.html`,
  navigateFallbackDenylist: [/\/api\//, /\/pagefind\//],
});
for (const warning of warnings) console.warn(warning);
console.log(`Service worker: ${count} files precached (${(size / 1024 / 1024).toFixed(1)} MB)`);
