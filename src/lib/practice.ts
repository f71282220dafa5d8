/**
 * Mock assessment practice: drawing open questions from the assessment criteria, timers that
 * survive a reload, and self-marking. Pure functions over plain data.
 *
 * A timer is stored as the time already used plus, while it runs, the moment it was started, so
 * the remaining time can be worked out again after a reload.
 */
import { z } from 'zod/mini';
import type { FeatureDefinition } from './storage/store';
import { savedEpochMs, savedText, savedTimestamp } from './storage/saved-fields';
import { array, lazySchema, object, type ShapeValue } from './storage/shape';
import { seededRandom, shuffle } from './quiz/random';
import { plural } from './format';

/* ───────────────────────────────── Timers ───────────────────────────────── */

export interface TimerState {
  durationMs: number;
  /** Time used before the current run (ms). */
  usedMs: number;
  /** Epoch ms when the timer was last started; absent while paused. */
  runningSince?: number | undefined;
}

export const newTimer = (minutes: number): TimerState => ({ durationMs: Math.round(minutes * 60_000), usedMs: 0 });

export function usedMs(timer: TimerState, now: number): number {
  return timer.usedMs + (timer.runningSince === undefined ? 0 : Math.max(0, now - timer.runningSince));
}

/** Milliseconds left; negative once the time is up (so overrun can be shown). */
export function remainingMs(timer: TimerState, now: number): number {
  return timer.durationMs - usedMs(timer, now);
}

export function startTimer(timer: TimerState, now: number): TimerState {
  return timer.runningSince === undefined ? { ...timer, runningSince: now } : timer;
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.runningSince === undefined) return timer;
  return { durationMs: timer.durationMs, usedMs: usedMs(timer, now) };
}

/** Changes the allowance (for the assessor's extension) without losing the time already used. */
export function setDuration(timer: TimerState, minutes: number): TimerState {
  return { ...timer, durationMs: Math.round(minutes * 60_000) };
}

/** "12:05", or "-0:30" once over time. */
export function formatClock(ms: number): string {
  const negative = ms < 0;
  const total = Math.ceil(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${negative ? '-' : ''}${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** The allowance in minutes, with the assessor's discretionary extension when it is switched on. */
export function allowance(minutes: number, extensionPercent: number, extended: boolean): number {
  return extended ? Math.round(minutes * (100 + extensionPercent)) / 100 : minutes;
}

/* ──────────────────────────────── Drawing ──────────────────────────────── */

export interface PromptRef {
  id: string;
  criterion: string;
}

/**
 * Draws `count` prompts spread across the themes: themes take turns (in a random order), each
 * giving a prompt for one of its criteria not yet used, so every theme is covered before any
 * theme is asked twice and criteria are not repeated while others remain.
 */
export function drawPrompts(
  prompts: readonly PromptRef[],
  criteria: ReadonlyArray<{ id: string; theme: string }>,
  themes: readonly string[],
  count: number,
  seed: number,
): PromptRef[] {
  const random = seededRandom(seed);
  const themeOf = new Map(criteria.map((c) => [c.id, c.theme]));
  const byTheme = new Map(themes.map((t) => [t, shuffle(prompts.filter((p) => themeOf.get(p.criterion) === t), random)]));
  const order = shuffle(themes.filter((t) => (byTheme.get(t) ?? []).length > 0), random);
  const used = new Set<string>();
  const picked: PromptRef[] = [];
  const hasFresh = (theme: string) => byTheme.get(theme)!.some((p) => !used.has(p.criterion));
  while (picked.length < count && order.some((t) => (byTheme.get(t) ?? []).length > 0)) {
    for (const theme of order) {
      const queue = byTheme.get(theme)!;
      if (queue.length === 0) continue;
      const fresh = queue.findIndex((p) => !used.has(p.criterion));
      // A theme whose criteria have all been asked waits while other themes still have new ones.
      if (fresh === -1 && order.some((t) => t !== theme && hasFresh(t))) continue;
      const [next] = queue.splice(fresh === -1 ? 0 : fresh, 1);
      picked.push(next!);
      used.add(next!.criterion);
      if (picked.length === count) break;
    }
  }
  return picked;
}

/* ──────────────────────────────── Sessions ──────────────────────────────── */

export const MARKS = ['not-yet', 'pass', 'distinction'] as const;
export type Mark = (typeof MARKS)[number];

const timerSchema = lazySchema(() =>
  z.object({
    durationMs: z.number().check(z.minimum(0), z.maximum(24 * 60 * 60_000)),
    usedMs: z.number().check(z.minimum(0)),
    /** When the running timer was started (Date.now()): a time out of range is set aside like any other. */
    runningSince: z.optional(savedEpochMs()),
  }),
);

/** The longest notes a practice question takes (the field enforces the same). */
export const PRACTICE_NOTES_MAX = 5000;

const sessionSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    method: z.enum(['am1', 'am2']),
    createdAt: savedTimestamp(),
    /** When the learner last changed the session (version 2 on); sessions saved before have none, and count as changed when started. */
    updatedAt: z.optional(savedTimestamp()),
    finishedAt: z.optional(savedTimestamp()),
    extended: z.boolean(),
    /** AM1 only: the presentation, its timer and the contents checklist (by item text). */
    presentation: z.optional(z.object({ timer: timerSchema(), covered: z.array(z.string()), done: z.boolean() })),
    /** The discussion (AM2) or the questioning (AM1). */
    timer: timerSchema(),
    current: z.number().check(z.int(), z.minimum(0)),
    items: z.array(
      z.object({
        prompt: z.string(),
        criterion: z.string(),
        mark: z.optional(z.enum(MARKS)),
        notes: z.optional(savedText(PRACTICE_NOTES_MAX)),
      }),
    ),
  }),
);
export type PracticeSession = z.infer<ReturnType<typeof sessionSchema>>;

