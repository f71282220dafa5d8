/**
 * The standard as data: reads the official-text files under content/, validates each record, then
 * checks every reference between them. Any problem fails the build with a list of all of them.
 */
import { resolve } from 'node:path';
import { ContentError, type ContentProblem } from './problems';
import { type ReadContext, displayPath, readList, readSingle } from './read';
import {
  type AssessmentMethod,
  type Criterion,
  type Duty,
  type Grading,
  type KeyFacts,
  type KsbRecord,
  type Requirements,
  type Source,
  type Theme,
  criterionSchema,
  dutySchema,
  gradingSchema,
  keyFactsSchema,
  ksbSchema,
  methodGrade,
  methodSchema,
  requirementsSchema,
  sourceSchema,
  themeSchema,
  eligibilityQuotesSchema,
  type EligibilityQuotes,
  rulesFileSchema,
  type RulesFile,
} from './schemas';

export interface StandardContent {
  keyFacts: KeyFacts;
  ksbs: KsbRecord[];
  duties: Duty[];
  methods: AssessmentMethod[];
  themes: Theme[];
  criteria: Criterion[];
  requirements: Requirements;
  grading: Grading;
  sources: Source[];
  eligibility: EligibilityQuotes;
  /** Rules that change over time, with their sources and check dates (authored, not official text). */
  rules: RulesFile;
}

/** Where each part of the standard lives, relative to content/. */
export const STANDARD_FILES = {
  keyFacts: 'standard/key-facts.yaml',
  ksbs: 'standard/ksbs.yaml',
  duties: 'standard/duties.yaml',
  methods: 'epa/methods.yaml',
  themes: 'epa/themes.yaml',
  criteria: 'epa/criteria.yaml',
  requirements: 'epa/requirements.yaml',
  grading: 'epa/grading.yaml',
  sources: 'sources.yaml',
  eligibility: 'eligibility.yaml',
  rules: 'rules.yaml',
} as const satisfies Record<keyof StandardContent, string>;

export function readStandardContent(ctx: ReadContext): StandardContent | undefined {
  const before = ctx.problems.length;
  const content = {
    keyFacts: readSingle(ctx, STANDARD_FILES.keyFacts, keyFactsSchema),
    ksbs: readList(ctx, STANDARD_FILES.ksbs, ksbSchema, 'code'),
    duties: readList(ctx, STANDARD_FILES.duties, dutySchema, 'number'),
    methods: readList(ctx, STANDARD_FILES.methods, methodSchema, 'id'),
    themes: readList(ctx, STANDARD_FILES.themes, themeSchema, 'id'),
    criteria: readList(ctx, STANDARD_FILES.criteria, criterionSchema, 'id'),
    requirements: readSingle(ctx, STANDARD_FILES.requirements, requirementsSchema),
    grading: readSingle(ctx, STANDARD_FILES.grading, gradingSchema),
    sources: readList(ctx, STANDARD_FILES.sources, sourceSchema, 'id'),
    eligibility: readSingle(ctx, STANDARD_FILES.eligibility, eligibilityQuotesSchema),
    rules: readSingle(ctx, STANDARD_FILES.rules, rulesFileSchema),
  };
  const { keyFacts, requirements, grading, eligibility, rules } = content;
  if (!keyFacts || !requirements || !grading || !eligibility || !rules) return undefined;
  const complete: StandardContent = { ...content, keyFacts, requirements, grading, eligibility, rules };
  // Reference checks on records that failed their schema would only repeat those problems.
  if (ctx.problems.length > before) return complete;
  ctx.problems.push(...checkStandardIntegrity(complete, (key) => displayPath(ctx, STANDARD_FILES[key])));
  return complete;
}

/**
 * Every cross-reference the site relies on. `fileOf` turns a part of the standard into the file
 * name shown in problems.
 */
