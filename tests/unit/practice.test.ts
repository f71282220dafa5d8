/** Mock assessment practice: timers that survive a reload, drawing prompts, sessions and marks. */
import { describe, expect, it } from 'vitest';
import { loadAllContent } from '../../src/lib/content/authored-content';
import { parsePracticeTexts, practiceTextsFile } from '../../src/lib/practice-texts';
import { allowance, drawPrompts, formatClock, newSession, newTimer, pauseTimer, practiceShape, remainingMs, setDuration, startTimer, summariseMarks, toRevise, usedMs } from '../../src/lib/practice';

describe('timers', () => {
  it('count down while running, hold while paused, and carry on after a "reload"', () => {
    let t = newTimer(90);
    expect(remainingMs(t, 1_000)).toBe(90 * 60_000);
    t = startTimer(t, 1_000);
    expect(remainingMs(t, 61_000)).toBe(89 * 60_000);
    t = pauseTimer(t, 61_000);
    expect(remainingMs(t, 999_999)).toBe(89 * 60_000);
    const reloaded = JSON.parse(JSON.stringify(startTimer(t, 100_000)));
    expect(usedMs(reloaded, 130_000)).toBe(90_000);
    expect(startTimer(reloaded, 200_000)).toBe(reloaded); // starting a running timer changes nothing
  });
  it('goes negative when over time, and formats the clock', () => {
    const t = startTimer(newTimer(1), 0);
    expect(remainingMs(t, 90_000)).toBe(-30_000);
    expect([formatClock(90 * 60_000), formatClock(61_000), formatClock(500), formatClock(0), formatClock(-30_000)]).toEqual(['90:00', '1:01', '0:01', '0:00', '-0:30']);
  });
  it('applies the assessor’s 10% extension, keeping time already used', () => {
    expect([allowance(90, 10, false), allowance(90, 10, true), allowance(20, 10, true)]).toEqual([90, 99, 22]);
    const t = setDuration(pauseTimer(startTimer(newTimer(90), 0), 600_000), 99);
    expect(remainingMs(t, 0)).toBe(89 * 60_000);
  });
});

describe('drawing prompts from the criteria', () => {
  const { standard, authored } = loadAllContent();
  const am2Themes = standard.themes.filter((t) => t.method === 'am2').map((t) => t.id);
  const themeOf = new Map(standard.criteria.map((c) => [c.id, c.theme]));

  it('spreads at least six AM2 prompts across all six AM2 themes', () => {
    const drawn = drawPrompts(authored.practicePrompts, standard.criteria, am2Themes, 6, 11);
    expect(drawn).toHaveLength(6);
    expect(new Set(drawn.map((p) => themeOf.get(p.criterion)))).toEqual(new Set(am2Themes));
  });
  it('does not repeat a criterion while others remain, and is reproducible for a seed', () => {
    const drawn = drawPrompts(authored.practicePrompts, standard.criteria, am2Themes, 12, 3);
    expect(new Set(drawn.map((p) => p.criterion)).size).toBe(12);
    expect(drawPrompts(authored.practicePrompts, standard.criteria, am2Themes, 12, 3)).toEqual(drawn);
    expect(drawPrompts(authored.practicePrompts, standard.criteria, am2Themes, 12, 4)).not.toEqual(drawn);
  });
  it('draws AM1 questioning prompts only from AM1 themes', () => {
    const am1Themes = standard.themes.filter((t) => t.method === 'am1').map((t) => t.id);
    const drawn = drawPrompts(authored.practicePrompts, standard.criteria, am1Themes, 6, 5);
    expect(drawn.every((p) => themeOf.get(p.criterion)!.startsWith('am1-'))).toBe(true);
  });
});

describe('sessions', () => {
  const timing = { totalMinutes: 50, presentationMinutes: 20, questioningMinutes: 30, extensionPercent: 10 };
  it('gives AM1 a presentation timer and a questioning timer, with the extension applied to both', () => {
    const s = newSession('am1', [{ id: 'p', criterion: 'c' }], timing, { extended: true, now: new Date('2026-01-01T10:00:00Z'), id: 's1' });
    expect(s.presentation?.timer.durationMs).toBe(22 * 60_000);
    expect(s.timer.durationMs).toBe(33 * 60_000);
    expect(s.items).toEqual([{ prompt: 'p', criterion: 'c' }]);
    expect(practiceShape.schema.safeParse({ sessions: [s] }).success).toBe(true);
  });
  it('gives AM2 one 90-minute timer', () => {
    const s = newSession('am2', [], { totalMinutes: 90, extensionPercent: 10 }, { extended: false, now: new Date(), id: 's2' });
    expect(s.presentation).toBeUndefined();
    expect(s.timer.durationMs).toBe(90 * 60_000);
  });
  it('summarises self-marks', () => {
    expect(summariseMarks({ items: [{ prompt: 'a', criterion: 'x', mark: 'pass' }, { prompt: 'b', criterion: 'y', mark: 'distinction' }, { prompt: 'c', criterion: 'z' }, { prompt: 'd', criterion: 'w', mark: 'not-yet' }] })).toEqual({ distinction: 1, pass: 1, notYet: 1, unmarked: 1 });
  });
  it('lists each criterion marked "not yet" once, in question order, and the questions left unmarked', () => {
    const items = [
      { prompt: 'a', criterion: 'c2', mark: 'not-yet' as const },
      { prompt: 'b', criterion: 'c1', mark: 'pass' as const },
      { prompt: 'c', criterion: 'c3' },
      { prompt: 'd', criterion: 'c2', mark: 'not-yet' as const },
      { prompt: 'e', criterion: 'c4', mark: 'not-yet' as const },
      { prompt: 'f', criterion: 'c5' },
    ];
    expect(toRevise({ items })).toEqual({ notYet: ['c2', 'c4'], unmarked: [2, 5] });
    expect(toRevise({ items: [{ prompt: 'a', criterion: 'c1', mark: 'distinction' }] })).toEqual({ notYet: [], unmarked: [] });
  });
});

