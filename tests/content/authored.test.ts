/**
 * The authored material: question bank, revision notes, glossary and practice prompts. Every
 * reference resolves (the loader checks), and the bank and notes are complete and well formed.
 */
import { describe, expect, it } from 'vitest';
import { loadAllContent, NOTE_SECTIONS, noteHeadings } from '../../src/lib/content/authored-content';
import { ContentError, formatProblem } from '../../src/lib/content/problems';
import { createStandard } from '../../src/lib/standard';
import { awaitingIndependentReview, questionReviews } from '../support/question-reviews';
import { retiredQuestionIds } from '../support/retired-questions';

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

/** The bank's house rules (content/AUTHORING.md). QUESTION_FILES=k1,k2 checks only those KSBs' files. */
const only = process.env.QUESTION_FILES?.split(',').map((c) => c.trim().toUpperCase());
const questionFiles = authored.questionFiles.filter((f) => !only || only.includes(f.ksb));
const checkedCodes = codes.filter((c) => !only || only.includes(c));
const checkedQuestions = questionFiles.flatMap((f) => f.questions);
const am2Codes = new Set(standardContent.themes.filter((t) => t.method === 'am2').flatMap((t) => t.ksbs));
export const QUESTIONS_PER_KSB = 7;
export const HARD_QUESTIONS_PER_KSB = 2;
export const PROBES_PER_AM2_KSB = 2;

describe('question bank', () => {
  it(`has at least ${QUESTIONS_PER_KSB} questions for every one of the 70 KSBs (${QUESTIONS_PER_KSB * 70} or more in all)`, () => {
    const short = checkedCodes
      .map((code) => [code, questionFiles.find((f) => f.ksb === code)?.questions.length ?? 0] as const)
      .filter(([, n]) => n < QUESTIONS_PER_KSB);
    expect(short.map(([code, n]) => `${code}: ${n}`)).toEqual([]);
    if (!only) expect(authored.questions.length).toBeGreaterThanOrEqual(QUESTIONS_PER_KSB * 70);
  });

  it(`has at least ${HARD_QUESTIONS_PER_KSB} difficulty-3 questions (an unfamiliar scenario) for every KSB`, () => {
    const short = questionFiles
      .map((f) => [f.ksb, f.questions.filter((q) => q.difficulty === 3).length] as const)
      .filter(([, n]) => n < HARD_QUESTIONS_PER_KSB);
    expect(short.map(([code, n]) => `${code}: ${n}`)).toEqual([]);
  });

  it(`phrases at least ${PROBES_PER_AM2_KSB} questions per AM2 KSB the way a professional-discussion assessor probes`, () => {
    const short = questionFiles
      .filter((f) => am2Codes.has(f.ksb))
      .map((f) => [f.ksb, f.questions.filter((q) => q.probe).length] as const)
      .filter(([, n]) => n < PROBES_PER_AM2_KSB);
    expect(short.map(([code, n]) => `${code}: ${n}`)).toEqual([]);
  });

  it('says for every question which part of the KSB statement or which criterion it tests', () => {
    expect(checkedQuestions.filter((q) => !q.tests).map((q) => q.id)).toEqual([]);
  });

  it('never tells the learner how to answer in the stem ("Select all that apply" is the quiz screen\'s job)', () => {
    expect(checkedQuestions.filter((q) => /select all|all that apply|choose (two|three|\d)/i.test(q.question)).map((q) => q.id)).toEqual([]);
  });

  it('never offers "all of the above" or "none of the above"', () => {
    const offenders = checkedQuestions.filter((q) => q.options.some((o) => /\b(all|none|both) of the (above|options)\b/i.test(o.text)));
    expect(offenders.map((q) => q.id)).toEqual([]);
  });

  it('never reuses a retired question id (a replaced question gets a new id, so saved history stays honest)', () => {
    const retired = new Set(retiredQuestionIds());
    expect(authored.questions.filter((q) => retired.has(q.id)).map((q) => q.id)).toEqual([]);
  });

  it('records its reviews: every reviewed id is a question or a retired one, each entry dated, with a role and a kind', () => {
    const reviews = questionReviews();
    const known = new Set([...authored.questions.map((q) => q.id), ...retiredQuestionIds()]);
    expect(reviews.flatMap((r) => r.questions.filter((id) => !known.has(id)).map((id) => `${r.date} ${r.by}: ${id}`))).toEqual([]);
  });

  // Skipped while QUESTION_FILES narrows the run: a reviewer checking a few files records nothing yet.
  it.skipIf(only)('has every question reviewed by someone other than its writer, after its last change', () => {
    const waiting = awaitingIndependentReview(questionReviews(), authored.questions.map((q) => q.id));
    console.log(`Question reviews: ${waiting.length} questions await a review by someone other than their writer`);
    expect(waiting).toEqual([]);
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
    for (const q of checkedQuestions) {
      expect(q.explanation.length, q.id).toBeGreaterThan(20);
      for (const o of q.options) expect(o.why.length, `${q.id}: ${o.text}`).toBeGreaterThan(10);
    }
  });

  it('spreads single-answer keys: no position holds more than 35% of them', () => {
    const single = checkedQuestions.filter((q) => q.type === 'single');
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
    for (const code of ['B1', 'B2', 'B3', 'B4', 'B5'].filter((c) => checkedCodes.includes(c))) {
      const questions = questionFiles.find((f) => f.ksb === code)?.questions ?? [];
      const scenarios = questions.filter((q) => q.type !== 'true-false' && q.question.length > 120);
      expect(scenarios.length, code).toBeGreaterThanOrEqual(5);
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
