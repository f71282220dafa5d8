/** The checklist's sections with the addresses of their pages, as the eligibility pages link to them. */
import { CHECKLIST_SECTIONS, sectionAfter, type SectionId, type SectionLink } from '../lib/eligibility/sections';
import { href, paths } from '../lib/urls';

const linkTo = (section: (typeof CHECKLIST_SECTIONS)[number]): SectionLink => ({
  id: section.id,
  title: section.title,
  description: section.description,
  href: href(paths.eligibilitySection(section.id)),
});

export const SECTION_LINKS: SectionLink[] = CHECKLIST_SECTIONS.map(linkTo);

/** The address of the section after `id`, for its "Continue" link. */
export function nextSectionHref(id: SectionId): string {
  const next = sectionAfter(id);
  return next ? linkTo(next).href : href(paths.eligibility);
}
