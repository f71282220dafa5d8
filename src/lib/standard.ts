/**
 * The standard as a graph: KSB ↔ duty ↔ theme ↔ method ↔ criterion. Every question a page asks
 * about the standard ("which duties list K7?", "which criteria cite S24?") is answered here, from
 * the validated content, so no page re-derives a relation.
 *
 * Pure: no Astro, no DOM, no file system. Safe to import from islands (types only, in practice).
 */
import type { StandardContent } from './content/standard-content';
import { formatDate } from './dates';
import { normaliseKsbCode } from './ksb-code';
import type {
  Am1,
  Am2,
  AssessmentMethod,
  Criterion,
  Duty,
  KeyFacts,
  KsbRecord,
  MethodId,
  Theme,
} from './content/schemas';

export type { Am1, Am2, AssessmentMethod, Criterion, Duty, MethodId, Theme };

export type KsbKind = 'knowledge' | 'skill' | 'behaviour';

export interface Ksb extends KsbRecord {
  kind: KsbKind;
}

export const KSB_KINDS: readonly KsbKind[] = ['knowledge', 'skill', 'behaviour'];

/** Headings as the standard uses them: "Knowledge", "Skills", "Behaviours". */
export const KIND_GROUP_LABEL: Record<KsbKind, string> = {
  knowledge: 'Knowledge',
  skill: 'Skills',
  behaviour: 'Behaviours',
};

/** Singular labels: "Knowledge", "Skill", "Behaviour". */
export const KIND_LABEL: Record<KsbKind, string> = {
  knowledge: 'Knowledge',
  skill: 'Skill',
  behaviour: 'Behaviour',
};

const KIND_BY_PREFIX: Record<string, KsbKind> = { K: 'knowledge', S: 'skill', B: 'behaviour' };

export { normaliseKsbCode };

/** The kind a KSB code denotes, from its letter; undefined for anything that is not a KSB code. */
export function kindOfCode(code: string): KsbKind | undefined {
  const normalised = normaliseKsbCode(code);
  return normalised ? KIND_BY_PREFIX[normalised[0]!] : undefined;
}

/** Standard order: all knowledge, then skills, then behaviours, each by number. */
export function compareKsbCodes(a: string, b: string): number {
  const kindOrder = KSB_KINDS.indexOf(kindOfCode(a)!) - KSB_KINDS.indexOf(kindOfCode(b)!);
  return kindOrder || Number(a.slice(1)) - Number(b.slice(1));
}

/** The first day any version of the standard takes starts (its version log): a start before it is on another standard. */
export function earliestStartOf(keyFacts: Pick<KeyFacts, 'versionLog'>): string {
  return keyFacts.versionLog.map((v) => v.earliestStartDate).sort()[0]!;
}

/** What a page says of a start date before the standard took starts (earliestStartOf), or undefined. Warned, not refused. */
export function beforeStandardWarning(start: string, earliestStart: string): string | undefined {
  if (start >= earliestStart) return undefined;
  return `This standard (ST1398) takes starts from ${formatDate(earliestStart)}, so check the date. If it is right, your apprenticeship is on another standard, and the rules here may not apply to you.`;
}

export interface KsbGroup {
  kind: KsbKind;
  label: string;
  ksbs: Ksb[];
}

/** Splits KSBs into Knowledge / Skills / Behaviours, in standard order, leaving out empty groups. */
export function groupByKind(ksbs: readonly Ksb[]): KsbGroup[] {
  return KSB_KINDS.map((kind) => ({
    kind,
    label: KIND_GROUP_LABEL[kind],
    ksbs: ksbs.filter((k) => k.kind === kind).sort((a, b) => compareKsbCodes(a.code, b.code)),
  })).filter((group) => group.ksbs.length > 0);
}

export interface ThemeCriteria {
  pass: Criterion[];
  distinction: Criterion[];
}

export interface Standard {
  readonly content: StandardContent;
  /** All 70 KSBs in standard order. */
  readonly ksbs: readonly Ksb[];
  readonly duties: readonly Duty[];
  readonly methods: readonly AssessmentMethod[];
  /** The two methods with their own fields (AM1's report and presentation, AM2's topics). */
  readonly am1: Am1;
  readonly am2: Am2;
  readonly themes: readonly Theme[];
  readonly criteria: readonly Criterion[];

  /** The KSB with this code, in any letter case; undefined when there is none. */
  ksb(code: string): Ksb | undefined;
  /** Like ksb(), but an unknown code is a programming error. */
  requireKsb(code: string): Ksb;
  duty(number: number): Duty | undefined;
  method(id: MethodId): AssessmentMethod;
  theme(id: string): Theme | undefined;
  themeBySlug(method: MethodId, slug: string): Theme | undefined;