export function checkStandardIntegrity(
  content: StandardContent,
  fileOf: (part: keyof StandardContent) => string = (part) => `content/${STANDARD_FILES[part]}`,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ksbCodes = new Set(content.ksbs.map((k) => k.code));
  const unknownKsb = (code: string) => `unknown KSB code "${code}" (not in ${fileOf('ksbs')})`;

  // Duties: every code exists, none repeated, and every KSB is listed by at least one duty.
  const listedByADuty = new Set<string>();
  for (const duty of content.duties) {
    const seen = new Set<string>();
    duty.ksbs.forEach((code, i) => {
      const where = { file: fileOf('duties'), record: String(duty.number), field: `ksbs[${i}]` };
      if (!ksbCodes.has(code)) problems.push({ ...where, message: unknownKsb(code) });
      if (seen.has(code)) problems.push({ ...where, message: `${code} is listed twice` });
      seen.add(code);
      listedByADuty.add(code);
    });
  }
  for (const ksb of content.ksbs) {
    if (!listedByADuty.has(ksb.code)) {
      problems.push({
        file: fileOf('ksbs'),
        record: ksb.code,
        message: `${ksb.code} is listed under no duty in ${fileOf('duties')}`,
      });
    }
  }

  // Quotes name a known source.
  if (!content.sources.some((source) => source.id === content.eligibility.providerPremise.source)) {
    problems.push({ file: fileOf('eligibility'), record: 'providerPremise', field: 'source', message: `unknown source "${content.eligibility.providerPremise.source}" (not in ${fileOf('sources')})` });
  }

  problems.push(...checkRules(content.rules, new Set(content.sources.map((s) => s.id)), fileOf('rules')));
  const { edition } = content.rules;
  if (edition.standard.version !== content.keyFacts.version) {
    problems.push({ file: fileOf('rules'), record: 'edition', field: 'standard.version', message: `must be the standard's version in ${fileOf('keyFacts')} ("${content.keyFacts.version}")` });
  }
  for (const [field, id] of [['standard.source', edition.standard.source], ['assessment.source', edition.assessment.source]] as const) {
    if (!content.sources.some((s) => s.id === id)) problems.push({ file: fileOf('rules'), record: 'edition', field, message: `unknown source "${id}" (not in ${fileOf('sources')})` });
  }

  // Methods: exactly AM1 and AM2.
  const methodIds = new Set(content.methods.map((m) => m.id));
  for (const id of ['am1', 'am2'] as const) {
    if (!methodIds.has(id)) problems.push({ file: fileOf('methods'), message: `method ${id} is missing` });
  }

  // Themes: each KSB is assessed by exactly one theme; slugs unique within a method.
  const themeOfKsb = new Map<string, Theme>();
  const slugs = new Set<string>();
  for (const theme of content.themes) {
    const where = { file: fileOf('themes'), record: theme.id };
    if (theme.id !== `${theme.method}-${theme.slug}`) {
      problems.push({ ...where, field: 'id', message: `must be "${theme.method}-${theme.slug}" (method, then slug)` });
    }
    const key = `${theme.method}/${theme.slug}`;
    if (slugs.has(key)) problems.push({ ...where, field: 'slug', message: `another ${theme.method} theme has slug "${theme.slug}"` });
    slugs.add(key);
    theme.ksbs.forEach((code, i) => {
      const at = { ...where, field: `ksbs[${i}]` };
      const other = themeOfKsb.get(code);
      if (!ksbCodes.has(code)) {
        problems.push({ ...at, message: unknownKsb(code) });
      } else if (other) {
        problems.push({ ...at, message: `${code} is already assessed by theme ${other.id}; a KSB belongs to exactly one theme` });
      } else themeOfKsb.set(code, theme);
    });
  }
  for (const ksb of content.ksbs) {
    if (!themeOfKsb.has(ksb.code)) {
      problems.push({
        file: fileOf('ksbs'),
        record: ksb.code,
        message: `${ksb.code} is assessed by no theme in ${fileOf('themes')}`,
      });
    }
  }

  // Criteria: theme exists; every cited KSB exists and belongs to the theme, unless the record
  // acknowledges (citesOutsideTheme) that the specification cites a KSB of another theme of the
  // same method.
  const themes = new Map(content.themes.map((t) => [t.id, t]));
  const themesWithPass = new Set<string>();
  for (const criterion of content.criteria) {
    const where = { file: fileOf('criteria'), record: criterion.id };
    const theme = themes.get(criterion.theme);
    if (!theme) {
      problems.push({ ...where, field: 'theme', message: `unknown theme "${criterion.theme}" (not in ${fileOf('themes')})` });
      continue;
    }
    if (criterion.grade === 'pass') themesWithPass.add(theme.id);
    const acknowledged = new Set(criterion.citesOutsideTheme ?? []);
    criterion.ksbs.forEach((code, i) => {
      const at = { ...where, field: `ksbs[${i}]` };
      if (!ksbCodes.has(code)) {
        problems.push({ ...at, message: unknownKsb(code) });
      } else if (theme.ksbs.includes(code)) {
        // assessed by this theme: as expected
      } else if (!acknowledged.has(code)) {
        problems.push({ ...at, message: `${code} is not a KSB of theme ${theme.id} (${theme.ksbs.join(', ')})` });
      } else if (themeOfKsb.get(code)?.method !== theme.method) {
        problems.push({ ...at, message: `${code} is acknowledged as cited outside the theme but is not assessed by ${theme.method}` });
      }
    });
    (criterion.citesOutsideTheme ?? []).forEach((code, i) => {
      const at = { ...where, field: `citesOutsideTheme[${i}]` };
      if (!criterion.ksbs.includes(code)) problems.push({ ...at, message: `${code} is not among the criterion's ksbs` });
      else if (theme.ksbs.includes(code)) problems.push({ ...at, message: `${code} is a KSB of this theme; remove it from citesOutsideTheme` });
    });
  }
  for (const theme of content.themes) {
    if (!themesWithPass.has(theme.id)) {
      problems.push({ file: fileOf('themes'), record: theme.id, message: `has no pass criteria in ${fileOf('criteria')}` });
    }
  }

  // Grading: every pair of method grades is decided by the matrix, and without contradiction.
  for (const am1 of methodGrade.options) {
    for (const am2 of methodGrade.options) {
      const outcomes = new Set(
        content.grading.matrix
          .filter((row) => matches(row.am1, am1) && matches(row.am2, am2))
          .map((row) => row.overall),
      );
      if (outcomes.size !== 1) {
        problems.push({
          file: fileOf('grading'),
          field: 'matrix',
          message:
            outcomes.size === 0
              ? `no row gives the overall grade for AM1 ${am1} with AM2 ${am2}`
              : `rows disagree on AM1 ${am1} with AM2 ${am2}: ${[...outcomes].join(' / ')}`,
        });
      }
    }
  }
  return problems;
}

