/** The domain layer over the real content: every relation a page relies on. */
import { describe, expect, it } from 'vitest';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import {
  compareKsbCodes,
  createStandard,
  groupByKind,
  kindOfCode,
  normaliseKsbCode,
} from '../../src/lib/standard';
import { METHOD_GRADES, overallGrade } from '../../src/lib/grading';
import { absoluteUrl, paths, withBase, withoutBase } from '../../src/lib/urls';
import { standardToJson } from '../../src/lib/standard-json';

const content = loadStandardContent();
const standard = createStandard(content);

describe('KSB codes', () => {
  it('reads the kind from the letter, in any case', () => {
    expect([kindOfCode('K7'), kindOfCode('s24'), kindOfCode(' B2 '), kindOfCode('X1'), kindOfCode('K'), kindOfCode('K07')]).toEqual([
      'knowledge',
      'skill',
      'behaviour',
      undefined,
      undefined,
      undefined,
    ]);
  });
  it('normalises codes and rejects what is not one', () => {
    expect([normaliseKsbCode('s24'), normaliseKsbCode(' k7 '), normaliseKsbCode('drift'), normaliseKsbCode('')]).toEqual(['S24', 'K7', undefined, undefined]);
  });
  it('orders knowledge, then skills, then behaviours, numerically', () => {
    expect(['S2', 'B1', 'K10', 'K2', 'S10', 'S1'].sort(compareKsbCodes)).toEqual(['K2', 'K10', 'S1', 'S2', 'S10', 'B1']);
  });
});

describe('lookups', () => {
  it('finds a KSB by code in any case, and nothing for an unknown code', () => {
    expect(standard.ksb('s24')?.statement).toMatch(/^Monitor model data drift/);
    expect(standard.ksb('S35')).toBeUndefined();
    expect(standard.ksb('<script>')).toBeUndefined();
    expect(() => standard.requireKsb('K99')).toThrow('Unknown KSB code "K99"');
  });

  it('finds the duties that list a KSB', () => {
    expect(standard.dutiesListing('K7').map((d) => d.number)).toEqual([3, 5]);
    expect(standard.dutiesListing('K31').map((d) => d.number)).toEqual([1, 2, 3, 4, 6]);
    expect(standard.dutiesListing('B5').map((d) => d.number)).toEqual([1, 6, 9]);
  });

  it('finds the theme and method that assess a KSB', () => {
    expect(standard.themeAssessing('K7').id).toBe('am1-model-scoping');
    expect(standard.methodAssessing('K7').id).toBe('am1');
    expect(standard.themeAssessing('B2').id).toBe('am1-sustainability');
    expect(standard.themeAssessing('B3').id).toBe('am2-collaborative-working');
    expect(standard.methodAssessing('S24').code).toBe('AM2');
  });

  it('finds every criterion that cites a KSB, including a citation outside its theme', () => {
    expect(standard.criteriaCiting('S24').map((c) => c.id)).toEqual(['am2-model-management-pass-3', 'am2-model-management-distinction-2']);
    expect(standard.criteriaCiting('K25').map((c) => c.id)).toEqual(['am2-model-testing-and-improvement-pass-2', 'am2-compliance-and-assurance-pass-2']);
    expect(standard.criteriaCiting('B5').map((c) => c.id)).toEqual(['am2-model-testing-and-improvement-pass-3']);
  });

  it('lists the KSBs of a duty, theme and method in standard order', () => {
    expect(standard.ksbsOfDuty(9).map((k) => k.code)).toEqual(['K28', 'K29', 'S31', 'B1', 'B2', 'B5']);
    expect(standard.ksbsOfTheme('am1-sustainability').map((k) => k.code)).toEqual(['K17', 'S15', 'S23', 'B2']);
    expect(standard.ksbsOfMethod('am1')).toHaveLength(31);
    expect(standard.ksbsOfMethod('am2')).toHaveLength(39);
    expect(standard.ksbsOfDuty(42)).toEqual([]);
  });

  it('splits a theme’s criteria into pass and distinction', () => {
    const { pass, distinction } = standard.criteriaOfTheme('am2-model-management');
    expect(pass).toHaveLength(5);
    expect(distinction.map((c) => c.ksbs)).toEqual([['K15', 'S19'], ['S22', 'S24']]);
    expect(standard.criteriaOfTheme('am1-sustainability').distinction).toEqual([]);
  });

  it('finds themes by method and slug, telling the two Collaborative Working themes apart', () => {
    expect(standard.themeBySlug('am1', 'collaborative-working')?.ksbs).toEqual(['K22', 'K23', 'S28', 'S29']);
    expect(standard.themeBySlug('am2', 'collaborative-working')?.ksbs).toEqual(['K21', 'K29', 'S26', 'S27', 'S30', 'B3']);
    expect(standard.themeBySlug('am1', 'engineering-principles')).toBeUndefined();
    expect(standard.themesOfMethod('am2').map((t) => t.slug)).toEqual([
      'engineering-principles',
      'model-testing-and-improvement',
      'model-management',
      'compliance-and-assurance',
      'collaborative-working',
      'continuous-professional-development',
    ]);
  });

  it('steps to the previous and next KSB across kinds, stopping at the ends', () => {
    expect(standard.previousKsb('K1')).toBeUndefined();
    expect(standard.nextKsb('K31')?.code).toBe('S1');
    expect(standard.previousKsb('B1')?.code).toBe('S34');
    expect(standard.nextKsb('B5')).toBeUndefined();
  });

  it('groups KSBs by kind, leaving out empty groups', () => {
    const groups = groupByKind(standard.ksbsOfDuty(4));
    expect(groups.map((g) => [g.label, g.ksbs.length])).toEqual([
      ['Knowledge', 6],
      ['Skills', 7],
    ]);
  });
});

