/**
 * Zod schemas for every file under content/. One schema per record shape; the shape of a record
 * is checked here, and the references between records in ./integrity.ts.
 *
 * Schemas never transform: the loader validates once, and Astro's collections re-validate the same
 * records, so a schema must accept its own output. Derived facts (a KSB's kind from its code, say)
 * are computed in src/lib/standard.ts instead.
 */
import { z } from 'zod';

import { isoDate, ksbCode, slug, text } from './fields';

export { ksbCode, slug };
const paragraphs = z.array(text).min(1, 'must hold at least one paragraph');

export const methodId = z.enum(['am1', 'am2']);
export type MethodId = z.infer<typeof methodId>;

export const methodGrade = z.enum(['Fail', 'Pass', 'Distinction']);
export type MethodGrade = z.infer<typeof methodGrade>;
export const overallGradeValue = z.enum(['Fail', 'Pass', 'Merit', 'Distinction']);
export type OverallGrade = z.infer<typeof overallGradeValue>;

export const keyFactsSchema = z.strictObject({
  title: text,
  status: text,
  reference: z.literal('ST1398'),
  version: text,
  level: z.number().int().min(2).max(7),
  typicalDurationToGatewayMonths: z.number().int().positive(),
  typicalEpaPeriodMonths: z.number().int().positive(),
  maximumFundingPounds: z.number().int().positive(),
  route: text,
  integration: text,
  dateUpdated: isoDate,
  approvedForDelivery: isoDate,
  larsCode: z.number().int().positive(),
  eqaProvider: text,
  review: text,
  occupationSummary: paragraphs,
  typicalJobTitles: z.array(text).min(1),
  englishAndMaths: text,
  versionLog: z.array(
    z.strictObject({ version: text, change: text, earliestStartDate: isoDate, latestStartDate: text }),
  ),
});
export type KeyFacts = z.infer<typeof keyFactsSchema>;

export const dutySchema = z.strictObject({
  number: z.number().int().min(1),
  statement: text,
  ksbs: z.array(ksbCode).min(1, 'a duty lists at least one KSB'),
});
export type Duty = z.infer<typeof dutySchema>;

export const ksbSchema = z.strictObject({
  code: ksbCode,
  statement: text,
});
export type KsbRecord = z.infer<typeof ksbSchema>;

export const themeSchema = z.strictObject({
  id: slug,
  method: methodId,
  slug,
  name: text,
  ksbs: z.array(ksbCode).min(1, 'a theme assesses at least one KSB'),
});
export type Theme = z.infer<typeof themeSchema>;