export const MAX_SESSIONS_KEPT = 50;

/** When a session was last changed: its `updatedAt`, or when it was started for a session saved before that was kept. */
export const lastChanged = (session: Pick<PracticeSession, 'createdAt' | 'updatedAt'>): string => session.updatedAt ?? session.createdAt;

/**
 * A merge unites sessions by id: of two versions of one session, the one changed later is kept
 * (when neither was, the merge's rule settles it: an import keeps the one saved here). The list is
 * newest first by last change and keeps the MAX_SESSIONS_KEPT changed most recently.
 */
export const practiceShape = object({ sessions: array(sessionSchema, 'session', MAX_SESSIONS_KEPT, { id: (s) => s.id, newest: lastChanged }) });
export type PracticeData = ShapeValue<typeof practiceShape>;

/** A change the learner makes to a session, stamped with when it was made (so a merge keeps the version changed last); no change, no stamp. */
export function changeSession(session: PracticeSession, change: (s: PracticeSession) => PracticeSession, now: Date): PracticeSession {
  const next = change(session);
  return next === session ? session : { ...next, updatedAt: now.toISOString() };
}

export interface MethodTiming {
  totalMinutes: number;
  presentationMinutes?: number | undefined;
  questioningMinutes?: number | undefined;
  extensionPercent: number;
}

export function newSession(
  method: 'am1' | 'am2',
  prompts: readonly PromptRef[],
  timing: MethodTiming,
  options: { extended: boolean; now: Date; id: string },
): PracticeSession {
  const minutes = sessionAllowances(method, timing, options.extended);
  return {
    id: options.id,
    method,
    createdAt: options.now.toISOString(),
    extended: options.extended,
    ...(minutes.presentation !== undefined ? { presentation: { timer: newTimer(minutes.presentation), covered: [], done: false } } : {}),
    timer: newTimer(minutes.main),
    current: 0,
    items: prompts.map((p) => ({ prompt: p.id, criterion: p.criterion })),
  };
}