describe('grading', () => {
  const grade = (am1: (typeof METHOD_GRADES)[number], am2: (typeof METHOD_GRADES)[number]) => overallGrade(content.grading.matrix, am1, am2);
  it('gives the overall grade for all nine pairs, as the matrix says', () => {
    const table = METHOD_GRADES.flatMap((a) => METHOD_GRADES.map((b) => `${a}+${b}=${grade(a, b)}`));
    expect(table).toEqual([
      'Fail+Fail=Fail',
      'Fail+Pass=Fail',
      'Fail+Distinction=Fail',
      'Pass+Fail=Fail',
      'Pass+Pass=Pass',
      'Pass+Distinction=Merit',
      'Distinction+Fail=Fail',
      'Distinction+Pass=Merit',
      'Distinction+Distinction=Distinction',
    ]);
  });
  it('follows the table it is given, and says so when the table has a gap', () => {
    expect(overallGrade([{ am1: 'Any grade', am2: 'Any grade', overall: 'Pass' }], 'Fail', 'Fail')).toBe('Pass');
    expect(() => overallGrade([], 'Pass', 'Pass')).toThrow('no row for AM1 Pass with AM2 Pass');
  });
});

describe('URLs', () => {
  it('builds the permanent paths', () => {
    expect(paths.ksb('S24')).toBe('/ksbs/s24/');
    expect(paths.duty(3)).toBe('/duties/3/');
    expect(paths.theme({ method: 'am2', slug: 'collaborative-working' })).toBe('/epa/am2/collaborative-working/');
    expect(paths.method('am1')).toBe('/epa/am1/');
  });
  it('adds the base path to site paths only', () => {
    expect(withBase('/ksbs/k1/', '/')).toBe('/ksbs/k1/');
    expect(withBase('/ksbs/k1/', '/st1398/')).toBe('/st1398/ksbs/k1/');
    expect(withBase('/ksbs/k1/', '/st1398')).toBe('/st1398/ksbs/k1/');
    expect(withBase('#criteria', '/st1398/')).toBe('#criteria');
    expect(withBase('https://example.org/', '/st1398/')).toBe('https://example.org/');
    expect(withBase('//cdn.example.org/x', '/st1398/')).toBe('//cdn.example.org/x');
  });

  it('takes the base off a served path, and only the base (the sitemap filter and canonical links use it)', () => {
    expect(withoutBase('/st1398/offline/', '/st1398/')).toBe('/offline/');
    expect(withoutBase('/st1398/', '/st1398')).toBe('/');
    expect(withoutBase('/offline/', '/')).toBe('/offline/');
    expect(withoutBase('/st1398x/offline/', '/st1398/')).toBe('/st1398x/offline/');
    expect(withoutBase('/other/st1398/', '/st1398/')).toBe('/other/st1398/');
    expect(withoutBase(withBase(paths.report, '/a/b/'), '/a/b/')).toBe(paths.report);
  });

  it('builds a full address with the sub-path exactly once', () => {
    expect(absoluteUrl(paths.ksb('S24'), 'https://study.example.org', '/st1398/')).toBe('https://study.example.org/st1398/ksbs/s24/');
    expect(absoluteUrl(paths.ksb('S24'), 'https://study.example.org/', '/st1398')).toBe('https://study.example.org/st1398/ksbs/s24/');
    expect(absoluteUrl(paths.glossaryTerm('data-drift'), 'https://study.example.org', '/')).toBe('https://study.example.org/glossary/#data-drift');
    expect(absoluteUrl(paths.sitemapIndex, 'http://127.0.0.1:4321', '/st1398/')).toBe('http://127.0.0.1:4321/st1398/sitemap-index.xml');
  });

  it('gives every kind of page one path builder, lower-casing KSB codes', () => {
    expect(paths.ksb('S24')).toBe('/ksbs/s24/');
    expect(paths.ksbJson('K1')).toBe('/api/ksbs/k1.json');
    expect(paths.questionsJson('B5')).toBe('/api/questions/b5.json');
    expect(paths.eligibilitySection('gateway')).toBe('/eligibility/gateway/');
    expect(paths.ksbFinder({ method: 'am1', duty: '3' })).toBe('/ksbs/?method=am1&duty=3');
    expect(paths.search({ q: 'data drift' })).toBe('/search/?q=data+drift');
    expect(paths.search()).toBe('/search/');
    expect(paths.printTheme('am2-model-management')).toBe('/print/themes/am2-model-management/');
  });
});

describe('the public JSON', () => {
  const json = standardToJson(standard, 'https://example.org', '/study/');
  it('holds all 70 KSBs with resolved relations and absolute URLs', () => {
    expect(json.ksbs).toHaveLength(70);
    expect(json.ksbs.find((k) => k.code === 'K7')).toMatchObject({
      kind: 'knowledge',
      url: 'https://example.org/study/ksbs/k7/',
      duties: [3, 5],
      method: 'am1',
      theme: 'am1-model-scoping',
      criteria: ['am1-model-scoping-pass-2', 'am1-model-scoping-distinction-1'],
    });
  });
  it('links each criterion to its anchor on its theme page', () => {
    expect(json.criteria.find((c) => c.id === 'am2-model-management-pass-3')?.url).toBe(
      'https://example.org/study/epa/am2/model-management/#am2-model-management-pass-3',
    );
  });
  it('carries the licence and the grading matrix', () => {
    expect(json.licence.name).toBe('Open Government Licence v3.0');
    expect(json.grading.matrix).toHaveLength(7);
    expect(json.themes).toHaveLength(11);
    expect(json.duties.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
