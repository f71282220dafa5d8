#!/usr/bin/env node
/**
 * `npm run bench`: measures the site and prints figures against its budgets (never pass/fail).
 *   1. Build time (Astro and Pagefind separately) and number of pages.
 *   2. Per page type: HTML, CSS and JS bytes (raw and gzip) as the browser fetches them on first
 *      load, and the JS fetched after scrolling to the bottom (islands load when visible).
 *   3. Lighthouse (mobile preset) scores and FCP, LCP, TBT, CLS per page type, served by astro preview.
 *   4. Scaling: the same build with the content multiplied ten times (in bench/tmp/, not committed).
 * Writes bench/results.json and prints a table. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { multiplyContent } from './bench/multiply-content.mjs';
import { searchFigures } from './bench/search.mjs';
import { basePathFromEnv } from '../src/lib/base-path.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PORT = 4399;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const skipLighthouse = process.argv.includes('--no-lighthouse');
const skipScaling = process.argv.includes('--no-scaling');

/** One page of each type; types whose page does not exist yet are left out. */
const PAGE_TYPES = [
  ['home', '/'],
  ['KSB', '/ksbs/k7/'],
  ['duty', '/duties/3/'],
  ['theme', '/epa/am1/model-scoping/'],
  ['EPA overview', '/epa/'],
  ['KSB list', '/ksbs/'],
  ['eligibility', '/eligibility/'],
  ['search', '/search/'],
  ['quiz', '/quiz/'],
  ['progress', '/progress/'],
];

function timed(command, args, env = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  return (performance.now() - started) / 1000;
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

async function withServer(command, args, url, fn) {
  const server = spawn(command, args, { stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    return await fn();
  } finally {
    try {
      process.kill(-server.pid);
    } catch {}
  }
}

async function measureBytes(types) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => f !== '--headless=new') });
  const rows = [];
  for (const [type, path] of types) {
    // The service worker's background download of the offline copy is not the page's first load
    // (it is reported separately, as results.offline).
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const fetched = [];
    page.on('response', async (response) => {
      if (!response.url().startsWith(ORIGIN)) return;
      try {
        const body = await response.body();
        fetched.push({ url: response.url(), type: response.request().resourceType(), raw: body.length, gzip: gzipSync(body).length, phase: phase.now });
      } catch {}
    });
    const phase = { now: 'load' };
    await page.goto(`${ORIGIN}${path}`, { waitUntil: 'networkidle' });
    phase.now = 'scroll';
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
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
    });
    await context.close();
  }
  await browser.close();
  return rows;
}

