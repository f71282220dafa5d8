/**
 * Rules as they apply now, in the built pages: no page states the specification's 20% without
 * saying to whom it applies; every page that applies a rule shows its sources and check date; the
 * changes page lists every change; the JSON carries the rules with their sources.
 */
import { describe, expect, it } from 'vitest';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { paths } from '../../src/lib/urls';
import { distBuilt, htmlPages, mainOf, readPage, textOf } from '../support/dist';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

const { rules } = loadStandardContent();
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('rules by start date in the built pages', () => {
  const stating = htmlPages().filter((p) => textOf(mainOf(readPage(p))).includes('20%'));
  it('finds the pages that state the 20% rule', () => {
    expect(stating).toEqual(expect.arrayContaining([paths.gateway, paths.eligibilitySection('gateway'), paths.changes]));
  });
  it.each(stating)('%s says to whom 20% applies', (path) => {
    expect(squash(textOf(mainOf(readPage(path))))).toMatch(/started before 1 August 2025/);
  });

  const applying = [paths.gateway, paths.eligibilitySection('gateway'), paths.eligibilitySection('role'), paths.eligibilitySection('english-and-maths'), paths.planner, paths.changes];
  it.each(applying)('%s shows each rule it applies with its sources and check date', (path) => {
    const html = readPage(path);
    const notes = [...html.matchAll(/<section class="rule-note"[^>]*data-rule="([a-z-]+)"[\s\S]*?<\/section>/g)];
    expect(notes.length, 'rule notes').toBeGreaterThan(0);
    for (const [note, id] of notes) {
      const rule = rules.rules.find((r) => r.id === id)!;
      expect(note, id).toContain(`datetime="${rule.checked}"`);
      expect(squash(textOf(note!)), id).toMatch(/Sources: .+\. Checked against them on \d{1,2} \w+ \d{4}\./);
    }
  });

  it('lists every change and every rule on the changes page', () => {
    const html = readPage(paths.changes);
    for (const change of rules.changes) expect(html, change.id).toContain(`id="change-${change.id}"`);
    for (const rule of rules.rules) expect(html, rule.id).toContain(`id="rule-${rule.id}"`);
  });

  it('puts the rules, their sources and the editions in /api/standard.json', () => {
    const json = JSON.parse(readPage(paths.standardJson));
    expect(json.formatVersion).toBe(2);
    expect(json.edition.standard).toMatchObject({ reference: 'ST1398', version: '1.0' });
    expect(json.rules.rules.map((r: { id: string }) => r.id)).toEqual(rules.rules.map((r) => r.id));
    expect(json.rules.rules.every((r: { checked: string }) => /^\d{4}-\d{2}-\d{2}$/.test(r.checked))).toBe(true);
    expect(json.requirements.gateway.minimumMonthsOnProgramme).toBeUndefined();
  });
});

describe('addresses shown to people', () => {
  // The build's origin (SITE_URL, or the local default) belongs only in <head> and machine files.
  it.each(htmlPages())('%s shows no absolute address of this site in its content', (path) => {
    const main = mainOf(readPage(path));
    expect(main).not.toMatch(/https?:\/\/127\.0\.0\.1|https?:\/\/localhost/);
  });
});
