/**
 * The authored material: question bank, revision notes, glossary and practice prompts. Every
 * reference resolves (the loader checks), and the bank and notes are complete and well formed.
 */
import { describe, expect, it } from 'vitest';
import { loadAllContent, NOTE_SECTIONS, noteHeadings } from '../../src/lib/content/authored-content';
import { ContentError, formatProblem } from '../../src/lib/content/problems';
import { createStandard } from '../../src/lib/standard';

function load() {
  try {
    return loadAllContent();
  } catch (error) {
    if (error instanceof ContentError) throw new Error(error.problems.map(formatProblem).join('\n'));
    throw error;
  }
}
const { standard: standardContent, authored } = load();
const standard = createStandard(standardContent);
const codes = standard.ksbs.map((k) => k.code);

describe('question bank', () => {
  it('has at least 4 questions for every one of the 70 KSBs (280 or more in all)', () => {
    const short = codes
      .map((code) => [code, authored.questionFiles.find((f) => f.ksb === code)?.questions.length ?? 0] as const)
      .filter(([, n]) => n < 4);
    expect(short.map(([code, n]) => `${code}: ${n}`)).toEqual([]);
    expect(authored.questions.length).toBeGreaterThanOrEqual(280);
  });

  it('has no duplicate questions', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const q of authored.questions) {
      const key = q.question.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
      if (seen.has(key)) duplicates.push(`${q.id} repeats ${seen.get(key)}`);
      seen.set(key, q.id);
    }
    expect(duplicates).toEqual([]);
  });

  it('explains every option', () => {
    for (const q of authored.questions) {
      expect(q.explanation.length, q.id).toBeGreaterThan(20);
      for (const o of q.options) expect(o.why.length, `${q.id}: ${o.text}`).toBeGreaterThan(10);
    }
  });

  it('spreads single-answer keys: no position holds more than 35% of them', () => {
    const single = authored.questions.filter((q) => q.type === 'single');
    const counts = new Map<number, number>();
    for (const q of single) {
      const at = q.options.findIndex((o) => o.correct);
      counts.set(at, (counts.get(at) ?? 0) + 1);
    }
    for (const [position, count] of counts) {
      expect(count / single.length, `position ${position + 1}: ${count} of ${single.length}`).toBeLessThanOrEqual(0.35);
    }
  });

  it('gives behaviour KSBs situational-judgement questions (scenarios, not recall)', () => {
    for (const code of ['B1', 'B2', 'B3', 'B4', 'B5']) {
      const questions = authored.questionFiles.find((f) => f.ksb === code)?.questions ?? [];
      const scenarios = questions.filter((q) => q.type !== 'true-false' && q.question.length > 120);
      expect(scenarios.length, code).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('revision notes', () => {
  it('has a note for every one of the 70 KSBs', () => {
    const have = new Set(authored.notes.map((n) => n.ksb));
    expect(codes.filter((c) => !have.has(c))).toEqual([]);
  });

  it('gives every note its sections in order and a length of 300–700 words', () => {
    for (const note of authored.notes) {
      expect(noteHeadings(note.body), note.file).toEqual([...NOTE_SECTIONS]);
      expect(note.wordCount, note.file).toBeGreaterThanOrEqual(300);
      expect(note.wordCount, note.file).toBeLessThanOrEqual(700);
    }
  });
});

describe('glossary', () => {
  it('defines the terms the standard and the notes rely on', () => {
    const slugs = new Set(authored.glossary.map((g) => g.slug));
    const required = ['data-drift', 'concept-drift', 'crisp-ml-q', 'safe-d', 'explainable-ai', 'continual-learning', 'feature-store', 'model-registry', 'non-repudiation', 'synthetic-data'];
    expect(required.filter((s) => !slugs.has(s))).toEqual([]);
  });

  it('defines every term at least one note uses, and every term is used', () => {
    const used = new Set(authored.notes.flatMap((n) => n.terms));
    const unused = authored.glossary.filter((g) => !used.has(g.slug)).map((g) => g.slug);
    expect(unused).toEqual([]);
  });
});

describe('practice prompts', () => {
  it('has at least one open prompt for every criterion of both methods', () => {
    const covered = new Set(authored.practicePrompts.map((p) => p.criterion));
    expect(standard.criteria.filter((c) => !covered.has(c.id)).map((c) => c.id)).toEqual([]);
  });
});

describe('careers', () => {
  it('maps two frameworks, every item to at least one KSB', () => {
    expect(authored.careers.map((f) => f.id)).toEqual(['ddat', 'p2']);
    for (const f of authored.careers) for (const g of f.groups) for (const item of g.items) expect(item.ksbs.length, item.text).toBeGreaterThan(0);
  });
});
