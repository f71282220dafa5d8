/**
 * The rules data is current: every rule and change names its sources and was checked within the
 * last year (content/rules.yaml). When this fails, check each source again and update `checked`.
 */
import { describe, expect, it } from 'vitest';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { todayIso } from '../../src/lib/dates';
import { isCheckDue, RULE_CHECK_MAX_AGE_DAYS } from '../../src/lib/rules';
import { STANDARD_EDITION } from '../../src/lib/site';

const content = loadStandardContent();
const { rules } = content;
const today = todayIso();

describe('content/rules.yaml', () => {
  const records = [
    ...rules.rules.map((r) => ({ what: `rule ${r.id}`, checked: r.checked, sources: r.versions.flatMap((v) => v.sources) })),
    ...rules.changes.map((c) => ({ what: `change ${c.id}`, checked: c.checked, sources: c.sources })),
  ];
  it.each(records)(`$what names its sources and was checked in the last ${RULE_CHECK_MAX_AGE_DAYS} days`, ({ checked, sources }) => {
    expect(sources.length).toBeGreaterThan(0);
    expect(checked <= today, 'checked in the future').toBe(true);
    expect(isCheckDue(checked, today), `checked on ${checked}: check the sources again`).toBe(false);
  });
  it('records the edition of the standard that saved progress names', () => {
    expect(`${rules.edition.standard.reference} v${rules.edition.standard.version}`).toBe(STANDARD_EDITION);
    expect(rules.edition.standard.version).toBe(content.keyFacts.version);
  });
  it('never states a number of off-the-job hours for ST1398 (none is confirmed from an official source)', () => {
    const text = JSON.stringify(rules);
    expect(text).not.toMatch(/\b\d{3,4} (off-the-job )?hours\b/);
  });
});