function matches(cell: string, grade: string): boolean {
  return cell === 'Any grade' || cell === grade;
}

/** Reads, validates and cross-checks the standard; throws a ContentError listing every problem. */
export function loadStandardContent(contentDir = 'content', rootDir = process.cwd()): StandardContent {
  const ctx: ReadContext = { contentDir: resolve(rootDir, contentDir), rootDir, problems: [] };
  const content = readStandardContent(ctx);
  if (ctx.problems.length || !content) throw new ContentError(ctx.problems);
  return content;
}

/**
 * Rules and changes: every source named exists (a seed in sources.yaml or one listed in rules.yaml),
 * ids are unique, and a rule's start-date versions cover every start date exactly once, in order.
 */
export function checkRules(rules: RulesFile, seedSourceIds: ReadonlySet<string>, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const known = new Set([...seedSourceIds, ...rules.sources.map((s) => s.id)]);
  const seen = new Set<string>();
  for (const source of rules.sources) {
    if (seen.has(source.id) || seedSourceIds.has(source.id)) problems.push({ file, record: source.id, field: 'id', message: 'another source has this id' });
    seen.add(source.id);
  }
  const ruleIds = new Set<string>();
  for (const rule of rules.rules) {
    if (ruleIds.has(rule.id)) problems.push({ file, record: rule.id, field: 'id', message: 'another rule has this id' });
    ruleIds.add(rule.id);
    rule.versions.forEach((version, i) => {
      version.sources.forEach((id, j) => {
        if (!known.has(id)) problems.push({ file, record: rule.id, field: `versions[${i}].sources[${j}]`, message: `unknown source "${id}"` });
      });
    });
    if (rule.id === 'english-and-maths') {
      const bands = rule.versions.map((v) => v.ageAtStart);
      if (new Set(bands).size !== bands.length || bands.length !== 2) problems.push({ file, record: rule.id, field: 'versions', message: 'must have one version for 16-18 and one for 19+' });
      continue;
    }
    // Start-date versions: the first has no `from`, the last no `until`, and each `until` is the next `from`.
    const versions = rule.versions as Array<{ from?: string; until?: string }>;
    versions.forEach((version, i) => {
      const field = `versions[${i}]`;
      if (i === 0 && version.from !== undefined) problems.push({ file, record: rule.id, field: `${field}.from`, message: 'the first version must apply to every earlier start date (no `from`)' });
      if (i === versions.length - 1 && version.until !== undefined) problems.push({ file, record: rule.id, field: `${field}.until`, message: 'the last version must apply to every later start date (no `until`)' });
      const next = versions[i + 1];
      if (next && version.until !== next.from) problems.push({ file, record: rule.id, field: `${field}.until`, message: `must equal the next version's \`from\` (${next.from ?? 'missing'})` });
      if (version.from && version.until && version.from >= version.until) problems.push({ file, record: rule.id, field: field, message: '`from` must be before `until`' });
    });
  }
  const changeIds = new Set<string>();
  for (const change of rules.changes) {
    if (changeIds.has(change.id)) problems.push({ file, record: change.id, field: 'id', message: 'another change has this id' });
    changeIds.add(change.id);
    if (change.rule && !ruleIds.has(change.rule)) problems.push({ file, record: change.id, field: 'rule', message: `unknown rule "${change.rule}"` });
    change.sources.forEach((id, j) => {
      if (!known.has(id)) problems.push({ file, record: change.id, field: `sources[${j}]`, message: `unknown source "${id}"` });
    });
  }
  return problems;
}
