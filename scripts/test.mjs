#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in order: build (site and search index), a second build under a
 * sub-path (scripts/deploy-variant.mjs), type check, unit and
 * content tests, built-site tests, then browser tests in the system Chromium. Every step runs even
 * when an earlier one failed (except that site and browser tests need a build), so one run shows
 * everything that is wrong. Ends with one line, "N passed, N failed", counting only this run (see
 * scripts/test-runner.mjs). TEST_PLAN=<file.json> runs the steps listed there instead (used by the
 * runner's own test).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';

// The last run's summary goes first, before any import that could fail: a run that dies here must
// leave no "N passed" behind for scripts/test-summary.mjs to print. Static imports load before
// this line runs, so the project's own modules are imported below, dynamically.
rmSync('reports/steps.json', { force: true });
const { runSteps } = await import('./test-runner.mjs');
const { SUBPATH_VARIANT, subpathOutDir } = await import('./deploy-variant.mjs');
const { basePathEnv } = await import('../src/lib/base-path.mjs');
const { withRolldownEnv } = await import('./build-env.mjs');

// Every step that loads Vite's bundler (the builds, the type check, Vitest, the preview server) runs
// with the build's settings for it (scripts/build-env.mjs); each step inherits this environment.
Object.assign(process.env, withRolldownEnv());

const npx = 'npx';
const built = () => (existsSync('dist/index.html') ? undefined : 'the build failed, so there is no dist/ to test');

const steps = process.env.TEST_PLAN
  ? JSON.parse(readFileSync(process.env.TEST_PLAN, 'utf8'))
  : [
      { name: 'build', command: 'npm', args: ['run', 'build', '--silent'] },
      // The site as a provider hosts it, under a sub-path of their origin (checked by the site tests).
      {
        name: 'sub-path build',
        command: npx,
        args: ['astro', 'build', '--silent', '--outDir', subpathOutDir()],
        env: { SITE_URL: SUBPATH_VARIANT.site, ...basePathEnv(SUBPATH_VARIANT.base) },
      },
      { name: 'type check', command: npx, args: ['astro', 'check'] },
      {
        name: 'unit and content tests',
        command: npx,
        args: ['vitest', 'run', '--project', 'unit', '--project', 'content', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest-unit.json'],
        report: { file: 'reports/vitest-unit.json', format: 'vitest' },
      },
      {
        name: 'built-site tests',
        command: npx,
        args: ['vitest', 'run', '--project', 'site', '--reporter=dot', '--reporter=json', '--outputFile.json=reports/vitest-site.json'],
        report: { file: 'reports/vitest-site.json', format: 'vitest' },
        skipUnless: built,
      },
      { name: 'browser tests', command: npx, args: ['playwright', 'test'], report: { file: 'reports/playwright.json', format: 'playwright' }, skipUnless: built },
    ];

const { passed, failed, lines } = runSteps(steps);
console.log(`\n━━ Summary\n${lines.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
