#!/usr/bin/env node
/**
 * `npm run build`: the site (`astro build`), then its search index (scripts/index-search.mjs), its
 * service worker (scripts/generate-sw.mjs) and the hosts' headers file (scripts/write-headers.mjs),
 * and how long each step took. Astro runs as its own command line does, with the settings of
 * scripts/build-env.mjs, in a process of its own; meanwhile this one loads the other steps and
 * bundles the service worker's code, which need nothing Astro makes.
 *
 *   node scripts/build.mjs [--outDir dist] [--silent] [--times file.json]
 *
 * --outDir: where the site is written (Astro's flag; the other steps follow it); --silent: nothing
 * said unless something fails; --times: each step's seconds, and the whole build's, written to that
 * file as JSON (the bench reads them).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withRolldownEnv } from './build-env.mjs';

const started = performance.now();
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const outDir = option('--outDir') ?? 'dist';
const silent = process.argv.includes('--silent');
const timesFile = option('--times');
const say = (line) => silent || console.log(line);

// Astro's command line (the package's bin/astro.mjs, beside its dist/index.js), run by this Node:
// through npx it took half a second longer.
const astroCommand = join(dirname(fileURLToPath(import.meta.resolve('astro'))), '..', 'bin', 'astro.mjs');

/** `astro build`, finished. @returns {Promise<void>} */
function buildSite() {
  const args = [astroCommand, 'build', ...(option('--outDir') ? ['--outDir', outDir] : []), ...(silent ? ['--silent'] : [])];
  return new Promise((resolve, reject) => {
    const astro = spawn(process.execPath, args, { stdio: 'inherit', env: withRolldownEnv() });
    astro.on('error', reject);
    astro.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`astro build failed${signal ? ` (${signal})` : ''}: see above.`))));
  });
}

/** @type {Record<string, number>} seconds a step */
const times = {};
/** Runs one step, says what it says, and records how long it took. @template T @param {string} name @param {() => Promise<T> | T} step */
async function timed(name, step) {
  const from = performance.now();
  const said = await step();
  times[name] = (performance.now() - from) / 1000;
  if (typeof said === 'string') say(said);
}

const site = timed('astro', buildSite);
// While Astro works: the other steps' code, and the service worker's bundle.
const steps = Promise.all([import('./index-search.mjs'), import('./generate-sw.mjs'), import('./write-headers.mjs')]);
const serviceWorkerCode = steps.then(([, { bundleServiceWorker }]) => bundleServiceWorker());
serviceWorkerCode.catch(() => {}); // awaited below, after the site; a failure then is reported there.

try {
  await site;
  const [{ indexSearch }, { generateServiceWorker }, { writeHeaders }] = await steps;
  await timed('searchIndex', () => indexSearch(outDir));
  await timed('serviceWorker', () => generateServiceWorker(outDir, serviceWorkerCode));
  await timed('headers', () => writeHeaders(outDir));
} catch (error) {
  await serviceWorkerCode.then(
    ({ remove }) => remove(),
    () => {},
  );
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
times.whole = (performance.now() - started) / 1000;
const seconds = (s) => `${s.toFixed(1)} s`;
say(
  `Built in ${seconds(times.whole)}: site ${seconds(times.astro)}, search index ${seconds(times.searchIndex)}, service worker ${seconds(times.serviceWorker)}.`,
);
if (timesFile) writeFileSync(timesFile, `${JSON.stringify(times, null, 2)}\n`);
