/**
 * The authored material (revision notes, questions, glossary, practice prompts) from the content
 * collections, arranged the way pages look it up. Like src/data/standard.ts, the only place that
 * reads these collections.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { CareerFramework, GlossaryTerm, PracticePrompt, Question } from '../lib/content/schemas';

export type NoteEntry = CollectionEntry<'notes'>;
export interface GlossaryEntry extends GlossaryTerm {
  slug: string;
}

interface Authored {
  notesByKsb: Map<string, NoteEntry>;
  questions: Question[];
  questionsByKsb: Map<string, Question[]>;
  glossary: GlossaryEntry[];
  glossaryBySlug: Map<string, GlossaryEntry>;
  practicePrompts: PracticePrompt[];
  careers: CareerFramework[];
}

let cached: Promise<Authored> | undefined;

export function getAuthored(): Promise<Authored> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

async function load(): Promise<Authored> {
  const notes = await getCollection('notes');
  const questions = (await getCollection('questions')).map((e) => e.data);
  const glossary = (await getCollection('glossary')).map((e) => e.data).sort((a, b) => a.term.localeCompare(b.term, 'en-GB'));
  const questionsByKsb = new Map<string, Question[]>();
  for (const q of questions) {
    for (const code of q.ksbs) questionsByKsb.set(code, [...(questionsByKsb.get(code) ?? []), q]);
  }
  return {
    notesByKsb: new Map(notes.map((n) => [n.data.ksb, n])),
    questions,
    questionsByKsb,
    glossary,
    glossaryBySlug: new Map(glossary.map((g) => [g.slug, g])),
    practicePrompts: (await getCollection('practicePrompts')).map((e) => e.data),
    careers: (await getCollection('careers')).map((e) => e.data),
  };
}
