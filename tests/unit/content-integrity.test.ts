/**
 * Bad content fails the build with a message naming the file, the record and the field. Each test
 * copies the real content to a temporary folder, breaks one thing, and loads it with the same
 * function the build uses.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAllContent } from '../../src/lib/content/authored-content';
import { ContentError, formatProblem } from '../../src/lib/content/problems';
import { loadStandardContent } from '../../src/lib/content/standard-content';

let root: string;

/** A copy of content/ (official text only) inside a temporary project root. */
function copyContent(): string {
  root = mkdtempSync(join(tmpdir(), 'st1398-content-'));
  for (const part of ['standard', 'epa', 'sources.yaml', 'eligibility.yaml', 'rules.yaml']) cpSync(join('content', part), join(root, 'content', part), { recursive: true });
  return root;
}
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

function edit(relPath: string, change: (text: string) => string) {
  const file = join(root, 'content', relPath);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit to ${relPath} changed nothing`);
  writeFileSync(file, after);
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}
const loadCopy = () => problemsOf(() => loadStandardContent('content', root));

describe('content that is right', () => {
  it('loads without problems', () => {
    copyContent();
    expect(loadCopy()).toEqual([]);
  });
});

describe('content that is wrong fails, naming file, record and field', () => {
  it('an unknown KSB code in a duty', () => {
    copyContent();
    edit('standard/duties.yaml', (t) => t.replace('ksbs: [K28, K29, S31, B1, B2, B5]', 'ksbs: [K28, K29, S31, B1, B2, B9]'));
    expect(loadCopy()).toContain('content/standard/duties.yaml › 9 › ksbs[5]: unknown KSB code "B9" (not in content/standard/ksbs.yaml)');
  });

  it('a duplicate KSB code', () => {
    copyContent();
    edit('standard/ksbs.yaml', (t) => t.replace('- code: K8\n', '- code: K7\n'));
    const problems = loadCopy();
    expect(problems).toContain('content/standard/ksbs.yaml › K7 › code: duplicate code "K7"');
  });

  it('a KSB cited by a criterion outside its theme', () => {
    copyContent();
    edit('epa/criteria.yaml', (t) => t.replace('  text: Outlines the stages of the machine learning lifecycle.\n  ksbs: [K2]', '  text: Outlines the stages of the machine learning lifecycle.\n  ksbs: [K2, S9]'));
    expect(loadCopy()).toContain(
      'content/epa/criteria.yaml › am1-model-scoping-pass-1 › ksbs[1]: S9 is not a KSB of theme am1-model-scoping (K2, K3, K6, K7, S2, S4, S21)',
    );
  });

  it('a KSB in no theme', () => {
    copyContent();
    edit('epa/themes.yaml', (t) => t.replace('ksbs: [K28, S31, B1]', 'ksbs: [K28, S31]'));
    expect(loadCopy()).toContain('content/standard/ksbs.yaml › B1: B1 is assessed by no theme in content/epa/themes.yaml');
  });

  it('a KSB in two themes', () => {
    copyContent();
    edit('epa/themes.yaml', (t) => t.replace('ksbs: [K28, S31, B1]', 'ksbs: [K28, S31, B1, K2]'));
    expect(loadCopy()).toContain(
      'content/epa/themes.yaml › am2-continuous-professional-development › ksbs[3]: K2 is already assessed by theme am1-model-scoping; a KSB belongs to exactly one theme',
    );
  });

  it('a KSB listed under no duty', () => {
    copyContent();
    edit('standard/duties.yaml', (t) => t.replace('ksbs: [K28, K29, S31, B1, B2, B5]', 'ksbs: [K29, S31, B1, B2, B5]'));
    expect(loadCopy()).toContain('content/standard/ksbs.yaml › K28: K28 is listed under no duty in content/standard/duties.yaml');
  });

  it('a missing field', () => {
    copyContent();
    edit('epa/criteria.yaml', (t) => t.replace('- id: am1-model-scoping-pass-3\n  theme: am1-model-scoping\n  grade: pass\n', '- id: am1-model-scoping-pass-3\n  theme: am1-model-scoping\n'));
    expect(loadCopy()).toContain('content/epa/criteria.yaml › am1-model-scoping-pass-3 › grade: is required but missing');
  });

  it('a misspelt field name', () => {
    copyContent();
    edit('standard/ksbs.yaml', (t) => t.replace('- code: S24\n  statement:', '- code: S24\n  statment:'));
    const problems = loadCopy();
    expect(problems).toContain('content/standard/ksbs.yaml › S24 › statement: is required but missing');
    expect(problems).toContain('content/standard/ksbs.yaml › S24: has unknown field "statment" (a typo?)');
  });

  it('an unknown theme on a criterion', () => {
    copyContent();
    edit('epa/criteria.yaml', (t) => t.replace('- id: am1-sustainability-pass-1\n  theme: am1-sustainability', '- id: am1-sustainability-pass-1\n  theme: am1-sustainabilty'));
    expect(loadCopy()).toContain('content/epa/criteria.yaml › am1-sustainability-pass-1 › theme: unknown theme "am1-sustainabilty" (not in content/epa/themes.yaml)');
  });

  it('invalid YAML', () => {
    copyContent();
    edit('epa/themes.yaml', (t) => t.replace('  name: Sustainability\n', '  name: [Sustainability\n'));
    expect(loadCopy().some((p) => p.startsWith('content/epa/themes.yaml: is not valid YAML (line'))).toBe(true);
  });

  it('a grading matrix that leaves a pair of grades undecided', () => {
    copyContent();
    edit('epa/grading.yaml', (t) => t.replace('  - { am1: Distinction, am2: Pass, overall: Merit }\n', ''));
    expect(loadCopy()).toContain('content/epa/grading.yaml › matrix: no row gives the overall grade for AM1 Distinction with AM2 Pass');
  });

  it('an unacknowledged cross-theme citation (the real K25 case, without its acknowledgement)', () => {
    copyContent();
    edit('epa/criteria.yaml', (t) => t.replace(/\n {2}# The specification cites K25[^\n]*\n[^\n]*\n {2}citesOutsideTheme: \[K25\]/, ''));
    expect(loadCopy()).toContain(
      'content/epa/criteria.yaml › am2-compliance-and-assurance-pass-2 › ksbs[0]: K25 is not a KSB of theme am2-compliance-and-assurance (K24, K26, K27, S32, B4)',
    );
  });

  it('reports every problem at once, not just the first', () => {
    copyContent();
    edit('standard/duties.yaml', (t) => t.replace('ksbs: [K28, K29, S31, B1, B2, B5]', 'ksbs: [K28, K29, S31, B1, B2, B9]'));
    edit('epa/themes.yaml', (t) => t.replace('ksbs: [K28, S31, B1]', 'ksbs: [K28, S31, B1, K2]'));
    expect(loadCopy().length).toBeGreaterThanOrEqual(2);
  });
});

describe('authored material that is wrong fails too', () => {
  function withAuthored(files: Record<string, string>) {
    copyContent();
    for (const [rel, text] of Object.entries(files)) {
      const file = join(root, 'content', rel);
      cpSync(join('content', 'sources.yaml'), file); // creates parent folders
      writeFileSync(file, text);
    }
    return problemsOf(() => loadAllContent('content', root));
  }
  const question = (over: string) => `- id: k7-metric
  ksbs: [K7]
  type: single
  difficulty: 2
  question: Which metric?
  options:
    - { text: Accuracy, why: Misleading with imbalance. }
    - { text: Recall at the operating threshold, correct: true, why: Matches the need. }
    - { text: Log loss, why: Not what the manager acts on. }
  explanation: Choose metrics from the business need.
  tests: { phrase: performance metrics }
${over}`;

  it('a question citing an unknown KSB', () => {
    const problems = withAuthored({ 'questions/k7.yaml': question('').replace('ksbs: [K7]', 'ksbs: [K7, S99]') });
    expect(problems).toContain('content/questions/k7.yaml › k7-metric › ksbs[1]: unknown KSB code "S99"');
  });

  it('a single-answer question with two correct options', () => {
    const problems = withAuthored({ 'questions/k7.yaml': question('').replace('{ text: Log loss,', '{ text: Log loss, correct: true,') });
    expect(problems).toContain('content/questions/k7.yaml › k7-metric › options: a single-answer question has exactly one correct option (found 2)');
  });

  it('a question file named after no KSB', () => {
    const problems = withAuthored({ 'questions/k99.yaml': question('').replace(/k7-/g, 'k99-').replace('[K7]', '[K99]') });
    expect(problems).toContain('content/questions/k99.yaml: file name must be a KSB code in lower case, such as k7.yaml');
  });

  it('a practice prompt for a criterion that does not exist', () => {
    const problems = withAuthored({ 'practice/prompts.yaml': '- id: p1\n  criterion: am2-made-up-pass-1\n  prompt: Tell me about it.\n' });
    expect(problems).toContain('content/practice/prompts.yaml › p1 › criterion: unknown criterion "am2-made-up-pass-1" (not in content/epa/criteria.yaml)');
  });

  it('a note that uses a glossary term that does not exist, and lacks a section', () => {
    const body = `---
ksb: K7
summary: Metrics.
keywords: [a, b, c]
terms: [no-such-term]
related: [S2]
furtherReading: [{ title: A book, publisher: A publisher }]
---

## In plain English

${'word '.repeat(320)}

## Pitfalls

- one
`;
    const problems = withAuthored({ 'notes/k7.mdx': body });
    expect(problems).toContain('content/notes/k7.mdx › terms[0]: no glossary entry content/glossary/no-such-term.yaml');
    expect(problems.some((p) => p.startsWith('content/notes/k7.mdx › body: must have exactly the sections'))).toBe(true);
  });
});
