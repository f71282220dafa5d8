/**
 * A read-only snapshot of the learner's progress, for a tutor or employer: the parts the learner
 * chooses, with or without what they wrote in their own words. It is an export file (the same
 * format, checked the same way when read), so a report link holds nothing an export would not.
 * Reading one never touches the reader's own saved progress: it is checked against an empty,
 * in-memory storage.
 */
import { eligibilityFeature } from '../eligibility/feature';
import type { EligibilityAnswers } from '../eligibility/answers';
import { evidenceFeature, type EvidenceLog } from '../evidence/log';
import { plannerFeature } from '../planner';
import { practiceFeature, type PracticeData } from '../practice';
import { quizFeature } from '../quiz/engine';
import { ratingsFeature, type Ratings } from '../ratings';
import { FEATURES } from '../saved-progress';
import { MemoryStorage, type KeyValueStorage } from '../storage/backend';
import { buildExport, previewImport, type AnyFeature, type ExportFile } from '../storage/transfer';

/** What a report can hold, in the order the learner is asked (the AM1 report helper's drafting stays private). */
export const REPORT_PARTS: readonly AnyFeature[] = [ratingsFeature, quizFeature, practiceFeature, eligibilityFeature, plannerFeature, evidenceFeature];

/** Put in place of what the learner wrote, where the report needs to know that something was written. */
export const NOT_SHARED = '(not shared)';

const replaced = (text: string | undefined) => (text ? NOT_SHARED : text);
const without = <T extends object, K extends keyof T>(value: T, keys: readonly K[]): T => {
  const copy = { ...value };
  for (const k of keys) delete copy[k];
  return copy;
};

/**
 * Each part without the learner's own words: notes are left out; a title or answer that must be
 * there (an evidence entry's title, the scoping document's fields, which the gateway checks are
 * written) becomes NOT_SHARED. Features not listed hold none.
 */
const WITHOUT_WRITING: Partial<Record<string, (data: never) => unknown>> = {
  ratings: (data: Ratings): Ratings => ({ ksbs: Object.fromEntries(Object.entries(data.ksbs).map(([code, entry]) => [code, without(entry, ['note'])])) }),
  practice: (data: PracticeData): PracticeData => ({ ...data, sessions: data.sessions.map((s) => ({ ...s, items: s.items.map((item) => without(item, ['notes'])) })) }),
  eligibility: (data: EligibilityAnswers): EligibilityAnswers => ({
    ...data,
    ksbs: Object.fromEntries(Object.entries(data.ksbs).map(([code, entry]) => [code, without(entry, ['note'])])),
    gateway: { ...data.gateway, scopingTitle: replaced(data.gateway.scopingTitle), scopingSummary: replaced(data.gateway.scopingSummary), scopingScope: replaced(data.gateway.scopingScope) },
  }),
  evidence: (data: EvidenceLog): EvidenceLog => ({
    ...data,
    entries: data.entries.map((e) => ({ ...without(e, ['situation', 'task', 'action', 'result', 'reflection', 'where']), title: NOT_SHARED })),
    activities: data.activities.map((a) => ({ ...a, what: NOT_SHARED })),
  }),
};

export interface SnapshotChoice {
  /** Features to include (from REPORT_PARTS). */
  parts: readonly string[];
  /** Include notes, evidence stories and titles, and the scoping document's text. */
  writing: boolean;
}

/** The chosen parts that have something saved (a report of nothing is not worth a link). */
export function savedParts(storage: KeyValueStorage, parts: readonly string[]): string[] {
  return Object.keys(buildExport(REPORT_PARTS.filter((f) => parts.includes(f.feature)), storage).features);
}

/** The snapshot of what is saved now: the chosen parts, salvaged as an export is, without writing unless chosen. */
export function buildSnapshot(storage: KeyValueStorage, choice: SnapshotChoice, now = new Date()): ExportFile {
  const chosen = REPORT_PARTS.filter((f) => choice.parts.includes(f.feature));
  const saved = buildExport(chosen, storage, now);
  // A chosen part with nothing saved is in the report as empty ("no dates planned yet"), not as left out.
  const file = { ...saved, features: Object.fromEntries(chosen.map((f) => [f.feature, saved.features[f.feature] ?? { version: f.version, savedAt: now.toISOString(), data: f.defaults() }])) };
  if (choice.writing) return file;
  const features = Object.fromEntries(
    Object.entries(file.features).map(([feature, envelope]) => {
      const strip = WITHOUT_WRITING[feature];
      return [feature, strip ? { ...envelope, data: strip(envelope.data as never) } : envelope];
    }),
  );
  return { ...file, features, withoutWriting: true };
}

export type ReadSnapshot =
  /** `writing`: whether the learner's own words are in it (a report made without them says so). */
  | { ok: true; madeAt: string; data: Partial<Record<string, unknown>>; parts: string[]; writing: boolean }
  | { ok: false; reason: string };

/** Reads a snapshot's text as an import is read (refusing what an import would), without any saved progress. */
export function readSnapshot(text: string): ReadSnapshot {
  const preview = previewImport(text, FEATURES, new MemoryStorage(), 'report');
  if (!preview.ok) return { ok: false, reason: preview.reason.replace(' Nothing was imported.', '') };
  const allowed = new Set(REPORT_PARTS.map((f) => f.feature));
  const items = preview.items.filter((i) => allowed.has(i.feature));
  return { ok: true, madeAt: preview.exportedAt, data: Object.fromEntries(items.map((i) => [i.feature, i.data])), parts: items.map((i) => i.feature), writing: preview.withoutWriting !== true };
}
