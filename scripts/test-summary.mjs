#!/usr/bin/env node
/**
 * Prints the closing line of the last `npm test` ("N passed, N failed") from reports/steps.json,
 * which that run wrote after deleting every older report. Used by .ci/run. Without the file (the
 * run crashed before its end) it prints a failure.
 */
import { readFileSync } from 'node:fs';

let saved;
try {
  saved = JSON.parse(readFileSync('reports/steps.json', 'utf8'));
} catch {
  saved = undefined;
}
console.log(saved ? `${saved.passed} passed, ${saved.failed} failed` : '0 passed, 1 failed (npm test wrote no summary)');
