#!/usr/bin/env node
/**
 * Prints the closing line of the last `npm test` ("N passed, N failed") from reports/steps.json,
 * which that run wrote after deleting every older report. Used by .ci/run. Without the file (the
 * run crashed before its end) it prints a failure; so it does with `--since <epoch ms>` (when the
 * run began) and a file older than that, which an earlier run left.
 */
import { readFileSync, statSync } from 'node:fs';

const FILE = 'reports/steps.json';
const at = process.argv.indexOf('--since');
const since = at === -1 ? undefined : Number(process.argv[at + 1]);

/** The saved totals, or why there are none from this run. @returns {{ passed: number, failed: number } | string} */
function summary() {
  if (since !== undefined && !Number.isFinite(since)) return '--since needs the run\'s start in epoch milliseconds';
  let saved;
  try {
    saved = JSON.parse(readFileSync(FILE, 'utf8'));
  } catch {
    return 'npm test wrote no summary';
  }
  // A second's slack: some file systems keep mtimes to the second.
  if (since !== undefined && statSync(FILE).mtimeMs < since - 1000) return `${FILE} is from an earlier run`;
  return saved;
}

const result = summary();
console.log(typeof result === 'string' ? `0 passed, 1 failed (${result})` : `${result.passed} passed, ${result.failed} failed`);