describe('a saved timer’s start time', () => {
  const session = (id: string, runningSince?: number) => ({
    ...newSession('am2', [{ id: 'p', criterion: 'c' }], { totalMinutes: 90, extensionPercent: 10 }, { extended: false, now: new Date('2026-10-01T10:00:00Z'), id }),
    timer: { durationMs: 90 * 60_000, usedMs: 0, ...(runningSince === undefined ? {} : { runningSince }) },
  });
  it('is a time within the range every saved date keeps to', () => {
    expect(practiceShape.schema.safeParse({ sessions: [session('s1', Date.parse('2026-10-01T10:00:00Z'))] }).success).toBe(true);
    // Year 2200, before 2000, a fraction of a millisecond, and a number no date has.
    for (const bad of [Date.parse('2200-01-01T00:00:00Z'), Date.parse('1999-12-31T23:59:59Z'), 1_790_000_000_000.5, 9e15]) {
      expect(practiceShape.schema.safeParse({ sessions: [session('s1', bad)] }).success, String(bad)).toBe(false);
    }
  });
  it('out of range in saved progress: that session is set aside (kept in the backup), the others kept', async () => {
    const { createStore } = await import('../../src/lib/storage/store');
    const { MemoryStorage } = await import('../../src/lib/storage/backend');
    const { practiceFeature } = await import('../../src/lib/practice');
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: 1, savedAt: '2026-10-01T10:00:00.000Z', data: { sessions: [session('s1'), session('s2', 1e20), session('s3', Date.parse('2026-10-01T10:00:00Z'))] } });
    storage.setItem('st1398:v1:practice', raw);
    const loaded = createStore(practiceFeature, { backend: { storage, persistent: true }, events: undefined }).load();
    expect(loaded.status).toBe('salvaged');
    expect(loaded.data.sessions.map((s) => s.id)).toEqual(['s1', 's3']);
    if (loaded.status === 'salvaged') expect(storage.getItem(loaded.backupKey)).toBe(raw);
  });
});

describe('the practice questions file (/practice/questions.json)', () => {
  const { standard, authored } = loadAllContent();
  const built = () => JSON.parse(JSON.stringify(practiceTextsFile(authored.practicePrompts, standard.criteria))) as { prompts: Array<Record<string, unknown>>; criteria: Array<Record<string, unknown>> };

  it('reads back as built: every question and criterion, with what a session shows', () => {
    const read = parsePracticeTexts(built());
    expect(read.prompts).toHaveLength(authored.practicePrompts.length);
    expect(read.criteria).toHaveLength(standard.criteria.length);
    const first = authored.practicePrompts[0]!;
    expect(read.prompts[0]).toEqual({ id: first.id, criterion: first.criterion, prompt: first.prompt, ...(first.followUps ? { followUps: first.followUps } : {}) });
    // Drawing from the file gives the session drawing from the content would.
    const am2Themes = standard.themes.filter((t) => t.method === 'am2').map((t) => t.id);
    expect(drawPrompts(read.prompts, read.criteria, am2Themes, 8, 5)).toEqual(drawPrompts(authored.practicePrompts, standard.criteria, am2Themes, 8, 5));
  });

  it('refuses a damaged or out-of-date file, naming what is wrong', () => {
    expect(() => parsePracticeTexts(null)).toThrow(/not a list of prompts and criteria/);
    expect(() => parsePracticeTexts({ prompts: [] })).toThrow(/not a list of prompts and criteria/);
    const noText = built();
    delete noText.prompts[3]!['prompt'];
    expect(() => parsePracticeTexts(noText)).toThrow(/question 3 is not complete/);
    const badGrade = built();
    badGrade.criteria[0]!['grade'] = 'merit';
    expect(() => parsePracticeTexts(badGrade)).toThrow(/criterion 0 is not complete/);
    const orphan = built();
    orphan.criteria = orphan.criteria.filter((c) => c['id'] !== orphan.prompts[0]!['criterion']);
    expect(() => parsePracticeTexts(orphan)).toThrow(new RegExp(`question ${String(orphan.prompts[0]!['id'])} draws on criterion`));
  });
});
