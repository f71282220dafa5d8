/** The checklist's sections as the pages present them (titles, addresses, one-line descriptions). */
import type { SectionLink } from '../islands/eligibility/types';
import { toolPaths } from '../lib/urls';
import { href } from '../utils/href';

export const CHECKLIST_SECTIONS: SectionLink[] = [
  { id: 'english-and-maths', title: 'English and maths', description: 'Which rule applies to you, and what you need to do.' },
  { id: 'role', title: 'Your role and employer', description: 'Whether your job and your employer fit the apprenticeship.' },
  { id: 'ksbs', title: 'Can you evidence the KSBs in your current role?', description: 'All 70 knowledge, skills and behaviours, one by one.' },
  { id: 'gateway', title: 'Gateway readiness', description: 'Time on programme, confirmation, evidence, the scoping document and the gateway form.' },
  { id: 'summary', title: 'Your summary', description: 'Your result in plain words, the gaps to work on, print and CSV.' },
].map((s) => ({ ...s, href: href(toolPaths.eligibilitySection(s.id as SectionLink['id'])) })) as SectionLink[];

/** Short names for page titles (which stay within 70 characters). */
export const SECTION_SHORT_TITLE: Record<SectionLink['id'], string> = {
  'english-and-maths': 'English and maths',
  role: 'Role and employer',
  ksbs: 'KSB evidence',
  gateway: 'Gateway readiness',
  summary: 'Summary',
};

export function sectionAfter(id: SectionLink['id']): SectionLink | undefined {
  return CHECKLIST_SECTIONS[CHECKLIST_SECTIONS.findIndex((s) => s.id === id) + 1];
}
