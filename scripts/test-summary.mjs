#!/usr/bin/env node
/**
 * Totals from the test reports in reports/: Vitest's JSON reports, Playwright's JSON report and the
 * pass/fail of the steps that are not test runners (build, type check). Run directly, it prints
 * the one-line summary "N passed, N failed" (used by .ci/run).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

function read(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Counts tests in a Playwright JSON report (suites nest; each spec has tests with results). */
function playwrightCounts(report) {
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

/**
 * `steps`: [{ name, ok }] for the run's steps. A step with a test report contributes its test
 * counts; a step without one (build, type check) counts as one test. A runner that failed without
 * any failing test in its report (it crashed) adds one failure, so a crash is never a pass.
 */
export function summarise(steps) {
  let passed = 0;
  let failed = 0;
  const lines = [];
  const add = (name, p, f) => {
    passed += p;
    failed += f;
    lines.push(`${f ? '✗' : '✓'} ${name}: ${p} passed, ${f} failed`);
  };
  for (const step of steps) {
    const report = reportFor(step.name);
    if (report) {
      let { passed: p, failed: f } = report;
      if (!step.ok && f === 0) f = 1;
      add(step.name, p, f);
    } else {
      add(step.name, step.ok ? 1 : 0, step.ok ? 0 : 1);
    }
  }
  writeFileSync('reports/steps.json', JSON.stringify({ steps, passed, failed }, null, 2));
  return { passed, failed, lines };
}

function reportFor(stepName) {
  const vitest = { 'unit and content tests': 'reports/vitest-unit.json', 'built-site tests': 'reports/vitest-site.json' }[stepName];
  if (vitest) {
    const r = read(vitest);
    return r && { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (r.numRuntimeErrors ?? 0) };
  }
  if (stepName === 'browser tests') {
    const r = read('reports/playwright.json');
    return r && playwrightCounts(r);
  }
  return undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const saved = read('reports/steps.json');
  if (saved) console.log(`${saved.passed} passed, ${saved.failed} failed`);
  else console.log('0 passed, 1 failed');
}
