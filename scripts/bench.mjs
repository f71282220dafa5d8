#!/usr/bin/env node
/**
 * `npm run bench`: measures the site and prints figures against its budgets (never pass/fail).
 *   1. Build time: the whole build, cold, as `npm run build` makes it (median of 3), with its steps,
 *      and the number of pages.
 *   2. Per page type: HTML, CSS and JS bytes (raw and gzip) as the browser fetches them on first
 *      load, and the JS fetched after scrolling to the bottom (islands load when visible); and what
 *      the browser needs before it can render: the document and every stylesheet Chromium reports
 *      as render-blocking, as the bench's server sent them (gzip, headers included).
 *   3. Lighthouse (mobile preset) scores and FCP, LCP, TBT, CLS per page type, served by astro preview.
 *   4. Scaling: the same build with the content multiplied ten times (in bench/tmp/, not committed).
 * Writes bench/results.json and prints a table. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 *
 *   npm run bench [-- --only search,pages] [--no-lighthouse] [--no-scaling] [--lighthouse-runs N] [--build-runs N]
 * --only measures just the parts named (build, pages, search, lighthouse, scaling) against the
 * dist/ already built, unless build is one of them. The site is served on a free port the system
 * chooses, by the bench itself (compressed, as a host sends it, every byte counted).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { median } from './bench/stats.mjs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { multiplyContent } from './bench/multiply-content.mjs';
import { searchFigures } from './bench/search.mjs';
import { basePathFromEnv, withoutBase } from '../src/lib/base-path.mjs';
import { createSiteServer, listen } from './site-server.mjs';
import { withRolldownEnv } from './build-env.mjs';

// The settings every process that loads Vite's bundler gets (the builds, astro preview): as npm run build and npm test.
Object.assign(process.env, withRolldownEnv());

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PARTS = ['build', 'pages', 'search', 'lighthouse', 'scaling'];
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : PARTS;
const unknown = only.filter((p) => !PARTS.includes(p));
if (only.length === 0 || unknown.length > 0) {
  console.error(`--only takes a comma-separated list of: ${PARTS.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`);
  process.exit(2);
}
const run = new Set(only.filter((p) => !(p === 'lighthouse' && process.argv.includes('--no-lighthouse')) && !(p === 'scaling' && process.argv.includes('--no-scaling'))));
/** Whatever the bench server sends is reported to traffic.listener (the search and page figures count it). */
const traffic = { listener: undefined };

/** One TCP initial congestion window (10 segments of 1,460 bytes, about 14 KB): what arrives in the first round trip. */
const FIRST_ROUND_TRIP_BYTES = 14 * 1024;
/**
 * One page of each type; types whose page does not exist yet are left out. The pages after the
 * first five are tools: their islands are expected to load with them (the search page also opens
 * search on arrival), so the "no interactive part" JS budget does not apply to them.
 */
const PAGE_TYPES = [
  ['home', '/'],
  ['KSB', '/ksbs/k7/'],
  ['duty', '/duties/3/'],
  ['theme', '/epa/am1/model-scoping/'],
  ['EPA overview', '/epa/'],
  ['KSB list', '/ksbs/'],
  ['eligibility', '/eligibility/'],
  ['eligibility: role', '/eligibility/role/'],
  ['eligibility: English and maths', '/eligibility/english-and-maths/'],
  ['eligibility: gateway', '/eligibility/gateway/'],
  ['eligibility: KSBs', '/eligibility/ksbs/'],
  ['eligibility: summary', '/eligibility/summary/'],
  ['search', '/search/'],
  ['quiz', '/quiz/'],
  ['practice', '/practice/'],
  ['planner', '/epa/planner/'],
  ['AM1 report', '/epa/am1/report/'],
  ['evidence', '/evidence/'],
  ['my data', '/my-data/'],
  ['progress', '/progress/'],
];
const CONTENT_TYPES = new Set(PAGE_TYPES.slice(0, 5).map(([type]) => type));

/** A number of runs from the command line (`--flag N`), or the fallback; anything but a whole number of 1 or more stops the bench. */
function runsOption(flag, fallback) {
  const at = process.argv.indexOf(flag);
  const runs = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`${flag} takes a whole number of runs, 1 or more`);
    process.exit(2);
  }
  return runs;
}

