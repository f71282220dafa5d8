/**
 * The bench's scaling figure builds the site from content multiplied ten times
 * (scripts/bench/multiply-content.mjs). The copy must be content the build accepts: every reference
 * it carries (a question's KSBs and the criterion it tests, a note's KSB, a prompt's criterion)
 * renamed with its copy, or the bench stops at the build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { multiplyContent } from '../../scripts/bench/multiply-content.mjs';
import { loadAllContent } from '../../src/lib/content/authored-content';

/** Reading and checking all of content twice over: seconds on a loaded 2-core machine. */
const SLOW_TEST_MS = 60_000;

const root = mkdtempSync(join(tmpdir(), 'st1398-multiply-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('content multiplied twice is valid content with twice the KSBs, criteria and questions', () => {
  const once = loadAllContent();
  multiplyContent('content', join(root, 'content'), 2);
  const twice = loadAllContent('content', root);
  expect(twice.standard.ksbs).toHaveLength(2 * once.standard.ksbs.length);
  expect(twice.standard.criteria).toHaveLength(2 * once.standard.criteria.length);
  expect(twice.authored.questions.length).toBe(2 * once.authored.questions.length);
  // The second copy's questions test the second copy's criteria.
  const copied = twice.authored.questions.filter((q) => q.tests.criterion?.includes('-x1-'));
  expect(copied.length).toBe(once.authored.questions.filter((q) => q.tests.criterion).length);
}, SLOW_TEST_MS);
