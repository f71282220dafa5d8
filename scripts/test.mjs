#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in order: build (site and search index), type check, unit and
 * content tests, built-site tests, then browser tests in the system Chromium. Every step runs even
 * when an earlier one failed (except that site and browser tests need a build), so one run shows
 * everything that is wrong. Ends with one line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { summarise } from './test-summary.mjs';

mkdirSync('reports', { recursive: true });
for (const f of ['reports/vitest.json', 'reports/playwright.json', 'reports/steps.json']) rmSync(f, { force: true });

const steps = [];
function run(name, command, args, env = {}) {
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  return ok;
}

const npx = 'npx';
const built = run('build', 'npm', ['run', 'build', '--silent']);
run('type check', npx, ['astro', 'check']);
run('unit and content tests', npx, ['vitest', 'run', '--project', 'unit', '--project', 'content', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest-unit.json']);
if (built && existsSync('dist/index.html')) {
  run('built-site tests', npx, ['vitest', 'run', '--project', 'site', '--reporter=dot', '--reporter=json', '--outputFile.json=reports/vitest-site.json']);
  run('browser tests', npx, ['playwright', 'test']);
} else {
  console.error('\nThe build failed, so the built-site and browser tests cannot run.');
  steps.push({ name: 'built-site and browser tests (skipped: no build)', ok: false, seconds: 0 });
}

const { passed, failed, lines } = summarise(steps);
console.log(`\n━━ Summary\n${lines.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
