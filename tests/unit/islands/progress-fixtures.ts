/**
 * What the progress page, a shared report and the quiz read, built from the real content as the
 * site builds it: the standard, the question list as /api/questions/index.json serves it, and the
 * methods and themes the progress page is given. Shared by the island tests that draw KSB states.
 */
import { loadAllContent } from '../../../src/lib/content/authored-content';
import { createStandard } from '../../../src/lib/standard';

const content = loadAllContent();
export const standard = createStandard(content.standard);

/** The question list as /api/questions/index.json serves it. */
export const questionIndex = {
  formatVersion: 1,
  questions: content.authored.questions.map(({ id, ksbs, type, difficulty }) => ({ id, ksbs, type, difficulty })),
  criteria: Object.fromEntries(standard.criteria.map((c) => [c.id, c.ksbs])),
  discussion: standard.ksbsOfMethod('am2').map((k) => k.code),
};

/** Each method with its themes and their KSBs, as the progress page passes them. */
export const progressMethods = standard.methods.map((m) => ({
  id: m.id,
  name: m.shortName,
  href: `/epa/${m.id}/`,
  themes: standard
    .themesOfMethod(m.id)
    .map((t) => ({ id: t.id, name: t.name, href: '/', ksbs: standard.ksbsOfTheme(t.id).map((k) => ({ code: k.code, statement: k.statement })) })),
}));
