#!/usr/bin/env node
/**
 * Writes dist/_headers, the response headers file that Netlify and Cloudflare Pages read: security
 * headers for every response, a Content-Security-Policy for every page (beside the one Astro puts in
 * each page's <head>, this one can also forbid framing), 'wasm-unsafe-eval' only for Pagefind's
 * search worker, long-lived caching for content-hashed assets and none for the service worker.
 * Run by `npm run build` (scripts/build.mjs); other hosts: see README, "Deploying".
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_DIRECTIVES } from '../src/csp-directives.mjs';
import { basePathFromEnv } from '../src/lib/base-path.mjs';
import { runAlone } from './run-alone.mjs';

const base = basePathFromEnv();

/** The policy for pages. Scripts and styles: only this site's, and inline ones only where the page's own policy hashes them. */
export const PAGE_POLICY = [
  ...BASE_DIRECTIVES,
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
].join('; ');

/** Pagefind's search worker runs WebAssembly, which needs 'wasm-unsafe-eval'; nothing else does. */
export const SEARCH_WORKER_POLICY = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'"].join('; ');

export function headersFor(dist) {
  const pageDirs = readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dist, e.name, 'index.html')) || (e.isDirectory() && hasPages(join(dist, e.name))))
    .map((e) => e.name)
    .filter((name) => !['_astro', 'pagefind', 'api'].includes(name))
    .sort();
  const rule = (path, headers) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  return `${[
    '# Written by scripts/write-headers.mjs at build: response headers for Netlify and Cloudflare Pages.',
    rule(`${base}*`, {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
      'Cross-Origin-Opener-Policy': 'same-origin',
    }),
    ...[base, `${base}index.html`, `${base}404.html`].map((path) => rule(path, { 'Content-Security-Policy': PAGE_POLICY })),
    ...pageDirs.map((dir) => rule(`${base}${dir}/*`, { 'Content-Security-Policy': PAGE_POLICY })),
    rule(`${base}pagefind/*`, { 'Content-Security-Policy': SEARCH_WORKER_POLICY }),
    rule(`${base}_astro/*`, { 'Cache-Control': 'public, max-age=31536000, immutable' }),
    rule(`${base}sw.js`, { 'Cache-Control': 'no-cache' }),
  ].join('\n\n')}\n`;
}

function hasPages(dir) {
  return readdirSync(dir, { withFileTypes: true }).some((e) => (e.isFile() && e.name === 'index.html') || (e.isDirectory() && hasPages(join(dir, e.name))));
}

/** Writes dist/_headers and says how many rules it holds. @param {string} dist */
export function writeHeaders(dist) {
  const text = headersFor(dist);
  const file = join(dist, '_headers');
  writeFileSync(file, text);
  return `Headers: ${file} (${text.split('\n').filter((l) => l.startsWith('/')).length} rules)`;
}

await runAlone(import.meta, () => writeHeaders('dist'));