/** The minutes a session allows for each part, with or without the assessor's extension. */
export function sessionAllowances(method: 'am1' | 'am2', timing: MethodTiming, extended: boolean): { presentation?: number; main: number } {
  const main = method === 'am1' ? (timing.questioningMinutes ?? timing.totalMinutes) : timing.totalMinutes;
  return {
    ...(method === 'am1' ? { presentation: allowance(timing.presentationMinutes ?? 0, timing.extensionPercent, extended) } : {}),
    main: allowance(main, timing.extensionPercent, extended),
  };
}

/**
 * Switches the assessor's extension on or off part-way through: every timer of the session gets
 * the new allowance and keeps the time already used.
 */
export function withExtension(session: PracticeSession, timing: MethodTiming, extended: boolean): PracticeSession {
  const minutes = sessionAllowances(session.method, timing, extended);
  return {
    ...session,
    extended,
    timer: setDuration(session.timer, minutes.main),
    ...(session.presentation && minutes.presentation !== undefined
      ? { presentation: { ...session.presentation, timer: setDuration(session.presentation.timer, minutes.presentation) } }
      : {}),
  };
}

/** Ticks or unticks one of the presentation's required contents. */
export function markCovered(session: PracticeSession, content: string, covered: boolean): PracticeSession {
  if (!session.presentation) return session;
  const rest = session.presentation.covered.filter((x) => x !== content);
  return { ...session, presentation: { ...session.presentation, covered: covered ? [...rest, content] : rest } };
}

/** Ends the AM1 presentation: its timer stops and the questioning begins. */
export function finishPresentation(session: PracticeSession, now: number): PracticeSession {
  if (!session.presentation) return session;
  return { ...session, presentation: { ...session.presentation, timer: pauseTimer(session.presentation.timer, now), done: true } };
}

/** Moves to question `index`, kept within the session's questions. */
export function goToQuestion(session: PracticeSession, index: number): PracticeSession {
  return { ...session, current: Math.max(0, Math.min(session.items.length - 1, index)) };
}

/** Records the self-mark or notes for the current question. */
export function updateCurrent(session: PracticeSession, patch: { mark?: Mark; notes?: string }): PracticeSession {
  return { ...session, items: session.items.map((item, i) => (i === session.current ? { ...item, ...patch } : item)) };
}

/** Ends the session: the timer stops and the finish time is recorded. */
export function finishSession(session: PracticeSession, now: Date): PracticeSession {
  return { ...session, finishedAt: now.toISOString(), timer: pauseTimer(session.timer, now.getTime()) };
}

/** The marks a criterion can be given: "not yet", or the grade it describes. */
export function marksFor(grade: 'pass' | 'distinction'): Mark[] {
  return ['not-yet', grade];
}

export interface MarkSummary {
  distinction: number;
  pass: number;
  notYet: number;
  unmarked: number;
}

export function summariseMarks(session: Pick<PracticeSession, 'items'>): MarkSummary {
  const s: MarkSummary = { distinction: 0, pass: 0, notYet: 0, unmarked: 0 };
  for (const item of session.items) {
    if (item.mark === 'distinction') s.distinction++;
    else if (item.mark === 'pass') s.pass++;
    else if (item.mark === 'not-yet') s.notYet++;
    else s.unmarked++;
  }
  return s;
}

/** What a session's self-marks say to revise: each criterion marked "not yet", once, in question order; and the questions left unmarked (by index). */
export interface ToRevise {
  notYet: string[];
  unmarked: number[];
}

export function toRevise(session: Pick<PracticeSession, 'items'>): ToRevise {
  const notYet = [...new Set(session.items.filter((item) => item.mark === 'not-yet').map((item) => item.criterion))];
  const unmarked = session.items.flatMap((item, i) => (item.mark === undefined ? [i] : []));
  return { notYet, unmarked };
}

export const practiceFeature: FeatureDefinition<PracticeData> = {
  feature: 'practice',
  label: 'Mock assessment sessions',
  // 2: sessions carry `updatedAt`. Version 1 sessions have none and are read as they are (lastChanged).
  version: 2,
  shape: practiceShape,
  defaults: () => ({ sessions: [] }),
  migrations: { 1: (data) => data },
  describe: (d) => plural(d.sessions.length, 'session'),
};
