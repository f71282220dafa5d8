/**
 * The standard as data: counts, relations, and every quoted word against the source documents.
 */
import { describe, expect, it } from 'vitest';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { createStandard } from '../../src/lib/standard';
import { ruleById } from '../../src/lib/rules';
import {
  appearsInOrderedPieces,
  cleanSpecification,
  normaliseSpace,
  readSeed,
  seedsPresent,
} from '../support/seeds';

const content = loadStandardContent();
const standard = createStandard(content);

describe('the standard has everything, once', () => {
  it('has 9 duties numbered 1 to 9', () => {
    expect(standard.duties.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('has K1–K31, S1–S34 and B1–B5: 70 KSBs', () => {
    const range = (letter: string, n: number) => Array.from({ length: n }, (_, i) => `${letter}${i + 1}`);
    expect(standard.ksbs.map((k) => k.code)).toEqual([...range('K', 31), ...range('S', 34), ...range('B', 5)]);
    expect(standard.ksbs.filter((k) => k.kind === 'knowledge')).toHaveLength(31);
    expect(standard.ksbs.filter((k) => k.kind === 'skill')).toHaveLength(34);
    expect(standard.ksbs.filter((k) => k.kind === 'behaviour')).toHaveLength(5);
  });

  it('has 11 themes: 5 in AM1 and 6 in AM2, two of them called Collaborative Working', () => {
    expect(standard.themes).toHaveLength(11);
    expect(standard.themesOfMethod('am1')).toHaveLength(5);
    expect(standard.themesOfMethod('am2')).toHaveLength(6);
    expect(standard.themes.filter((t) => t.name === 'Collaborative Working').map((t) => t.id)).toEqual([
      'am1-collaborative-working',
      'am2-collaborative-working',
    ]);
  });

  it('lists, for each duty, exactly the KSBs the standard lists', () => {
    // Transcribed independently from the standard's "Duty KSBs" table.
    const expected: Record<number, string> = {
      1: 'K24 K25 K26 K29 K30 K31 S29 S32 S33 B4 B5',
      2: 'K1 K2 K3 K4 K11 K18 K31 S1 S2 S3 S4 S15 B1',
      3: 'K2 K3 K5 K6 K7 K8 K9 K10 K16 K31 S1 S2 S5 S6 S7 S8 S9 S14',
      4: 'K8 K12 K13 K15 K30 K31 S10 S13 S16 S17 S19 S33 S34',
      5: 'K7 K11 K14 K15 K17 K21 K22 K30 S12 S18 S19 S21 S22 S23 S33 B2',
      6: 'K19 K20 K21 K27 K31 S21 S22 S24 S26 S28 B5',
      7: 'K21 K22 K23 K27 K29 S27 S29 S30 B3',
      8: 'K24 K25 K26 K27 S8 S11 S20 S21 S25 S30 B3 B4',
      9: 'K28 K29 S31 B1 B2 B5',
    };
    for (const duty of standard.duties) expect(duty.ksbs.join(' '), `duty ${duty.number}`).toBe(expected[duty.number]);
  });

  it('assesses every KSB in exactly one theme, and lists every KSB under at least one duty', () => {
    for (const ksb of standard.ksbs) {
      expect(standard.themes.filter((t) => t.ksbs.includes(ksb.code)), ksb.code).toHaveLength(1);
      expect(standard.dutiesListing(ksb.code).length, ksb.code).toBeGreaterThan(0);
    }
    expect(standard.ksbsOfMethod('am1').length + standard.ksbsOfMethod('am2').length).toBe(70);
  });

  it('has the key facts of ST1398 v1.0', () => {
    const f = content.keyFacts;
    expect([f.reference, f.version, f.level, f.route, f.larsCode, f.eqaProvider]).toEqual(['ST1398', '1.0', 6, 'Digital', 795, 'Ofqual']);
    expect([f.typicalDurationToGatewayMonths, f.typicalEpaPeriodMonths, f.maximumFundingPounds]).toEqual([24, 4, 22000]);
    expect(f.approvedForDelivery).toBe('2024-12-18');
  });

  it('has the EPA timings and rules the specification states', () => {
    const am1 = standard.method('am1');
    const am2 = standard.method('am2');
    if (am1.id !== 'am1' || am2.id !== 'am2') throw new Error('methods out of place');
    expect(am1.timing).toEqual({ totalMinutes: 50, presentationMinutes: 20, questioningMinutes: 30, extensionPercent: 10 });
    expect(am2.timing).toEqual({ totalMinutes: 90, extensionPercent: 10 });
    expect([am1.minimumQuestions, am2.minimumQuestions]).toEqual([6, 6]);
    expect([am1.report.wordCount, am1.report.tolerancePercent, am1.noticeWeeks, am1.submissionDeadlineWeekOfEpa]).toEqual([5000, 10, 2, 8]);
    expect(am2.earliestWeeksAfterGateway).toBe(2);
    // The rules applied to starts before 1 August 2025 are the specification's own figures.
    const months = ruleById(content.rules, 'minimum-duration').versions[0]!;
    const offTheJob = ruleById(content.rules, 'off-the-job').versions[0]!;
    expect(content.requirements.gateway.onProgramme).toContain(`minimum of ${months.months} months on programme`);
    if (offTheJob.measure !== 'percent') throw new Error('the first off-the-job rule must be the specification’s percentage');
    expect(content.requirements.gateway.onProgramme).toContain(`minimum of ${offTheJob.percent}% must be spent`);
    expect([months.sources, offTheJob.sources].every((s) => s.includes('epa-specification'))).toBe(true);
    expect(content.grading.resits).toMatchObject({ resitTypicalMonths: 3, retakeTypicalMonths: 6, deadlineMonths: 6 });
  });

  it('gives each criterion the codes of its bracket, all from its own method', () => {
    expect(standard.criteria.filter((c) => c.grade === 'pass')).toHaveLength(38);
    expect(standard.criteria.filter((c) => c.grade === 'distinction')).toHaveLength(7);
    for (const criterion of standard.criteria) {
      const theme = standard.theme(criterion.theme)!;
      for (const code of criterion.ksbs) expect(standard.methodAssessing(code).id, `${criterion.id} ${code}`).toBe(theme.method);
    }
  });
});

/** Every string value in a record, with the path that leads to it. */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe.skipIf(!seedsPresent)('quoted text matches the source documents word for word', () => {
  const standardText = seedsPresent ? normaliseSpace(readSeed('000_9d9212400e8b8d98.txt')) : '';
  const specText = seedsPresent ? cleanSpecification(readSeed('001_1cdcb5190752feca.txt')) : '';

  it.each(standard.ksbs.map((k) => [k.code, k.statement]))('%s statement is the standard’s', (code, statement) => {
    expect(standardText).toContain(`${code}: ${normaliseSpace(statement)} Back to Duty`);
  });

  it.each(standard.duties.map((d) => [d.number, d.statement]))('duty %s statement is the standard’s', (number, statement) => {
    expect(standardText).toContain(`Duty ${number} ${normaliseSpace(statement)}`);
  });

  it.each(standard.criteria.map((c) => [c.id, c]))('criterion %s is the specification’s, with its bracket', (_id, criterion) => {
    const quoted = `${normaliseSpace(criterion.text)} (${criterion.ksbs.join(', ')})`;
    expect(appearsInOrderedPieces(specText, quoted), quoted).toBe(true);
  });

  it('each theme heads its row in the specification with its name and KSB codes', () => {
    for (const theme of standard.themes) expect(specText).toContain(`${theme.name} ${theme.ksbs.join(', ')}`);
  });

  it('every sentence in the EPA files is in the specification', () => {
    const skipKeys = /(^|\.)(id|method|slug|theme|grade|code|ksbs|citesOutsideTheme|note|shortName)(\[\d+\])?$/;
    const files = { methods: content.methods, requirements: content.requirements, grading: content.grading.text, resits: content.grading.resits.text };
    for (const [file, data] of Object.entries(files)) {
      for (const [path, value] of strings(data)) {
        if (skipKeys.test(path)) continue;
        expect(specText, `${file} › ${path}`).toContain(normaliseSpace(value));
      }
    }
  });

  it('the training provider’s premise is quoted from its page', () => {
    expect(content.sources.find((x) => x.id === content.eligibility.providerPremise.source)?.seed).toBe('002_58a6417ce3653840.txt');
    expect(normaliseSpace(readSeed('002_58a6417ce3653840.txt'))).toContain(normaliseSpace(content.eligibility.providerPremise.text));
  });

  it('every sentence of the key facts is in the standard', () => {
    for (const [path, value] of strings(content.keyFacts)) {
      if (/Date$|dateUpdated|approvedForDelivery|^title$/.test(path)) continue;
      expect(standardText, path).toContain(normaliseSpace(value));
    }
  });
});

describe.skipIf(!seedsPresent)('career frameworks quote their sources word for word', async () => {
  const { loadAllContent } = await import('../../src/lib/content/authored-content');
  const { authored } = loadAllContent();
  const sources: Record<string, string> = seedsPresent
    ? { ddat: normaliseSpace(readSeed('003_141b199c6d2db890.txt')), p2: normaliseSpace(readSeed('004_9bc6b82573362d84.txt')) }
    : {};
  const quoted: [string, string][] = authored.careers.flatMap((f) => [
    [f.id, f.summary] as [string, string],
    ...f.groups.flatMap((g) => [...(g.summary ? [[f.id, g.summary] as [string, string]] : []), ...g.items.map((i) => [f.id, i.text] as [string, string])]),
  ]);
  it.each(quoted)('%s: %s', (id, text) => {
    expect(sources[id]).toContain(normaliseSpace(text));
  });
});
