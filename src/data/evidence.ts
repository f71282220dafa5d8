/**
 * What the evidence log's pages pass to their islands: every theme (with its method and link) and
 * every KSB with its theme, in the standard's order. One place, so the log and its printable
 * summary group the same way.
 */
import type { EvidenceKsb } from '../lib/evidence/coverage';
import { href, paths } from '../lib/urls';
import { getStandard } from './standard';

export interface EvidenceTheme {
  id: string;
  name: string;
  method: string;
  methodCode: string;
  href: string;
}

export async function getEvidenceContext(): Promise<{ themes: EvidenceTheme[]; ksbs: EvidenceKsb[] }> {
  const standard = await getStandard();
  const themes = standard.methods.flatMap((m) =>
    standard.themesOfMethod(m.id).map((t) => ({ id: t.id, name: t.name, method: m.id, methodCode: m.code, href: href(paths.theme(t)) })),
  );
  const ksbs = themes.flatMap((t) =>
    standard.ksbsOfTheme(t.id).map((k) => ({ code: k.code, statement: k.statement, themeId: t.id, theme: t.name, method: t.method, methodCode: t.methodCode })),
  );
  return { themes, ksbs };
}
