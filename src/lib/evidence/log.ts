/**
 * My evidence: the learner's private log of work examples mapped to KSBs, and of off-the-job
 * training, saved through the storage layer under st1398:v1:evidence. Each entry and each
 * activity is checked on its own: one that cannot be read is set aside and the rest kept.
 */
import { z } from 'zod/mini';
import { compareTimes } from '../dates';
import { plural } from '../format';
import { savedDate, savedKsbCode, savedText, savedTimestamp } from '../storage/saved-fields';
import { array, lazySchema, leaf, object, type ShapeValue } from '../storage/shape';
import type { FeatureDefinition } from '../storage/store';

/** The limits saving applies; the fields enforce the same (with a counter). */
export const EVIDENCE_LIMITS = {
  entries: 500,
  activities: 2000,
  title: 200,
  story: 4000,
  where: 500,
  what: 300,
  /** Hours in one entry or activity: more than any single piece of training takes. */
  hours: 1000,
  /** Hours a week the learner works: a full week. */
  weeklyHours: 80,
  /** The planned off-the-job hours: the checklist's own limit. */
  plannedHours: 5000,
  id: 40,
} as const;

/** The parts of the story an entry tells (situation, task, action, result, reflection): each optional. */
export const STORY_PARTS = ['situation', 'task', 'action', 'result', 'reflection'] as const;
export type StoryPart = (typeof STORY_PARTS)[number];
export const STORY_LABEL: Record<StoryPart, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'What you did',
  result: 'Result',
  reflection: 'What you learnt',
};
export const STORY_HINT: Record<StoryPart, string> = {
  situation: 'Where you were and what was going on: the team, the data, the problem, any constraint.',
  task: 'What you were asked or chose to do, and why it mattered.',
  action: 'What you did yourself (say “I”, not “we”): the choices you made and why.',
  result: 'What happened: a measure, a decision, a change in how the team works.',
  reflection: 'What you would do differently, and what you now know that you did not.',
};

/** Hours in quarters (15 minutes), above nothing. */
const hours = (max: number) => z.number().check(z.positive(), z.maximum(max), z.refine((h) => Number.isInteger(h * 4), 'must be in quarter hours'));
const id = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(EVIDENCE_LIMITS.id)));
const ksbList = lazySchema(() => z.array(savedKsbCode()).check(z.maxLength(100)));

const entrySchema = lazySchema(() =>
  z.object({
    id: id(),
    title: z.string().check(z.minLength(1), z.maxLength(EVIDENCE_LIMITS.title)),
    /** When it happened: the day, or the first day of a range. */
    date: savedDate(),
    /** The last day of a range. */
    end: z.optional(savedDate()),
    situation: z.optional(savedText(EVIDENCE_LIMITS.story)),
    task: z.optional(savedText(EVIDENCE_LIMITS.story)),
    action: z.optional(savedText(EVIDENCE_LIMITS.story)),
    result: z.optional(savedText(EVIDENCE_LIMITS.story)),
    reflection: z.optional(savedText(EVIDENCE_LIMITS.story)),
    /** Where the evidence lives: a repository, a document's name, a ticket. Never uploaded. */
    where: z.optional(savedText(EVIDENCE_LIMITS.where)),
    ksbs: ksbList(),
    /** Off-the-job training hours this piece of work included, counted on `date`. */
    otjHours: z.optional(hours(EVIDENCE_LIMITS.hours)),
    created: savedTimestamp(),
    updated: savedTimestamp(),
  }),
);
export type EvidenceEntry = z.infer<ReturnType<typeof entrySchema>>;

const activitySchema = lazySchema(() =>
  z.object({
    id: id(),
    date: savedDate(),
    hours: hours(EVIDENCE_LIMITS.hours),
    what: z.string().check(z.minLength(1), z.maxLength(EVIDENCE_LIMITS.what)),
    ksbs: ksbList(),
    created: savedTimestamp(),
    updated: savedTimestamp(),
  }),
);
export type OtjActivity = z.infer<ReturnType<typeof activitySchema>>;

const setting = <S extends z.ZodMiniType>(schema: () => S, noun: string) => leaf(() => z.optional(schema()), noun);

export const evidenceShape = object({
  entries: array(entrySchema, 'evidence entry', EVIDENCE_LIMITS.entries, { id: (e) => e.id, newest: (e) => e.updated }),
  activities: array(activitySchema, 'off-the-job activity', EVIDENCE_LIMITS.activities, { id: (a) => a.id, newest: (a) => a.updated }),
  /** What the off-the-job target is worked out from; each left empty falls back to the checklist and planner. */
  plan: object({
    startDate: setting(savedDate, 'start date'),
    /** The planned end of training (the gateway). */
    endDate: setting(savedDate, 'planned end date'),
    weeklyHours: setting(() => z.number().check(z.positive(), z.maximum(EVIDENCE_LIMITS.weeklyHours)), 'weekly hours'),
    plannedHours: setting(() => z.number().check(z.int(), z.minimum(1), z.maximum(EVIDENCE_LIMITS.plannedHours)), 'planned hours'),
  }),
});
export type EvidenceLog = ShapeValue<typeof evidenceShape>;

export const emptyEvidence = (): EvidenceLog => ({ entries: [], activities: [], plan: {} });

export const evidenceFeature: FeatureDefinition<EvidenceLog> = {
  feature: 'evidence',
  label: 'Evidence log',
  version: 1,
  shape: evidenceShape,
  defaults: emptyEvidence,
  describe: (log) => `${plural(log.entries.length, 'evidence entry', 'evidence entries')}, ${plural(log.activities.length, 'off-the-job activity', 'off-the-job activities')}`,
};

/** A new id: the time and a random tail, unique enough within one learner's log. */
export function newId(now = new Date(), random = Math.random): string {
  return `${now.getTime().toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
}

/** The entries that show a KSB, newest first. */
export function entriesFor(log: Pick<EvidenceLog, 'entries'>, code: string): EvidenceEntry[] {
  return log.entries.filter((e) => e.ksbs.includes(code)).sort(byDateDesc);
}

export const byDateDesc = (a: { date: string; updated: string }, b: { date: string; updated: string }) =>
  compareTimes(b.date, a.date) || compareTimes(b.updated, a.updated);

/** An entry's copy with a fresh id and times, titled as a copy. */
export function duplicateEntry(entry: EvidenceEntry, now = new Date(), random = Math.random): EvidenceEntry {
  const stamp = now.toISOString();
  const title = `${entry.title} (copy)`.slice(0, EVIDENCE_LIMITS.title);
  return { ...entry, id: newId(now, random), title, created: stamp, updated: stamp };
}
