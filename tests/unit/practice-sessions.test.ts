/**
 * The session rules of mock assessment practice (src/lib/practice.ts): the allowances with and
 * without the assessor's extension, switching it part-way through both nested timers, ending the
 * presentation, moving between questions, marking and ticking contents. Each result must still be
 * a valid saved session.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  finishPresentation,
  goToQuestion,
  markCovered,
  MARKS,
  newSession,
  practiceShape,
  remainingMs,
  sessionAllowances,
  startTimer,
  pauseTimer,
  updateCurrent,
  usedMs,
  withExtension,
  type MethodTiming,
  type PracticeSession,
} from '../../src/lib/practice';

const AM1: MethodTiming = { totalMinutes: 50, presentationMinutes: 20, questioningMinutes: 30, extensionPercent: 10 };
const AM2: MethodTiming = { totalMinutes: 90, extensionPercent: 10 };
const NOW = new Date('2026-03-02T09:00:00Z');
/** A clock reading on NOW's day: saved clock readings must be real times (2000 to 2099). */
const T = NOW.getTime();
const prompts = [
  { id: 'p1', criterion: 'c1' },
  { id: 'p2', criterion: 'c2' },
  { id: 'p3', criterion: 'c3' },
];
const session = (method: 'am1' | 'am2', extended = false): PracticeSession =>
  newSession(method, prompts, method === 'am1' ? AM1 : AM2, { extended, now: NOW, id: `s-${method}` });
const valid = (s: PracticeSession) => expect(practiceShape.schema.safeParse({ sessions: [s] }).success).toBe(true);
const MIN = 60_000;

describe('sessionAllowances', () => {
  it('gives AM1 its presentation and questioning, and AM2 its whole time, each 10% longer when extended', () => {
    expect(sessionAllowances('am1', AM1, false)).toEqual({ presentation: 20, main: 30 });
    expect(sessionAllowances('am1', AM1, true)).toEqual({ presentation: 22, main: 33 });
    expect(sessionAllowances('am2', AM2, false)).toEqual({ main: 90 });
    expect(sessionAllowances('am2', AM2, true)).toEqual({ main: 99 });
  });
  it('falls back to the total for AM1 questioning when the specification gives no split', () => {
    expect(sessionAllowances('am1', { totalMinutes: 60, extensionPercent: 10 }, false)).toEqual({ presentation: 0, main: 60 });
  });
});

describe('withExtension', () => {
  it('lengthens both AM1 timers part-way through and keeps the time used and the running clock', () => {
    let s = session('am1');
    s = { ...s, presentation: { ...s.presentation!, timer: pauseTimer(startTimer(s.presentation!.timer, T), T + 5 * MIN) }, timer: startTimer(s.timer, T + 6 * MIN) };
    const on = withExtension(s, AM1, true);
    expect(on.extended).toBe(true);
    expect(on.presentation!.timer).toEqual({ durationMs: 22 * MIN, usedMs: 5 * MIN });
    expect(on.timer).toEqual({ durationMs: 33 * MIN, usedMs: 0, runningSince: T + 6 * MIN });
    expect(on.presentation!.covered).toBe(s.presentation!.covered);
    valid(on);
    const off = withExtension(on, AM1, false);
    expect(off.presentation!.timer.durationMs).toBe(20 * MIN);
    expect(off.timer.durationMs).toBe(30 * MIN);
    expect(withExtension(on, AM1, true)).toEqual(on);
  });
  it('never gives AM2 a presentation', () => {
    const on = withExtension(session('am2'), AM2, true);
    expect(on.presentation).toBeUndefined();
    expect(on.timer.durationMs).toBe(99 * MIN);
  });

  const timing = fc.record({
    presentationMinutes: fc.integer({ min: 1, max: 120 }),
    questioningMinutes: fc.integer({ min: 1, max: 120 }),
    extensionPercent: fc.integer({ min: 0, max: 50 }),
  });
  it('by property: switching it on never shortens a timer, changes no time used, and adds exactly the percentage', () => {
    fc.assert(
      fc.property(timing, fc.nat({ max: 200 * MIN }), fc.nat({ max: 200 * MIN }), fc.boolean(), (t, usedP, usedQ, startedOn) => {
        const full: MethodTiming = { ...t, totalMinutes: t.presentationMinutes + t.questioningMinutes };
        const base = newSession('am1', prompts, full, { extended: startedOn, now: NOW, id: 'p' });
        const s = { ...base, presentation: { ...base.presentation!, timer: { ...base.presentation!.timer, usedMs: usedP } }, timer: { ...base.timer, usedMs: usedQ, runningSince: T } };
        const off = withExtension(s, full, false);
        const on = withExtension(s, full, true);
        const now = T + usedQ;
        for (const [a, b] of [[off.presentation!.timer, on.presentation!.timer], [off.timer, on.timer]] as const) {
          expect(b.durationMs).toBeGreaterThanOrEqual(a.durationMs);
          expect(remainingMs(b, now)).toBeGreaterThanOrEqual(remainingMs(a, now));
          expect(usedMs(b, now)).toBe(usedMs(a, now));
        }
        expect(usedMs(on.timer, now)).toBe(usedMs(s.timer, now));
        expect(on.presentation!.timer.usedMs).toBe(usedP);
        // Total time: the base allowance plus the percentage, to the millisecond.
        expect(off.presentation!.timer.durationMs + off.timer.durationMs).toBe(full.totalMinutes * MIN);
        expect(on.presentation!.timer.durationMs + on.timer.durationMs).toBe((full.totalMinutes * MIN * (100 + t.extensionPercent)) / 100);
        valid(on);
      }),
    );
  });
});

