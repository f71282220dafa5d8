/**
 * A full set of saved progress, as a learner near the end of the programme would have: all 70 KSBs
 * rated with a note, 490 questions answered (49 quizzes of 10), 20 evidence entries with their
 * story, the checklist and the planner. Every piece of the learner's own writing holds "SECRET",
 * so a test can prove none of it leaves in a report that leaves writing out.
 */
import { MemoryStorage } from '../../src/lib/storage/backend';
import { keyFor } from '../../src/lib/storage/keys';

export const CODES = [
  ...Array.from({ length: 31 }, (_, i) => `K${i + 1}`),
  ...Array.from({ length: 34 }, (_, i) => `S${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `B${i + 1}`),
];

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 0, 1 + day, hour)).toISOString();
const envelope = (data: unknown, version = 1) => JSON.stringify({ version, savedAt: at(300), data });

export function fullProgress(): MemoryStorage {
  const storage = new MemoryStorage();
  const ratings = { ksbs: Object.fromEntries(CODES.map((c, i) => [c, { rating: (['developing', 'confident', 'evidence'] as const)[i % 3], updated: at(i).slice(0, 10), note: `SECRET note on ${c}: where I showed it at work, in a sentence or two of my own.` }])) };
  const questions = Array.from({ length: 490 }, (_, i) => `${CODES[i % 70]!.toLowerCase()}-question-about-practice-${i}`);
  const cards = Object.fromEntries(
    questions.map((q, i) => [q, { due: at(310 + (i % 20)), stability: 3.2 + (i % 7), difficulty: 5.1, scheduledDays: 4, learningSteps: 0, reps: 2, lapses: i % 2, state: 2, lastReview: at(280 + (i % 20)) }]),
  );
  const answers = questions.map((q, i) => ({ question: q, at: at(280 + (i % 20), 10 + (i % 8)), correct: i % 4 !== 0, confidence: 'certain' }));
  const attempts = Array.from({ length: 49 }, (_, a) => ({
    id: `attempt-${a}`,
    finishedAt: at(250 + a),
    scope: 'All KSBs',
    results: questions.slice(a * 10, a * 10 + 10).map((q, i) => ({ question: q, correct: i % 4 !== 0, ksbs: [q.split('-')[0]!.toUpperCase()], confidence: 'certain' })),
  }));
  const entries = Array.from({ length: 20 }, (_, i) => ({
    id: `e${i}`,
    title: `SECRET title of piece of work ${i}`,
    date: at(30 + i * 10).slice(0, 10),
    situation: 'SECRET situation: the team, the data and the problem we had with drift in production.',
    action: 'SECRET action: I added checks and alerts, and wrote the runbook the team now follows.',
    result: 'SECRET result: alerts caught two incidents before customers noticed.',
    where: 'SECRET repository ml/drift',
    ksbs: [CODES[i]!, CODES[i + 30]!, CODES[i + 50]!],
    otjHours: 2,
    created: at(30 + i * 10),
    updated: at(31 + i * 10),
  }));
  const activities = Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, date: at(20 + i * 15).slice(0, 10), hours: 6, what: `SECRET course ${i}`, ksbs: ['S24'], created: at(20 + i * 15), updated: at(20 + i * 15) }));
  const eligibility = {
    englishMaths: { age: '19+', level2: 'yes' },
    role: { mlRole: 'yes', employerSupport: 'yes', offTheJobTime: 'yes' },
    ksbs: Object.fromEntries(CODES.map((c) => [c, { opportunity: 'yes', canAlready: true, note: `SECRET eligibility note on ${c}` }])),
    gateway: { startDate: '2025-09-01', scopingTitle: 'SECRET project title', scopingSummary: 'SECRET summary', scopingScope: 'SECRET scope' },
  };
  storage.setItem(keyFor('ratings'), envelope(ratings));
  storage.setItem(keyFor('quiz'), envelope({ cards, answers, attempts }, 2));
  storage.setItem(keyFor('evidence'), envelope({ entries, activities, plan: { startDate: '2025-09-01' } }));
  storage.setItem(keyFor('eligibility'), envelope(eligibility, 2));
  storage.setItem(keyFor('planner'), envelope({ startDate: '2025-09-01', gatewayDate: '2027-03-01' }));
  storage.setItem(
    keyFor('practice'),
    envelope({ sessions: [{ id: 's1', method: 'am2', createdAt: at(200), extended: false, timer: { durationMs: 5_400_000, usedMs: 0 }, current: 0, items: [{ prompt: 'p', criterion: 'am2-model-management-pass-3', mark: 'pass', notes: 'SECRET practice notes' }] }] }),
  );
  storage.setItem(keyFor('report'), envelope({ checked: [], mapping: { K1: { where: 'SECRET section 2' } } }));
  return storage;
}
