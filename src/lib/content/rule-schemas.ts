/**
 * content/rules.yaml: the rules the site applies that change over time, the changes since the
 * standard and specification were published, and the editions followed. Authored, with sources.
 */
import { z } from 'zod';
import { isoDate, slug, text } from './fields';

/** A document a rule or change rests on that is not one of the seeds. */
export const ruleSourceSchema = z.strictObject({
  id: slug,
  title: text,
  publisher: text,
  /** When the source was published, or last updated, where it says. */
  published: isoDate.optional(),
  updated: isoDate.optional(),
  url: z.url({ protocol: /^https$/ }),
});
export type RuleSource = z.infer<typeof ruleSourceSchema>;

const sourceIds = z.array(slug).min(1, 'must name at least one source');
/** Applies to apprentices who started on or after `from` and before `until`. */
const byStartDate = { from: isoDate.optional(), until: isoDate.optional() };
const ruleText = { text, sources: sourceIds };
const ruleHeader = { name: text, checked: isoDate };

export const ruleSchema = z.discriminatedUnion('id', [
  z.strictObject({
    id: z.literal('minimum-duration'),
    ...ruleHeader,
    versions: z.array(
      z.strictObject({
        ...byStartDate,
        ...ruleText,
        months: z.number().int().positive(),
        /** Where the EPA specification asks for longer than the law: the checklist says so until confirmed. */
        stricterInSpecification: z.number().int().positive().optional(),
      }),
    ).min(1),
  }),
  z.strictObject({
    id: z.literal('off-the-job'),
    ...ruleHeader,
    versions: z.array(
      z.union([
        z.strictObject({ ...byStartDate, ...ruleText, measure: z.literal('percent'), percent: z.number().int().min(1).max(100),
          /** The weekly hours the percentage is taken of at most (a longer week counts as this many). */
          weeklyHoursCap: z.number().positive().optional() }),
        z.strictObject({ ...byStartDate, ...ruleText, measure: z.literal('published-hours') }),
      ]),
    ).min(1),
  }),
  z.strictObject({
    id: z.literal('english-and-maths'),
    ...ruleHeader,
    /** The date the rule took its present form (it applies whatever the start date). */
    since: isoDate,
    versions: z.array(
      z.strictObject({ ...ruleText, ageAtStart: z.enum(['16-18', '19+']), requirement: z.enum(['must-achieve', 'optional']) }),
    ).min(1),
  }),
  z.strictObject({
    id: z.literal('resits'),
    ...ruleHeader,
    versions: z.array(z.strictObject({ ...byStartDate, ...ruleText, months: z.number().int().positive() })).min(1),
  }),
  z.strictObject({
    id: z.literal('assessment'),
    ...ruleHeader,
    versions: z.array(z.strictObject({ ...byStartDate, ...ruleText })).min(1),
  }),
]);
export type Rule = z.infer<typeof ruleSchema>;

export const changeSchema = z.strictObject({
  id: slug,
  /** When the change took effect, or (for a change still being rolled out) when it was published. */
  date: isoDate,
  dated: z.enum(['in-force', 'published']),
  title: text,
  /** The rule the change altered, where the site applies it. */
  rule: slug.optional(),
  summary: text,
  audiences: z.array(z.strictObject({ who: text, text })).min(1),
  sources: sourceIds,
  checked: isoDate,
});
export type Change = z.infer<typeof changeSchema>;

export const rulesFileSchema = z.strictObject({
  edition: z.strictObject({
    standard: z.strictObject({ source: slug, reference: z.literal('ST1398'), version: text }),
    assessment: z.strictObject({ kind: text, source: slug, specificationVersion: text, qualificationNumber: text }),
  }),
  sources: z.array(ruleSourceSchema),
  rules: z.array(ruleSchema).min(1),
  changes: z.array(changeSchema),
});
export type RulesFile = z.infer<typeof rulesFileSchema>;

