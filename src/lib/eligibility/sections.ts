/**
 * The eligibility checklist's sections: the one list of their ids, titles and descriptions. The
 * rules that give each section its status are in ./eligibility.ts; its address in ./urls.ts.
 */
import type { KsbKind } from '../standard';

export const CHECKLIST_SECTIONS = [
  {
    id: 'english-and-maths',
    title: 'English and maths',
    shortTitle: 'English and maths',
    description: 'Which rule applies to you, and what you need to do.',
  },
  { id: 'role', title: 'Your role and employer', shortTitle: 'Role and employer', description: 'Whether your job and your employer fit the apprenticeship.' },
  {
    id: 'ksbs',
    title: 'Does your role give you the chance to evidence each KSB?',
    shortTitle: 'KSBs in your role',
    description: 'All 70 knowledge, skills and behaviours: can your job give you the chance to develop and show each one?',
  },
  {
    id: 'gateway',
    title: 'Gateway readiness',
    shortTitle: 'Gateway readiness',
    description: 'Time on programme, confirmation, evidence, the scoping document and the gateway form.',
  },
  { id: 'summary', title: 'Your summary', shortTitle: 'Summary', description: 'Your result in plain words, the gaps to work on, print and CSV.' },
] as const;

export type SectionId = (typeof CHECKLIST_SECTIONS)[number]['id'];
export type ChecklistSection = (typeof CHECKLIST_SECTIONS)[number];

/** A section as the task list shows it: with the address of its page. */
export interface SectionLink {
  id: SectionId;
  title: string;
  description: string;
  href: string;
}

/** The section after `id` (for "Continue"), or undefined after the last. */
export function sectionAfter(id: SectionId): ChecklistSection | undefined {
  return CHECKLIST_SECTIONS[CHECKLIST_SECTIONS.findIndex((s) => s.id === id) + 1];
}

/** What the eligibility pages hand their islands about a KSB (plain data). */
export interface KsbSummary {
  code: string;
  kind: KsbKind;
  statement: string;
  href: string;
  /** The KSB in plain English (its revision note's one-line summary), when there is one. */
  summary?: string | undefined;
}