export const criterionSchema = z.strictObject({
  id: slug,
  theme: slug,
  grade: z.enum(['pass', 'distinction']),
  text,
  ksbs: z.array(ksbCode).min(1, 'a criterion cites at least one KSB'),
  /** KSBs the specification cites here although its table assigns them to another theme. */
  citesOutsideTheme: z.array(ksbCode).optional(),
  /** An editor's note shown beside the verbatim text (for example, a slip in the source). */
  note: text.optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

const timingSchema = z.strictObject({
  totalMinutes: z.number().int().positive(),
  presentationMinutes: z.number().int().positive().optional(),
  questioningMinutes: z.number().int().positive().optional(),
  extensionPercent: z.number().int().min(0).max(100),
});

const methodBase = {
  id: methodId,
  code: z.enum(['AM1', 'AM2']),
  name: text,
  shortName: text,
  grades: z.array(methodGrade).min(2),
  overview: paragraphs,
  keyPoints: z.array(text).min(1),
  timing: timingSchema,
  minimumQuestions: z.number().int().positive(),
};

export const am1Schema = z.strictObject({
  ...methodBase,
  id: z.literal('am1'),
  components: z.array(text).min(1),
  afterComponents: paragraphs,
  projectBasisIntro: text,
  projectBasis: z.array(text).min(1),
  projectExamplesIntro: text,
  projectExamples: z.array(text).min(1),
  projectExamplesNote: text,
  report: z.strictObject({
    wordCount: z.number().int().positive(),
    tolerancePercent: z.number().int().min(0).max(100),
    text: paragraphs,
    requiredContentsIntro: text,
    requiredContents: z.array(text).min(1),
    mustAlsoIncludeIntro: text,
    mustAlsoInclude: z.array(text).min(1),
    submission: text,
  }),
  presentation: z.strictObject({
    text: paragraphs,
    shouldCoverIntro: text,
    shouldCover: z.array(text).min(1),
    submission: text,
  }),
  noticeWeeks: z.number().int().positive(),
  submissionDeadlineWeekOfEpa: z.number().int().positive(),
});
export const am2Schema = z.strictObject({
  ...methodBase,
  id: z.literal('am2'),
  topicsIntro: text,
  topics: z.array(text).min(1),
  timingIntro: text,
  earliestWeeksAfterGateway: z.number().int().positive(),
});
export const methodSchema = z.discriminatedUnion('id', [am1Schema, am2Schema]);
export type Am1 = z.infer<typeof am1Schema>;
export type Am2 = z.infer<typeof am2Schema>;
export type AssessmentMethod = z.infer<typeof methodSchema>;

export const requirementsSchema = z.strictObject({
  entry: z.strictObject({
    englishAndMaths: z.strictObject({ aged16to18: text, aged19plus: text }),
    experience: text,
  }),
  epa: z.strictObject({ text: paragraphs, failedMethods: text }),
  gateway: z.strictObject({
    onProgramme: text,
    requirementsIntro: text,
    requirements: z.array(text).min(1),
    reasonableAdjustments: text,
    submissionIntro: text,
    gatewayForm: z.array(text).min(1),
    evidence: z.array(text).min(1),
    closing: text,
  }),
});
export type Requirements = z.infer<typeof requirementsSchema>;

const gradeOrAny = z.union([methodGrade, z.literal('Any grade')]);
export const gradingSchema = z.strictObject({
  text: paragraphs,
  matrix: z
    .array(z.strictObject({ am1: gradeOrAny, am2: gradeOrAny, overall: overallGradeValue }))
    .min(1),
  resits: z.strictObject({
    text: paragraphs,
    resitTypicalMonths: z.number().int().positive(),
    retakeTypicalMonths: z.number().int().positive(),
    deadlineMonths: z.number().int().positive(),
    projectReworkWeeks: z.number().int().positive(),
  }),
});
export type Grading = z.infer<typeof gradingSchema>;
export type GradingRow = Grading['matrix'][number];

export const sourceSchema = z.strictObject({
  id: slug,
  title: text,
  publisher: text,
  seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
  /** Where the current version is published (an address checked to exist). */
  url: z.url({ protocol: /^https$/ }).optional(),
  crownCopyright: z.boolean(),
  usedFor: text,
});
export type Source = z.infer<typeof sourceSchema>;

/** content/eligibility.yaml: what a training provider asks of applicants, quoted from its page. */
export const eligibilityQuotesSchema = z.strictObject({
  providerPremise: z.strictObject({ source: slug, text }),
});
export type EligibilityQuotes = z.infer<typeof eligibilityQuotesSchema>;

export * from './rule-schemas';

/* ────────────────────────── Authored material (not official text) ────────────────────────── */

export const questionOption = z.strictObject({
  text,
  /** Mark the right option(s) `correct: true`; leave the others without the field. */
  correct: z.literal(true).optional(),
  /** Why this option is right, or why it is wrong. */
  why: text,
});

export const questionSchema = z
  .strictObject({
    /** Permanent: saved history refers to it. Never change it when the wording changes. */
    id: slug,
    /** The KSBs the question tests; the first is the KSB whose file holds it. */
    ksbs: z.array(ksbCode).min(1),
    type: z.enum(['single', 'multiple', 'true-false']),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /**
     * Phrased the way a professional-discussion assessor probes ("What would you do next, and
     * why?"): the options are answers a candidate might give.
     */
    probe: z.literal(true).optional(),
    question: text,
    options: z.array(questionOption).min(2).max(6),
    /** The overall explanation shown after answering. */
    explanation: text,
    /**
     * What the question tests, shown with the explanation: a phrase quoted from the statement of
     * the question's first KSB, or the id of a criterion that cites one of its KSBs (or both).
     */
    tests: z
      .strictObject({ phrase: text.optional(), criterion: slug.optional() })
      .refine((t) => t.phrase !== undefined || t.criterion !== undefined, 'needs a phrase, a criterion or both'),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    const issue = (message: string, path: PropertyKey[] = ['options']) =>
      ctx.addIssue({ code: 'custom', message, path });
    if (q.type === 'true-false') {
      const labels = q.options.map((o) => o.text);
      if (labels.length !== 2 || labels[0] !== 'True' || labels[1] !== 'False') {
        issue('a true-false question has exactly the options "True" then "False"');
      }
      if (correct !== 1) issue('a true-false question has exactly one correct option');
    } else if (q.type === 'single') {
      if (q.options.length < 3) issue('a single-answer question has at least 3 options');
      if (correct !== 1) issue(`a single-answer question has exactly one correct option (found ${correct})`);
    } else {
      if (q.options.length < 4) issue('a multiple-answer question has at least 4 options');
      if (correct < 1) issue('a multiple-answer question has at least one correct option');
      if (correct === q.options.length) issue('a multiple-answer question has at least one wrong option');
    }
    const texts = q.options.map((o) => o.text.trim().toLowerCase());
    if (new Set(texts).size !== texts.length) issue('two options have the same text');
  });
export type Question = z.infer<typeof questionSchema>;

const reading = z.strictObject({
  title: text,
  publisher: text,
  /** Only an address known to exist; otherwise cite without one. */
  url: z.url({ protocol: /^https$/ }).optional(),
});

/** Front matter of content/notes/<code>.mdx. The body holds the prose sections. */
export const noteSchema = z.strictObject({
  ksb: ksbCode,
  /** One sentence: what the KSB means in practice (used in search results and the KSB finder). */
  summary: text.max(240),
  /** Words and phrases a learner might search for (for the KSB finder). */
  keywords: z.array(text).min(3).max(20),
  /** Glossary slugs (content/glossary/<slug>.yaml) for the Key terms section. */
  terms: z.array(slug).min(1),
  /** Related KSB codes, most related first. */
  related: z.array(ksbCode).min(1).max(8),
  furtherReading: z.array(reading).min(1).max(6),
});
export type NoteFrontmatter = z.infer<typeof noteSchema>;

/** content/glossary/<slug>.yaml: the slug is the file name and the anchor (/glossary/#<slug>). */
export const glossaryTermSchema = z.strictObject({
  term: text,
  definition: text,
  /** Other names for the same thing (searched, and matched in KSB statements). */
  aliases: z.array(text).optional(),
  /** Slugs of related glossary terms. */
  see: z.array(slug).optional(),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

/** content/practice/prompts.yaml: open questions for mock assessment practice, one or more per criterion. */
export const practicePromptSchema = z.strictObject({
  /** Permanent: saved sessions refer to it. */
  id: slug,
  /** The id of the criterion the prompt draws out (content/epa/criteria.yaml). */
  criterion: slug,
  prompt: text,
  /** Optional follow-up probes an assessor might use. */
  followUps: z.array(text).optional(),
});
export type PracticePrompt = z.infer<typeof practicePromptSchema>;

/** content/careers.yaml: role descriptions from other frameworks, each item mapped to KSBs. */
export const careerFrameworkSchema = z.strictObject({
  id: slug,
  /** The id of the source document in content/sources.yaml. */
  source: slug,
  title: text,
  /** Quoted from the source. */
  summary: text,
  /** This site's words: what the framework is. */
  context: text,
  groups: z
    .array(
      z.strictObject({
        heading: text,
        summary: text.optional(),
        items: z.array(z.strictObject({ text, ksbs: z.array(ksbCode).min(1) })).min(1),
      }),
    )
    .min(1),
});
export type CareerFramework = z.infer<typeof careerFrameworkSchema>;
