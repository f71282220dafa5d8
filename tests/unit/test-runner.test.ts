/**
 * The test runner counts only what ran in this run: a suite that crashes, writes no report or
 * leaves an old one makes `npm test` fail and names the suite.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outcomeOf, runSteps } from '../../scripts/test-runner.mjs';

const node = process.execPath;
/** A step that runs a line of JavaScript in Node, in the run's folder. */
const js = (name: string, code: string, report?: { file: string; format: 'vitest' | 'playwright' }) => ({ name, command: node, args: ['-e', code], ...(report ? { report } : {}) });
const vitestReport = (file: string, passed: number, failed: number) =>
  `require('fs').writeFileSync(${JSON.stringify(file)}, JSON.stringify({ numPassedTests: ${passed}, numFailedTests: ${failed}, numRuntimeErrors: 0 }))`;

function inTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return fn(dir);
  } finally {
    process.chdir(cwd);
  }
}

describe('the test runner', () => {
  it('counts the tests in the reports written by this run', () => {
    const result = inTempDir(() =>
      runSteps([js('build', 'process.exit(0)'), js('unit', vitestReport('reports/u.json', 5, 0), { file: 'reports/u.json', format: 'vitest' })], { log: () => {} }),
    );
    expect([result.passed, result.failed]).toEqual([6, 0]);
  });

  it('fails a suite that crashes without a report, and names it', () => {
    const result = inTempDir(() =>
      runSteps([js('unit and content tests', 'process.exit(3)', { file: 'reports/u.json', format: 'vitest' })], { log: () => {} }),
    );
    expect(result.failed).toBe(1);
    expect(result.lines[0]).toMatch(/^✗ unit and content tests: 0 passed, 1 failed \(wrote no report/);
  });

  it('never counts an earlier run’s report: reports are deleted before the run', () => {
    const result = inTempDir(() => {
      mkdirSync('reports');
      writeFileSync('reports/u.json', JSON.stringify({ numPassedTests: 400, numFailedTests: 0 }));
      return runSteps([js('unit', 'process.exit(0)', { file: 'reports/u.json', format: 'vitest' })], { log: () => {} });
    });
    expect([result.passed, result.failed]).toEqual([0, 1]);
  });

  it('treats an error exit with a clean report as a crash', () => {
    const result = inTempDir(() =>
      runSteps([js('site', `${vitestReport('reports/s.json', 7, 0)}; process.exit(1)`, { file: 'reports/s.json', format: 'vitest' })], { log: () => {} }),
    );
    expect([result.passed, result.failed]).toEqual([7, 1]);
    expect(result.lines[0]).toContain('crashed');
  });

  it('rejects a report older than the step', () => {
    expect(outcomeOf({ name: 'x', command: 'x', args: [], report: { file: resolve('package.json'), format: 'vitest' } }, 0, Date.now() + 60_000).failed).toBe(1);
  });

  it('makes npm test exit non-zero and name the crashed suite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-plan-'));
    const plan = join(dir, 'plan.json');
    writeFileSync(
      plan,
      JSON.stringify([
        js('unit and content tests', vitestReport('reports/u.json', 3, 0), { file: 'reports/u.json', format: 'vitest' }),
        js('browser tests', 'throw new Error("boom")', { file: 'reports/playwright.json', format: 'playwright' }),
      ]),
    );
    const run = spawnSync(node, [resolve('scripts/test.mjs')], { cwd: dir, env: { ...process.env, TEST_PLAN: plan }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/✗ browser tests: 0 passed, 1 failed \(wrote no report/);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('3 passed, 1 failed');
    const summary = spawnSync(node, [resolve('scripts/test-summary.mjs')], { cwd: dir, encoding: 'utf8' });
    expect(summary.stdout.trim()).toBe('3 passed, 1 failed');
  });

  it('leaves no earlier summary behind when npm test dies before its runner starts', () => {
    // scripts/test.mjs beside a runner that cannot load: the run dies at its imports.
    const dir = mkdtempSync(join(tmpdir(), 'runner-broken-'));
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'reports'));
    copyFileSync(resolve('scripts/test.mjs'), join(dir, 'scripts/test.mjs'));
    writeFileSync(join(dir, 'scripts/test-runner.mjs'), 'this is not JavaScript (');
    writeFileSync(join(dir, 'reports/steps.json'), JSON.stringify({ steps: [], passed: 900, failed: 0 }));
    const run = spawnSync(node, ['scripts/test.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(existsSync(join(dir, 'reports/steps.json'))).toBe(false);
    const summary = spawnSync(node, [resolve('scripts/test-summary.mjs')], { cwd: dir, encoding: 'utf8' });
    expect(summary.stdout.trim()).toBe('0 passed, 1 failed (npm test wrote no summary)');
  });

  it('refuses a summary older than the run it is asked about (test-summary --since)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-summary-'));
    mkdirSync(join(dir, 'reports'));
    const file = join(dir, 'reports/steps.json');
    writeFileSync(file, JSON.stringify({ steps: [], passed: 900, failed: 0 }));
    const summary = (...args: string[]) => spawnSync(node, [resolve('scripts/test-summary.mjs'), ...args], { cwd: dir, encoding: 'utf8' }).stdout.trim();
    expect(summary('--since', String(Date.now() - 60_000))).toBe('900 passed, 0 failed');
    utimesSync(file, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    expect(summary('--since', String(Date.now()))).toBe('0 passed, 1 failed (reports/steps.json is from an earlier run)');
    expect(summary('--since')).toMatch(/^0 passed, 1 failed/);
  });

  it('has CI delete the old summary before npm test and ask only for this run’s', () => {
    const ci = readFileSync(resolve('.ci/run'), 'utf8');
    const at = (pattern: RegExp) => ci.split('\n').findIndex((line) => pattern.test(line));
    const test = at(/^npm test\b/);
    expect(at(/^rm -f reports\/steps\.json$/)).toBeGreaterThan(-1);
    expect(at(/^rm -f reports\/steps\.json$/)).toBeLessThan(test);
    expect(at(/^started=\$\(node -p 'Date\.now\(\)'\)$/)).toBeGreaterThan(-1);
    expect(at(/^started=\$\(node -p 'Date\.now\(\)'\)$/)).toBeLessThan(test);
    expect(at(/^node scripts\/test-summary\.mjs --since "\$started"$/)).toBeGreaterThan(test);
  });
});
