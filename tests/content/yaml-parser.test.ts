/**
 * The build reads content/ with js-yaml (src/lib/content/read.ts, parseYamlText), chosen for speed.
 * Every file there, and every revision note's front matter, must read as the same data as with the
 * `yaml` package (YAML 1.2, the reference this project was written against): a file that the two read
 * differently (a YAML 1.1 date, "yes", an octal) is ambiguous to its authors and must be rewritten.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYamlText, yamlProblem } from '../../src/lib/content/read';

const CONTENT = 'content';
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
const yamlFiles = files(CONTENT).filter((f) => /\.ya?ml$/.test(f));
const frontMatters = files(join(CONTENT, 'notes'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => [f, /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(f, 'utf8'))?.[1] ?? ''] as const);

describe('content/ reads as the same data with either YAML parser', () => {
  it('finds the files to compare', () => {
    expect(yamlFiles.length).toBeGreaterThan(100);
    expect(frontMatters.length).toBe(70);
  });
  it('every YAML file', () => {
    const differing = yamlFiles.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return JSON.stringify(parseYamlText(text)) !== JSON.stringify(parse(text, { uniqueKeys: true }));
    });
    expect(differing).toEqual([]);
  });
  it("every revision note's front matter", () => {
    const differing = frontMatters.filter(([, text]) => JSON.stringify(parseYamlText(text)) !== JSON.stringify(parse(text)));
    expect(differing.map(([f]) => f)).toEqual([]);
  });
});

describe('YAML that does not parse', () => {
  const problem = (text: string, firstLine?: number) => {
    try {
      parseYamlText(text);
    } catch (error) {
      return yamlProblem(error, firstLine);
    }
    return 'parsed';
  };
  it('names the line, counted in the file', () => {
    expect(problem('a: 1\na: 2\n')).toBe('is not valid YAML (line 2): duplicated mapping key');
    expect(problem('a: 1\na: 2\n', 2)).toBe('is not valid YAML (line 3): duplicated mapping key');
    expect(problem('x:\n  - a\n - b\n')).toMatch(/^is not valid YAML \(line 3\): bad indentation/);
  });
  it('keeps dates and "yes" as text, as YAML 1.2 does', () => {
    expect(parseYamlText('checked: 2026-11-30\nanswer: yes\n')).toEqual({ checked: '2026-11-30', answer: 'yes' });
  });
});
