/**
 * Methods, their themes and each theme's KSBs (with the revision note's one-line summary), as the
 * progress views show them: /progress/ for the learner, /report/ for whoever they share it with.
 */
import type { ProgressMethod } from '../lib/learner/progress-groups';
import { href, paths } from '../lib/urls';
import { getAuthored } from './authored';
import { getStandard } from './standard';

export async function getProgressMethods(): Promise<ProgressMethod[]> {
  const standard = await getStandard();
  const { notesByKsb } = await getAuthored();
  return standard.methods.map((m) => ({
    id: m.id,
    name: `${m.code}: ${m.shortName}`,
    href: href(paths.method(m.id)),
    themes: standard.themesOfMethod(m.id).map((t) => ({
      id: t.id,
      name: t.name,
      href: href(paths.theme(t)),
      ksbs: standard.ksbsOfTheme(t.id).map((k) => ({ code: k.code, statement: k.statement, summary: notesByKsb.get(k.code)?.data.summary })),
    })),
  }));
}
