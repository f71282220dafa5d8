/** The question bank files as the browser checks them, and the glossary's derived KSB links. */
import { describe, expect, it } from 'vitest';
import { INDEX_PART, parseIndex, parseIndexInParts, parseKsbFile, QUESTION_FORMAT_VERSION } from '../../src/lib/quiz/bank';
import fc from 'fast-check';
import { initialOf, ksbsUsingTerm, mentions } from '../../src/lib/glossary';

describe('question bank files', () => {
  const ref = { id: 'k7-a', ksbs: ['K7'], type: 'single', difficulty: 2 };
  it('accepts well-formed files', () => {
    expect(parseIndex({ formatVersion: QUESTION_FORMAT_VERSION, questions: [ref], criteria: { 'am1-p1': ['K7', 'S2'] } })).toEqual({
      questions: [ref],
      criteriaKsbs: new Map([['am1-p1', ['K7', 'S2']]]),
      discussionKsbs: new Set(),
    });
    const q = { ...ref, question: 'Q?', options: [{ text: 'a', why: 'w' }, { text: 'b', correct: true, why: 'w' }], explanation: 'e', tests: { phrase: 'performance metrics' } };
    expect(parseKsbFile({ formatVersion: QUESTION_FORMAT_VERSION, ksb: 'K7', questions: [q] })).toEqual([q]);
  });
  it('refuses a file from another format version, or with a damaged question', () => {
    expect(() => parseIndex({ formatVersion: 99, questions: [] })).toThrow();
    expect(() => parseIndex({ formatVersion: QUESTION_FORMAT_VERSION, questions: [{ ...ref, type: 'essay' }] })).toThrow();
    for (const difficulty of [0, 4, '2', 1.5]) expect(() => parseIndex({ formatVersion: QUESTION_FORMAT_VERSION, questions: [{ ...ref, difficulty }] })).toThrow();
    expect(() => parseKsbFile({ formatVersion: QUESTION_FORMAT_VERSION, ksb: 'K7', questions: [{ ...ref, question: 'Q', options: [], explanation: 'e' }] })).toThrow();
  });
  it('checks the index in parts, a task each, to the same result and the same refusals', async () => {
    const count = INDEX_PART * 2 + 37;
    const index = { formatVersion: QUESTION_FORMAT_VERSION, questions: Array.from({ length: count }, (_, i) => ({ ...ref, id: `q${i}` })), discussion: ['K2'] };
    let waits = 0;
    const between = async () => void waits++;
    expect(await parseIndexInParts(index, between)).toEqual(parseIndex(index));
    expect(waits, 'a wait between parts, none after the last').toBe(2);
    // A damaged question in a later part is refused, and named by its place in the whole index.
    const damaged = { ...index, questions: index.questions.map((q, i) => (i === INDEX_PART + 5 ? { ...q, type: 'essay' } : q)) };
    expect(() => parseIndex(damaged)).toThrow();
    await expect(parseIndexInParts(damaged, between)).rejects.toThrow(`question ${INDEX_PART + 6} is not valid`);
    await expect(parseIndexInParts({ formatVersion: 99, questions: [] }, between)).rejects.toThrow();
  });
});

describe('glossary', () => {
  const ksbs = [
    { code: 'S24', statement: 'Monitor model data drift, using performance metrics.' },
    { code: 'K3', statement: 'Vulnerabilities related to non-repudiation and service integrity.' },
    { code: 'K9', statement: 'Nothing adrift here.' },
  ];
  it('links a term to KSBs whose notes list it or whose statements use it or an alias', () => {
    expect(ksbsUsingTerm({ slug: 'data-drift', term: 'Data drift', definition: 'd' }, ksbs, [{ ksb: 'K8', terms: ['data-drift'] }])).toEqual(['K8', 'S24']);
    expect(ksbsUsingTerm({ slug: 'nr', term: 'Non-repudiation', definition: 'd', aliases: ['NR'] }, ksbs, [])).toEqual(['K3']);
  });
  it('matches whole words only', () => {
    expect(ksbsUsingTerm({ slug: 'drift', term: 'Drift', definition: 'd' }, ksbs, [])).toEqual(['S24']);
  });
  it('finds a mention exactly where a whole-word, case-insensitive regular expression does (property)', () => {
    // The definition the glossary had as a regular expression, kept here as the oracle.
    const byPattern = (text: string, phrase: string) => {
      const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
    };
    const character = fc.constantFrom(...'abAB1 \t\n-/.(é'.split(''));
    const text = fc.array(character, { maxLength: 30 }).map((cs) => cs.join(''));
    const phrase = fc
      .array(character, { minLength: 1, maxLength: 5 })
      .map((cs) => cs.join(''))
      .filter((p) => p.trim() === p && p.length > 0);
    fc.assert(fc.property(text, phrase, (t, p) => mentions(t, p) === byPattern(t, p)), { numRuns: 1000 });
  });
  it('files terms under their first letter', () => {
    expect([initialOf('Data drift'), initialOf('a/b testing'), initialOf('3D')]).toEqual(['D', 'A', '#']);
  });
});