async function runLighthouse(types) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const rows = [];
  try {
    for (const [type, path] of types) {
      const result = await lighthouse(`${ORIGIN}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const { categories, audits } = result.lhr;
      rows.push({
        type,
        path,
        performance: Math.round(categories.performance.score * 100),
        accessibility: Math.round(categories.accessibility.score * 100),
        bestPractices: Math.round(categories['best-practices'].score * 100),
        seo: Math.round(categories.seo.score * 100),
        fcpMs: Math.round(audits['first-contentful-paint'].numericValue),
        lcpMs: Math.round(audits['largest-contentful-paint'].numericValue),
        tbtMs: Math.round(audits['total-blocking-time'].numericValue),
        cls: Number(audits['cumulative-layout-shift'].numericValue.toFixed(3)),
      });
    }
  } finally {
    await chrome.kill();
  }
  return rows;
}

/** What the service worker precaches: every file listed in its manifest, raw and gzip. */
function offlineCopySize() {
  const sw = readFileSync('dist/sw.js', 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
  const base = basePathFromEnv();
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const file = join('dist', url.slice(base.length));
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
  const results = { date: new Date().toISOString(), node: process.version };

  console.log('Building (Astro)…');
  const astroSeconds = timed('npx', ['astro', 'build']);
  console.log('Indexing (Pagefind)…');
  const pagefindSeconds = timed('npx', ['pagefind', '--site', 'dist']);
  console.log('Generating the service worker (offline copy)…');
  const serviceWorkerSeconds = timed('node', ['scripts/generate-sw.mjs']);
  results.build = {
    astroSeconds,
    pagefindSeconds,
    serviceWorkerSeconds,
    totalSeconds: astroSeconds + pagefindSeconds + serviceWorkerSeconds,
    pages: countPages('dist'),
  };
  results.offline = offlineCopySize();

  const types = PAGE_TYPES.filter(([, path]) => existsSync(join('dist', path, 'index.html')));
  await withServer('node', ['scripts/serve.mjs', '--port', String(PORT)], `${ORIGIN}/`, async () => {
    console.log('Measuring first-load bytes…');
    results.pages = await measureBytes(types);
    console.log('Measuring search…');
    results.search = await searchFigures(ORIGIN, CHROMIUM, FLAGS);
  });
  if (!skipLighthouse) {
    console.log('Running Lighthouse (mobile) against astro preview…');
    results.lighthouse = await withServer('npx', ['astro', 'preview', '--port', String(PORT), '--host', '127.0.0.1', '--force'], `${ORIGIN}/`, () => runLighthouse(types));
  }

  if (!skipScaling) {
    console.log('Scaling: building with the content multiplied ten times…');
    mkdirSync('bench/tmp', { recursive: true });
    multiplyContent(process.env.CONTENT_DIR || 'content', 'bench/tmp/content', 10);
    const seconds = timed('npx', ['astro', 'build', '--outDir', 'bench/tmp/dist'], { CONTENT_DIR: 'bench/tmp/content' });
    results.scaling = { factor: 10, astroSeconds: seconds, pages: countPages('bench/tmp/dist'), ratio: seconds / astroSeconds };
    rmSync('bench/tmp', { recursive: true, force: true });
  }

  // Budgets (README, "Performance").
  const byType = Object.fromEntries(results.pages.map((p) => [p.type, p]));
  // Pages whose point is interaction: their islands are expected to load. The search page opens
  // search on arrival, so the "before search is opened" budget does not apply to it.
  const interactive = new Set(['KSB list', 'eligibility', 'search', 'quiz', 'progress']);
  const budgets = [
    ...results.pages
      .filter((p) => !interactive.has(p.type))
      .map((p) => [`${p.type}: JS on first load ≤ 2 KB gzip (search opener only)`, kb(p.js.gzip), p.js.gzip <= 2048]),
    ...['KSB', 'duty'].filter((t) => byType[t]).map((t) => [`${t} page first load ≤ 26 KB gzip`, kb(byType[t].firstLoadGzip), byType[t].firstLoadGzip <= 26 * 1024]),
    ...results.pages
      .filter((p) => p.type !== 'search')
      .map((p) => [`${p.type}: first load ≤ 60 KB gzip before search is opened`, kb(p.firstLoadGzip), p.firstLoadGzip <= 60 * 1024]),
    ['whole build ≤ 30 s', `${results.build.totalSeconds.toFixed(1)} s`, results.build.totalSeconds <= 30],
  ];
  if (results.lighthouse) {
    for (const l of results.lighthouse) {
      budgets.push([`${l.type}: Lighthouse performance ≥ 98`, String(l.performance), l.performance >= 98]);
      budgets.push([`${l.type}: accessibility, best practices, SEO = 100`, `${l.accessibility} / ${l.bestPractices} / ${l.seo}`, l.accessibility === 100 && l.bestPractices === 100 && l.seo === 100]);
    }
  }
  if (results.scaling) budgets.push(['ten-times build ≤ 10 × the build time', `${results.scaling.ratio.toFixed(2)} ×`, results.scaling.ratio <= 10]);
  if (results.search) {
    budgets.push(['search loads nothing before it is opened', kb(results.search.bytesBeforeOpen), results.search.bytesBeforeOpen === 0]);
  }
  results.budgets = budgets.map(([budget, measured, met]) => ({ budget, measured, met }));

  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

  console.log(`\nBuild: Astro ${astroSeconds.toFixed(1)} s + Pagefind ${pagefindSeconds.toFixed(1)} s + service worker ${serviceWorkerSeconds.toFixed(1)} s = ${results.build.totalSeconds.toFixed(1)} s, ${results.build.pages} pages`);
  console.log(`Offline copy (downloaded by the service worker after the first visit): ${results.offline.files} files, ${mb(results.offline.raw)} (${mb(results.offline.gzip)} gzip)`);
  if (results.scaling) console.log(`Ten times the content: Astro ${results.scaling.astroSeconds.toFixed(1)} s for ${results.scaling.pages} pages (${results.scaling.ratio.toFixed(2)} × the build time)`);
  console.log('\nFirst load (mobile viewport), gzip, as the browser fetches it:');
  console.table(results.pages.map((p) => ({ type: p.type, path: p.path, HTML: `${kb(p.html.raw)} / ${kb(p.html.gzip)}`, CSS: `${kb(p.css.raw)} / ${kb(p.css.gzip)}`, JS: `${kb(p.js.raw)} / ${kb(p.js.gzip)}`, 'total gzip': kb(p.firstLoadGzip), 'JS after scroll': kb(p.jsAfterScrollGzip), requests: p.requests })));
  if (results.search) {
    console.log(`\nSearch: ${kb(results.search.bytesBeforeOpen)} before opening; ${kb(results.search.bytesOnOpenGzip)} gzip fetched on first open and first query, ${kb(results.search.bytesForQueriesGzip)} more for the next ${results.search.queries} queries; keystroke to results median ${results.search.medianMs} ms over ${results.search.queries} queries`);
  }
  if (results.lighthouse) {
    console.log('\nLighthouse (mobile):');
    console.table(results.lighthouse.map((l) => ({ type: l.type, perf: l.performance, a11y: l.accessibility, 'best pr.': l.bestPractices, seo: l.seo, 'FCP ms': l.fcpMs, 'LCP ms': l.lcpMs, 'TBT ms': l.tbtMs, CLS: l.cls })));
  }
  console.log('\nBudgets:');
  console.table(results.budgets.map((b) => ({ budget: b.budget, measured: b.measured, result: mark(b.met) })));
  console.log('Figures written to bench/results.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
