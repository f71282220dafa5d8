/**
 * The public JSON form of the standard (/api/standard.json): every record with its relations
 * resolved both ways and its permanent URL, so a provider can reuse it without re-deriving anything.
 * Bump FORMAT_VERSION when a field is removed or changes meaning; adding fields does not.
 */
import type { Standard } from './standard';
import { absoluteUrl, BASE, paths } from './urls';

// 2: the gateway's months and off-the-job percentage left `requirements` for `rules`, which gives
// each rule by start date or age, with its sources and check date.
export const FORMAT_VERSION = 2;

export const ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0 (occupational standard ST1398, Crown copyright). Assessment criteria, gateway, timings and grading are quoted from the Accelerate People EPA qualification specification v1.1 (May 2025).';

/** `site` is the public origin (SITE_URL), `base` the sub-path; every URL in the file is absolute. */
export function standardToJson(standard: Standard, site: string | URL, base = BASE) {
  const url = (path: string) => absoluteUrl(path, site, base);
  const { keyFacts, requirements, grading, sources, rules } = standard.content;
  return {
    $schema: url(paths.jsonSchema('standard')),
    formatVersion: FORMAT_VERSION,
    licence: {
      name: 'Open Government Licence v3.0',
      url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      attribution: ATTRIBUTION,
    },
    notice: 'Independent study aid; not an official publication.',
    keyFacts,
    duties: standard.duties.map((duty) => ({
      number: duty.number,
      statement: duty.statement,
      url: url(paths.duty(duty.number)),
      ksbs: duty.ksbs,
    })),
    ksbs: standard.ksbs.map((ksb) => {
      const theme = standard.themeAssessing(ksb.code);
      return {
        code: ksb.code,
        kind: ksb.kind,
        statement: ksb.statement,
        url: url(paths.ksb(ksb.code)),
        duties: standard.dutiesListing(ksb.code).map((d) => d.number),
        method: theme.method,
        theme: theme.id,
        criteria: standard.criteriaCiting(ksb.code).map((c) => c.id),
      };
    }),
    methods: standard.methods.map((method) => ({
      ...method,
      url: url(paths.method(method.id)),
      themes: standard.themesOfMethod(method.id).map((t) => t.id),
    })),
    themes: standard.themes.map((theme) => {
      const { pass, distinction } = standard.criteriaOfTheme(theme.id);
      return {
        ...theme,
        url: url(paths.theme(theme)),
        criteria: { pass: pass.map((c) => c.id), distinction: distinction.map((c) => c.id) },
      };
    }),
    criteria: standard.criteria.map((criterion) => {
      const theme = standard.theme(criterion.theme)!;
      return {
        ...criterion,
        method: theme.method,
        url: `${url(paths.theme(theme))}#${criterion.id}`,
      };
    }),
    grading,
    requirements,
    sources,
    /** The editions followed, the rules as applied by start date or age, and the changes since publication. */
    edition: rules.edition,
    rules: { url: url(paths.changes), rules: rules.rules, changes: rules.changes, sources: rules.sources },
  };
}

/** One KSB for /api/ksbs/<code>.json: its relations resolved, the duties and criteria in full. */
/** One KSB's file; `authored` is this site's own material on it (its revision note's "In plain English"). */
export function ksbToJson(standard: Standard, code: string, site: string | URL, authored: { plainEnglish: string }, base = BASE) {
  const url = (path: string) => absoluteUrl(path, site, base);
  const ksb = standard.requireKsb(code);
  const theme = standard.themeAssessing(code);
  return {
    $schema: url(paths.jsonSchema('ksb')),
    formatVersion: FORMAT_VERSION,
    licence: { name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', attribution: ATTRIBUTION },
    code: ksb.code,
    kind: ksb.kind,
    statement: ksb.statement,
    url: url(paths.ksb(ksb.code)),
    method: { id: theme.method, code: standard.method(theme.method).code, url: url(paths.method(theme.method)) },
    theme: { id: theme.id, name: theme.name, url: url(paths.theme(theme)) },
    duties: standard.dutiesListing(code).map((d) => ({ number: d.number, statement: d.statement, url: url(paths.duty(d.number)) })),
    criteria: standard.criteriaCiting(code).map((c) => {
      const t = standard.theme(c.theme)!;
      return { id: c.id, grade: c.grade, text: c.text, ksbs: c.ksbs, theme: c.theme, url: `${url(paths.theme(t))}#${c.id}` };
    }),
    previous: standard.previousKsb(code)?.code ?? null,
    next: standard.nextKsb(code)?.code ?? null,
    plainEnglish: authored.plainEnglish,
  };
}