/**
 * How many times the whole build is timed (--build-runs N; the median is reported): one build on
 * this shared machine varies by a second or more.
 */
const BUILD_RUNS = runsOption('--build-runs', 3);

/**
 * One cold build, as `npm run build` makes it (scripts/build.mjs, without npm's own start): no
 * output or cache of an earlier build left (dist/ or outDir, .astro/, .cache/astro/). Its whole
 * process timed from here, and its steps as it timed them.
 * @param {{ outDir?: string, env?: Record<string, string> }} [options]
 */
function coldBuild({ outDir, env = {} } = {}) {
  for (const dir of [outDir ?? 'dist', '.astro', '.cache/astro']) rmSync(dir, { recursive: true, force: true });
  mkdirSync('bench/tmp', { recursive: true });
  const timesFile = 'bench/tmp/build-times.json';
  const args = ['scripts/build.mjs', '--silent', '--times', timesFile, ...(outDir ? ['--outDir', outDir] : [])];
  const stolen = cpuStolenSince();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  const totalSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
  const steps = JSON.parse(readFileSync(timesFile, 'utf8'));
  return { totalSeconds, astroSeconds: steps.astro, pagefindSeconds: steps.searchIndex, serviceWorkerSeconds: steps.serviceWorker, stolenShare: stolen() };
}

/** The machine's CPU counters (Linux, /proc/stat): all time, and time "stolen" (spent on other guests of a shared host). */
function cpuCounters() {
  const line = existsSync('/proc/stat') ? readFileSync('/proc/stat', 'utf8').split('\n')[0] : '';
  const ticks = line.split(/\s+/).slice(1, 9).map(Number);
  return ticks.length === 8 && ticks.every(Number.isFinite) ? { all: ticks.reduce((a, b) => a + b, 0), stolen: ticks[7] } : undefined;
}

/**
 * From now, the share of the machine's CPU time its host gave to others (0 to 1; undefined where
 * not known): a build slowed by a busy host says so, instead of passing for a slow build.
 */
function cpuStolenSince() {
  const before = cpuCounters();
  return () => {
    const after = cpuCounters();
    return before && after && after.all > before.all ? (after.stolen - before.stolen) / (after.all - before.all) : undefined;
  };
}

function countPages(dir) {
  let n = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (name.endsWith('.html')) n++;
    }
  };
  walk(dir);
  return n;
}

/** A port no one is listening on, as the system hands it out. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs `fn(origin)` while `command` serves dist/ on a free port (`args(port)`); fails with a clear
 * message if the server exits, never answers, or answers with something other than this build.
 */