describe('finishPresentation', () => {
  it('stops the presentation clock with the time it ran, marks it done and leaves the questioning alone', () => {
    const s0 = session('am1');
    const s = { ...s0, presentation: { ...s0.presentation!, timer: startTimer(s0.presentation!.timer, T) } };
    const done = finishPresentation(s, T + 7 * MIN);
    expect(done.presentation!.done).toBe(true);
    expect(done.presentation!.timer).toEqual({ durationMs: 20 * MIN, usedMs: 7 * MIN });
    expect(usedMs(done.presentation!.timer, T + 60 * MIN)).toBe(7 * MIN);
    expect(done.timer).toBe(s.timer);
    valid(done);
  });
  it('changes nothing in an AM2 session', () => {
    const s = session('am2');
    expect(finishPresentation(s, 5 * MIN)).toBe(s);
  });
});

describe('goToQuestion and updateCurrent', () => {
  it('keeps the current question within the session, whatever index is asked for', () => {
    const s = session('am2');
    expect([goToQuestion(s, 1).current, goToQuestion(s, -1).current, goToQuestion(s, 99).current]).toEqual([1, 0, 2]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer(), (n, index) => {
        const t = newSession('am2', prompts.concat(prompts).slice(0, n), AM2, { extended: false, now: NOW, id: 'q' });
        const { current } = goToQuestion(t, index);
        expect(current).toBeGreaterThanOrEqual(0);
        expect(current).toBeLessThanOrEqual(Math.max(0, n - 1));
        valid(goToQuestion(t, index));
      }),
    );
  });
  it('marks and annotates only the current question, keeping what it had', () => {
    const s = goToQuestion(session('am1'), 1);
    const marked = updateCurrent(updateCurrent(s, { notes: 'Talked about drift' }), { mark: 'pass' });
    expect(marked.items).toEqual([
      { prompt: 'p1', criterion: 'c1' },
      { prompt: 'p2', criterion: 'c2', notes: 'Talked about drift', mark: 'pass' },
      { prompt: 'p3', criterion: 'c3' },
    ]);
    expect(marked.items[0]).toBe(s.items[0]);
    valid(marked);
    fc.assert(
      fc.property(fc.nat({ max: 2 }), fc.constantFrom(...MARKS), fc.string({ maxLength: 50 }), (at, mark, notes) => {
        const u = updateCurrent(goToQuestion(s, at), { mark, notes });
        u.items.forEach((item, i) => expect(item).toEqual(i === at ? { ...s.items[i], mark, notes } : s.items[i]));
      }),
    );
  });
});

describe('markCovered', () => {
  it('ticks a content once however often it is ticked, and unticks it', () => {
    let s = session('am1');
    s = markCovered(markCovered(markCovered(s, 'Scope', true), 'Data', true), 'Scope', true);
    expect(s.presentation!.covered).toEqual(['Data', 'Scope']);
    valid(s);
    expect(markCovered(s, 'Data', false).presentation!.covered).toEqual(['Scope']);
    expect(markCovered(s, 'Never ticked', false).presentation!.covered).toEqual(['Data', 'Scope']);
  });
  it('changes nothing in an AM2 session', () => {
    const s = session('am2');
    expect(markCovered(s, 'Scope', true)).toBe(s);
  });
  it('by property: the ticked list is exactly the contents last ticked, each once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.boolean()), { maxLength: 30 }), (steps) => {
        const s = steps.reduce((acc, [content, on]) => markCovered(acc, content, on), session('am1'));
        const expected = new Map<string, boolean>();
        for (const [content, on] of steps) expected.set(content, on);
        const covered = s.presentation!.covered;
        expect(new Set(covered).size).toBe(covered.length);
        expect(new Set(covered)).toEqual(new Set([...expected].filter(([, on]) => on).map(([c]) => c)));
      }),
    );
  });
});