  /** Duties that list the KSB, in duty order. */
  dutiesListing(code: string): Duty[];
  /** The one theme that assesses the KSB. */
  themeAssessing(code: string): Theme;
  /** The method whose theme assesses the KSB. */
  methodAssessing(code: string): AssessmentMethod;
  /** Every criterion that cites the KSB, in the order of the specification's tables. */
  criteriaCiting(code: string): Criterion[];

  ksbsOfDuty(number: number): Ksb[];
  ksbsOfTheme(themeId: string): Ksb[];
  ksbsOfMethod(method: MethodId): Ksb[];
  themesOfMethod(method: MethodId): Theme[];
  criteriaOfTheme(themeId: string): ThemeCriteria;

  previousKsb(code: string): Ksb | undefined;
  nextKsb(code: string): Ksb | undefined;
}

export function createStandard(content: StandardContent): Standard {
  const ksbs: Ksb[] = content.ksbs
    .map((k) => ({ ...k, kind: kindOfCode(k.code)! }))
    .sort((a, b) => compareKsbCodes(a.code, b.code));
  const ksbByCode = new Map(ksbs.map((k) => [k.code, k]));
  const duties = [...content.duties].sort((a, b) => a.number - b.number);
  const themeById = new Map(content.themes.map((t) => [t.id, t]));
  const themeByKsb = new Map(content.themes.flatMap((t) => t.ksbs.map((code) => [code, t] as const)));

  const requireKsb = (code: string): Ksb => {
    const ksb = ksbByCode.get(normaliseKsbCode(code) ?? '');
    if (!ksb) throw new Error(`Unknown KSB code "${code}"`);
    return ksb;
  };
  const method = (id: MethodId): AssessmentMethod => {
    const found = content.methods.find((m) => m.id === id);
    if (!found) throw new Error(`Unknown assessment method "${id}"`);
    return found;
  };
  const themeAssessing = (code: string): Theme => {
    const theme = themeByKsb.get(requireKsb(code).code);
    if (!theme) throw new Error(`No theme assesses ${code}`);
    return theme;
  };
  const toKsbs = (codes: readonly string[]) =>
    codes.map(requireKsb).sort((a, b) => compareKsbCodes(a.code, b.code));
  const position = (code: string) => ksbs.indexOf(requireKsb(code));

  const am1 = content.methods.find((m): m is Am1 => m.id === 'am1');
  const am2 = content.methods.find((m): m is Am2 => m.id === 'am2');
  if (!am1 || !am2) throw new Error('The standard needs both assessment methods, AM1 and AM2');

  return {
    content,
    ksbs,
    duties,
    methods: content.methods,
    am1,
    am2,
    themes: content.themes,
    criteria: content.criteria,
    ksb: (code) => ksbByCode.get(normaliseKsbCode(code) ?? ''),
    requireKsb,
    duty: (number) => duties.find((d) => d.number === number),
    method,
    theme: (id) => themeById.get(id),
    themeBySlug: (methodId, slug) => content.themes.find((t) => t.method === methodId && t.slug === slug),
    dutiesListing: (code) => {
      const { code: canonical } = requireKsb(code);
      return duties.filter((d) => d.ksbs.includes(canonical));
    },
    themeAssessing,
    methodAssessing: (code) => method(themeAssessing(code).method),
    criteriaCiting: (code) => {
      const { code: canonical } = requireKsb(code);
      return content.criteria.filter((c) => c.ksbs.includes(canonical));
    },
    ksbsOfDuty: (number) => toKsbs(duties.find((d) => d.number === number)?.ksbs ?? []),
    ksbsOfTheme: (id) => toKsbs(themeById.get(id)?.ksbs ?? []),
    ksbsOfMethod: (methodId) =>
      toKsbs(content.themes.filter((t) => t.method === methodId).flatMap((t) => t.ksbs)),
    themesOfMethod: (methodId) => content.themes.filter((t) => t.method === methodId),
    criteriaOfTheme: (id) => {
      const ofTheme = content.criteria.filter((c) => c.theme === id);
      return {
        pass: ofTheme.filter((c) => c.grade === 'pass'),
        distinction: ofTheme.filter((c) => c.grade === 'distinction'),
      };
    },
    previousKsb: (code) => ksbs[position(code) - 1],
    nextKsb: (code) => ksbs[position(code) + 1],
  };
}