async function withServer(name, command, args, fn) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(command, args(port), { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  let exited;
  server.stderr.on('data', (d) => (stderr += d));
  server.on('exit', (code) => (exited = code));
  try {
    const expected = readFileSync(join('dist', 'index.html'), 'utf8');
    let served;
    for (let i = 0; i < 150 && exited === undefined && served === undefined; i++) {
      try {
        const response = await fetch(`${origin}${basePathFromEnv()}`);
        if (response.ok) served = await response.text();
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    if (exited !== undefined) throw new Error(`${name} exited (code ${exited}) before serving on port ${port}:\n${stderr.trim()}`);
    if (served === undefined) throw new Error(`${name} did not answer on port ${port} within 30 s.`);
    if (served !== expected) throw new Error(`What answers on port ${port} is not this build's dist/ (another server?).`);
    return await fn(origin);
  } finally {
    try {
      process.kill(-server.pid);
    } catch {}
  }
}

/** Runs `fn(origin)` while the bench's own server serves dist/ (compressed, every byte counted). */
async function withBenchServer(fn) {
  const site = await listen(createSiteServer({ compress: true, onSent: (sent) => traffic.listener?.(sent) }), 0);
  try {
    return await fn(site.origin);
  } finally {
    await site.close();
  }
}

async function measureBytes(origin, types, traffic) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => f !== '--headless=new') });
  const rows = [];
  for (const [type, path] of types) {
    // The service worker's background download of the offline copy is not the page's first load
    // (it is reported separately, as results.offline).
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const fetched = [];
    page.on('response', async (response) => {
      if (!response.url().startsWith(origin)) return;
      try {
        const body = await response.body();
        fetched.push({ url: response.url(), type: response.request().resourceType(), raw: body.length, gzip: gzipSync(body).length, phase: phase.now });
      } catch {}
    });
    const phase = { now: 'load' };
    const sent = [];
    traffic.listener = (s) => sent.push(s);
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    // What had to arrive before the first render: the document and the stylesheets Chromium
    // reports as render-blocking (Resource Timing's renderBlockingStatus), counted as the server
    // sent them: compressed, headers included.
    const blocking = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => e.renderBlockingStatus === 'blocking').map((e) => new URL(e.name).pathname),
    );
    const wire = (p) => sent.filter((s) => s.path === p).reduce((total, s) => total + s.wireBytes, 0);
    const documentWire = wire(new URL(`${origin}${path}`).pathname);
    const blockingWire = blocking.reduce((total, p) => total + wire(p), 0);
    phase.now = 'scroll';
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    traffic.listener = undefined;
    // Every figure as the server sent it: compressed, headers included (each file is fetched once per fresh context).
    for (const f of fetched) f.gzip = wire(new URL(f.url).pathname) || f.gzip;
    const sum = (filter, key) => fetched.filter(filter).reduce((total, f) => total + f[key], 0);
    const onLoad = (kind) => (f) => f.phase === 'load' && (kind === 'other' ? !['document', 'stylesheet', 'script'].includes(f.type) : f.type === kind);
    rows.push({
      type,
      path,
      html: { raw: sum(onLoad('document'), 'raw'), gzip: sum(onLoad('document'), 'gzip') },
      css: { raw: sum(onLoad('stylesheet'), 'raw'), gzip: sum(onLoad('stylesheet'), 'gzip') },
      js: { raw: sum(onLoad('script'), 'raw'), gzip: sum(onLoad('script'), 'gzip') },
      other: { raw: sum(onLoad('other'), 'raw'), gzip: sum(onLoad('other'), 'gzip') },
      firstLoadGzip: sum((f) => f.phase === 'load', 'gzip'),
      jsAfterScrollGzip: sum((f) => f.type === 'script', 'gzip'),
      requests: fetched.filter((f) => f.phase === 'load').length,
      beforeRender: { document: documentWire, blocking: blocking, blockingBytes: blockingWire, total: documentWire + blockingWire },
    });
    await context.close();
  }
  await browser.close();
  return rows;
}

/**
 * How many times Lighthouse measures each page (--lighthouse-runs N): a single run's TBT varies by
 * hundreds of milliseconds on this machine, and a median of 3 still moved by as much between runs.
 */
const LIGHTHOUSE_RUNS = runsOption('--lighthouse-runs', 5);

