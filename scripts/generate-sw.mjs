#!/usr/bin/env node
/**
 * Builds dist/sw.js after the site and its search index: src/service-worker/sw.ts bundled with
 * esbuild, then Workbox injects the precache manifest (every page, the search index with Pagefind's
 * worker and WebAssembly, and the quiz data), so after a first visit the whole site works offline.
 * Each file is cached under a content hash, so a new build is picked up on the next visit. Run by
 * `npm run build` (scripts/build.mjs).
 */
import { build } from 'esbuild';
// Only injectManifest: the package's index also loads generateSW's bundler and Babel, most of a
// second of every build (the module has no exports map, so this path is its public file).
import { injectManifest } from 'workbox-build/build/inject-manifest.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basePathFromEnv } from '../src/lib/base-path.mjs';
import { runAlone } from './run-alone.mjs';

/**
 * The service worker's own code, bundled, not yet given its manifest: it depends on the source
 * only, so `npm run build` makes it while Astro builds the site.
 * @returns {Promise<{ file: string, remove: () => void }>}
 */
export async function bundleServiceWorker() {
  const base = basePathFromEnv();
  const work = mkdtempSync(join(tmpdir(), 'st1398-sw-'));
  const file = join(work, 'sw.js');
  const remove = () => rmSync(work, { recursive: true, force: true });
  try {
    await build({
      entryPoints: ['src/service-worker/sw.ts'],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      outfile: file,
      define: { 'process.env.NODE_ENV': '"production"', OFFLINE_PAGE: JSON.stringify(`${base}offline/index.html`) },
      logLevel: 'warning',
    });
  } catch (error) {
    remove();
    throw error;
  }
  return { file, remove };
}

/**
 * Writes dist/sw.js with its precache manifest and says what it holds, in one line (then Workbox's
 * warnings, if any).
 * @param {string} dist
 * @param {Promise<{ file: string, remove: () => void }>} [bundled] the service worker's code, if bundled already
 */
export async function generateServiceWorker(dist, bundled = bundleServiceWorker()) {
  const base = basePathFromEnv();
  const { file, remove } = await bundled;
  try {
    const { count, size, warnings } = await injectManifest({
      swSrc: file,
      swDest: join(dist, 'sw.js'),
      globDirectory: dist,
      globPatterns: ['**/*.{html,css,js,json,svg,png,txt,xml,pf_meta,pf_index,pf_fragment,pf_filter,pagefind}'],
      globIgnores: [
        'sw.js',
        // Pagefind's own ready-made interfaces and its browser API (pagefind.js), which this site does
        // not use: it talks to Pagefind's worker directly (src/client/search/pagefind-worker.ts).
        'pagefind/pagefind.js',
        'pagefind/pagefind-ui.*',
        'pagefind/pagefind-component-ui.*',
        'pagefind/pagefind-modular-ui.*',
        'pagefind/pagefind-highlight.js',
        'pagefind/wasm.unknown.pagefind',
      ],
      // Paths in the manifest are relative to dist/; the site may live under a sub-path.
      modifyURLPrefix: { '': base },
      maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    });
    return [`Service worker: ${count} files precached (${(size / 1024 / 1024).toFixed(1)} MB)`, ...warnings].join('\n');
  } finally {
    remove();
  }
}

await runAlone(import.meta, () => generateServiceWorker('dist'));
