/**
 * Runs test steps in order and counts what ran in this run only: every report is deleted before
 * the run, a step that should write a report and wrote none (or left an old one) fails, and a
 * runner that exits with an error while its report shows no failure counts as a crash. Ends with
 * the line "N passed, N failed". `scripts/test.mjs` (npm test) gives it the real steps.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a JSON file, or undefined when it is missing or not JSON. */
function read(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Counts tests in a Playwright JSON report (suites nest; each spec has tests with results). */
export function playwrightCounts(report) {
  let passed = 0;
  let failed = 0;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'skipped') continue;
        if (test.status === 'expected' || test.status === 'flaky') passed++;
        else failed++;
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  // Errors outside any test (a web server that would not start, say) count as one failure.
  if ((report.errors ?? []).length && passed + failed === 0) failed++;
  return { passed, failed };
}

/** Counts tests in a Vitest JSON report; errors outside tests (a file that fails to load) count as failures. */
export function vitestCounts(report) {
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrors ?? 0) + (report.success === false && !report.numFailedTests ? 1 : 0) };
}

const COUNTERS = { vitest: vitestCounts, playwright: playwrightCounts };

/**
 * @typedef {object} Step
 * @property {string} name
 * @property {string} command
 * @property {string[]} args
 * @property {{ file: string, format: 'vitest' | 'playwright' }} [report] the report the step writes
 * @property {() => string | undefined} [skipUnless] returns why the step cannot run, if it cannot
 * @property {Record<string, string>} [env]
 */

/** One step's outcome: its counts, and a note when something other than a test failed. */
export function outcomeOf(step, status, startedAt) {
  const ok = status === 0;
  if (!step.report) return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, note: ok ? '' : `exited with code ${status}` };
  const file = step.report.file;
  if (!existsSync(file) || statSync(file).mtimeMs < startedAt) {
    return { passed: 0, failed: 1, note: `wrote no report (${file}); it crashed or did not run${ok ? '' : ` (exit code ${status})`}` };
  }
  const report = read(file);
  if (report === undefined) return { passed: 0, failed: 1, note: `wrote an unreadable report (${file})` };
  const { passed, failed } = COUNTERS[step.report.format](report);
  if (!ok && failed === 0) return { passed, failed: 1, note: `exited with code ${status} although its report shows no failing test: it crashed` };
  return { passed, failed, note: '' };
}

/** Runs the steps; returns the totals and one line per step. */
export function runSteps(steps, { reportsDir = 'reports', log = console.log, spawn = spawnSync } = {}) {
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  const results = [];
  for (const step of steps) {
    const cannot = step.skipUnless?.();
    if (cannot) {
      results.push({ name: step.name, passed: 0, failed: 1, note: `did not run: ${cannot}`, seconds: 0 });
      continue;
    }
    log(`\n━━ ${step.name}: ${step.command} ${step.args.join(' ')}`);
    const startedAt = Date.now();
    const result = spawn(step.command, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
    const status = result.status ?? 1;
    results.push({ name: step.name, ...outcomeOf(step, status, startedAt - 1000), seconds: Math.round((Date.now() - startedAt) / 100) / 10 });
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const lines = results.map((r) => `${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ''}`);
  writeFileSync(join(reportsDir, 'steps.json'), JSON.stringify({ steps: results, passed, failed }, null, 2));
  return { passed, failed, lines };
}