/** Each page LIGHTHOUSE_RUNS times, in turn (so a slow moment of the machine hits one run of a page, not all); each figure the median of its runs. */
async function runLighthouse(origin, types) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const runs = new Map(types.map(([type]) => [type, []]));
  try {
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      for (const [type, path] of types) {
        const result = await lighthouse(`${origin}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const { categories, audits } = result.lhr;
        runs.get(type).push({
          performance: Math.round(categories.performance.score * 100),
          accessibility: Math.round(categories.accessibility.score * 100),
          bestPractices: Math.round(categories['best-practices'].score * 100),
          seo: Math.round(categories.seo.score * 100),
          fcpMs: Math.round(audits['first-contentful-paint'].numericValue),
          lcpMs: Math.round(audits['largest-contentful-paint'].numericValue),
          tbtMs: Math.round(audits['total-blocking-time'].numericValue),
          cls: Number(audits['cumulative-layout-shift'].numericValue.toFixed(3)),
          // Lighthouse's own measure of the machine's speed, taken before each run (higher is faster;
          // it warns below 1000): TBT is the page's main-thread work as this machine ran it, times 4.
          benchmarkIndex: Math.round(result.lhr.environment.benchmarkIndex),
        });
      }
    }
  } finally {
    await chrome.kill();
  }
  return types.map(([type, path]) => {
    const all = runs.get(type);
    const of = (key) => median(all.map((r) => r[key]));
    return {
      type,
      path,
      runs: all.length,
      performance: Math.round(of('performance')),
      accessibility: Math.round(of('accessibility')),
      bestPractices: Math.round(of('bestPractices')),
      seo: Math.round(of('seo')),
      fcpMs: Math.round(of('fcpMs')),
      lcpMs: Math.round(of('lcpMs')),
      tbtMs: Math.round(of('tbtMs')),
      tbtRangeMs: [Math.min(...all.map((r) => r.tbtMs)), Math.max(...all.map((r) => r.tbtMs))],
      cls: of('cls'),
      benchmarkIndex: Math.round(of('benchmarkIndex')),
      benchmarkIndexRange: [Math.min(...all.map((r) => r.benchmarkIndex)), Math.max(...all.map((r) => r.benchmarkIndex))],
    };
  });
}

/** What the service worker precaches: every file listed in its manifest, raw and gzip. */
function offlineCopySize() {
  const sw = readFileSync('dist/sw.js', 'utf8');
  // Workbox writes the manifest as JSON ("url":"/…") or as a JS literal (url:"/…"), by version.
  const urls = [...sw.matchAll(/"?url"?:"([^"]+)"/g)].map((m) => m[1]);
  if (urls.length === 0) {
    console.warn('bench: no precache manifest found in dist/sw.js, so the offline copy is not measured.');
    return undefined;
  }
  const base = basePathFromEnv();
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const file = join('dist', withoutBase(url, base));
    const body = readFileSync(existsSync(file) && !file.endsWith('/') ? file : join(file, 'index.html'));
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: urls.length, raw, gzip };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok) => (ok ? 'met' : 'NOT MET');

async function main() {
  const results = { date: new Date().toISOString(), node: process.version, parts: [...run] };

  if (run.has('build') || run.has('scaling')) {
    console.log(`Building, cold, ${BUILD_RUNS} times (npm run build: scripts/build.mjs)…`);
    const runs = Array.from({ length: BUILD_RUNS }, () => coldBuild());
    const middle = [...runs].sort((a, b) => a.totalSeconds - b.totalSeconds)[Math.floor((runs.length - 1) / 2)];
    results.build = {
      ...middle,
      totalSeconds: median(runs.map((r) => r.totalSeconds)),
      runs: runs.map((r) => Number(r.totalSeconds.toFixed(2))),
      stolenShares: runs.map((r) => (r.stolenShare === undefined ? null : Number(r.stolenShare.toFixed(3)))),
      pages: countPages('dist'),
    };
    results.offline = offlineCopySize();
  } else if (!existsSync(join('dist', 'index.html'))) {
    throw new Error('No dist/ to measure: run `npm run build` first, or include build in --only.');
  }

  const types = PAGE_TYPES.filter(([, path]) => existsSync(join('dist', path, 'index.html')));
  if (run.has('pages') || run.has('search')) {
    await withBenchServer(async (origin) => {
      if (run.has('pages')) {
        console.log('Measuring first-load bytes…');
        results.pages = await measureBytes(origin, types, traffic);
      }
      if (run.has('search')) {
        console.log('Measuring search…');
        results.search = await searchFigures(origin, CHROMIUM, FLAGS, traffic);
      }
    });
  }
  if (run.has('lighthouse')) {
    console.log('Running Lighthouse (mobile) against astro preview…');
    const args = (port) => ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1'];
    results.lighthouse = await withServer('astro preview', 'npx', args, (origin) => runLighthouse(origin, types));
  }

  if (run.has('scaling')) {
    console.log('Scaling: building with the content multiplied ten times…');
    mkdirSync('bench/tmp', { recursive: true });
    multiplyContent(process.env.CONTENT_DIR || 'content', 'bench/tmp/content', 10);
    const tenTimes = coldBuild({ outDir: 'bench/tmp/dist', env: { CONTENT_DIR: 'bench/tmp/content' } });
    results.scaling = { factor: 10, ...tenTimes, pages: countPages('bench/tmp/dist'), ratio: tenTimes.totalSeconds / results.build.totalSeconds };
    rmSync('bench/tmp', { recursive: true, force: true });
  }

  results.budgets = budgetsOf(results).map(([budget, measured, met]) => ({ budget, measured, met }));
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  report(results);
}

/** Budgets (README, "Performance"), for the parts measured. */
function budgetsOf(results) {
  const budgets = [];
  if (results.pages) {
    const byType = Object.fromEntries(results.pages.map((p) => [p.type, p]));
    // The search page opens search on arrival, so the "before search is opened" budget does not apply to it.
    budgets.push(
      ...results.pages
        .filter((p) => CONTENT_TYPES.has(p.type))
        .map((p) => [`${p.type}: JS on first load ≤ 2 KB gzip (search opener only)`, kb(p.js.gzip), p.js.gzip <= 2048]),
      ...results.pages
        .filter((p) => CONTENT_TYPES.has(p.type))
        .map((p) => [`${p.type}: document + render-blocking CSS ≤ 14 KB (one TCP initial window)`, kb(p.beforeRender.total), p.beforeRender.total <= FIRST_ROUND_TRIP_BYTES]),
      ...['KSB', 'duty'].filter((t) => byType[t]).map((t) => [`${t} page first load ≤ 26 KB gzip`, kb(byType[t].firstLoadGzip), byType[t].firstLoadGzip <= 26 * 1024]),
      ...results.pages
        .filter((p) => p.type !== 'search')
        .map((p) => [`${p.type}: first load ≤ 60 KB gzip before search is opened`, kb(p.firstLoadGzip), p.firstLoadGzip <= 60 * 1024]),
    );
  }
  if (results.build) {
    const msPerPage = (results.build.totalSeconds * 1000) / results.build.pages;
    budgets.push(
      ['whole build ≤ 30 s', `${results.build.totalSeconds.toFixed(1)} s`, results.build.totalSeconds <= 30],
      // Astro Starlight built from the same content, on the same machine: 72 ms a page.
      ['whole build ≤ 72 ms a page (Starlight)', `${Math.round(msPerPage)} ms`, msPerPage <= 72],
    );
  }
  for (const l of results.lighthouse ?? []) {
    budgets.push([`${l.type}: Lighthouse performance ≥ 98, TBT ≤ 100 ms`, `${l.performance} (TBT ${l.tbtMs} ms)`, l.performance >= 98 && l.tbtMs <= 100]);
    budgets.push([`${l.type}: accessibility, best practices, SEO = 100`, `${l.accessibility} / ${l.bestPractices} / ${l.seo}`, l.accessibility === 100 && l.bestPractices === 100 && l.seo === 100]);
  }
  if (results.scaling) budgets.push(['ten-times build ≤ 10 × the build time', `${results.scaling.ratio.toFixed(2)} ×`, results.scaling.ratio <= 10]);
  const s = results.search;
  if (s) {
    budgets.push(
      ['search loads nothing before it is opened', kb(s.bytesBeforeOpen), s.bytesBeforeOpen === 0],
      [`search: opening to first results (${s.toResultsShown.shown} shown) ≤ 100 KB`, kb(s.toResultsShown.bytes), s.toResultsShown.bytes <= 100 * 1024],
      ['search: keystroke to first result, fresh page, typed ≤ 150 ms (median)', `${s.freshTypedMedianMs} ms`, s.freshTypedMedianMs <= 150],
      ['search: keystroke to first result, fresh page, pasted as it opens ≤ 150 ms (median)', `${s.freshPastedMedianMs} ms`, s.freshPastedMedianMs <= 150],
      ['search: keystroke to first result, once loaded ≤ 50 ms (median)', `${s.loadedMedianMs} ms`, s.loadedMedianMs <= 50],
    );
  }
  return budgets;
}

/** " (the host took 12% of the CPU)", when it took any measurable share. @param {number | null | undefined} share */
const stolenNote = (share) => (share && share >= 0.005 ? ` (the host took ${Math.round(share * 100)}% of the CPU)` : '');

function report(results) {
  const { build, offline, scaling, pages, search: s, lighthouse: lh } = results;
  if (build)
    console.log(
      `\nBuild (cold, whole process, median of ${build.runs.length}: ${build.runs.map((r, i) => `${r.toFixed(1)} s${stolenNote(build.stolenShares[i])}`).join(', ')}): ${build.totalSeconds.toFixed(1)} s, ${build.pages} pages; in the median run Astro ${build.astroSeconds.toFixed(1)} s, Pagefind ${build.pagefindSeconds.toFixed(1)} s, service worker ${build.serviceWorkerSeconds.toFixed(1)} s`,
    );
  if (offline) console.log(`Offline copy (downloaded by the service worker after the first visit): ${offline.files} files, ${mb(offline.raw)} (${mb(offline.gzip)} gzip)`);
  if (scaling) console.log(`Ten times the content: ${scaling.totalSeconds.toFixed(1)} s for ${scaling.pages} pages, Astro ${scaling.astroSeconds.toFixed(1)} s (${scaling.ratio.toFixed(2)} × the build time)`);
  if (pages) {
    console.log('\nFirst load (mobile viewport), gzip, as the browser fetches it:');
    console.table(pages.map((p) => ({ type: p.type, path: p.path, HTML: `${kb(p.html.raw)} / ${kb(p.html.gzip)}`, CSS: `${kb(p.css.raw)} / ${kb(p.css.gzip)}`, JS: `${kb(p.js.raw)} / ${kb(p.js.gzip)}`, 'total gzip': kb(p.firstLoadGzip), 'JS after scroll': kb(p.jsAfterScrollGzip), requests: p.requests })));
    console.log('\nBefore the first render (one TCP initial window is about 14 KB): the document and its render-blocking stylesheets, gzip, headers included, as the server sent them:');
    console.table(pages.map((p) => ({ type: p.type, document: kb(p.beforeRender.document), 'render-blocking CSS': `${kb(p.beforeRender.blockingBytes)} (${p.beforeRender.blocking.length} files)`, total: kb(p.beforeRender.total) })));
  }
  if (s) {
    console.log(`\nSearch, on ${s.page}, every byte the browser fetched (compressed, headers included):`);
    console.log(`  before opening: ${kb(s.bytesBeforeOpen)} of search code or index`);
    console.log(`  opening, "${s.query}", first result shown: ${kb(s.toFirstResult.bytes)} in ${s.toFirstResult.requests} requests (bodies ${kb(s.toFirstResult.bodyBytes)})`);
    console.log(`  opening, "${s.query}", ${s.toResultsShown.shown} results shown: ${kb(s.toResultsShown.bytes)} in ${s.toResultsShown.requests} requests (bodies ${kb(s.toResultsShown.bodyBytes)})`);
    console.table(s.toResultsShown.fetched.map((f) => ({ path: f.path, bytes: f.bytes })));
    console.log(`  opening, "${s.query}" typed at 100 ms a key, by its first result: ${kb(s.typedToFirstResult.bytes)} in ${s.typedToFirstResult.requests} requests`);
    console.log(`  last keystroke to first result, median over ${s.queries} queries (slowest):`);
    console.log(`    fresh page, typed at 100 ms a key: ${s.freshTypedMedianMs} ms (${s.freshTypedSlowestMs}); fresh page, pasted as search opens: ${s.freshPastedMedianMs} ms (${s.freshPastedSlowestMs}); search loaded: ${s.loadedMedianMs} ms (${s.loadedSlowestMs})`);
  }
  if (lh) {
    console.log(`\nLighthouse (mobile), the median of ${lh[0]?.runs ?? 0} run(s) of each page:`);
    console.table(lh.map((l) => ({ type: l.type, perf: l.performance, a11y: l.accessibility, 'best pr.': l.bestPractices, seo: l.seo, 'FCP ms': l.fcpMs, 'LCP ms': l.lcpMs, 'TBT ms': l.tbtMs, 'TBT range': `${l.tbtRangeMs[0]}–${l.tbtRangeMs[1]}`, CLS: l.cls, 'CPU index': l.benchmarkIndex })));
    const indexes = lh.flatMap((l) => l.benchmarkIndexRange);
    console.log(`Lighthouse's CPU benchmark index over these runs: ${Math.min(...indexes)}–${Math.max(...indexes)} (higher is faster; Lighthouse warns of a slow machine below 1000)`);
  }
  console.log('\nBudgets:');
  console.table(results.budgets.map((b) => ({ budget: b.budget, measured: b.measured, result: mark(b.met) })));
  console.log('Figures written to bench/results.json');
}

main().catch((error) => {
  console.error(error instanceof Error ? `bench: ${error.message}` : error);
  process.exit(1);
});
