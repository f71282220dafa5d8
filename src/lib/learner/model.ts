/**
 * The one model of the learner. Everything saved (self-ratings, every quiz answer with its time and
 * confidence, each question's FSRS card, mock-assessment self-marks) becomes one state per KSB, with
 * the evidence it rests on and its reasons in words. Every page that shows a KSB's state asks this
 * module: quiz results, the KSB page, KSB lists, /progress/, the quiz builder's weak and due lists,
 * the readiness report and its CSV. Nothing else computes mastery or readiness.
 *
 * A KSB is
 * - needs work: a question of it was last answered wrong; or its estimated recall is below
 *   RECALL_THRESHOLD over at least MIN_QUESTIONS_TO_TELL answered questions; or it is rated Not
 *   started or Developing; or a mock-assessment answer on it was marked "not yet";
 * - no evidence yet: nothing answered, rated, marked or logged in the evidence log;
 * - too little to tell: some evidence, but fewer than MIN_QUESTIONS_TO_TELL of its questions answered;
 * - secure: at least MIN_QUESTIONS_TO_TELL answered, all last answered right, estimated recall at or
 *   above RECALL_THRESHOLD, and not rated below Confident; and, for a KSB the professional
 *   discussion assesses, at least one work example in the evidence log (without one it is too
 *   little to tell, with that reason).
 * A verdict never claims more than its evidence: with nothing answered, nothing is secure.
 */
import { compareTimes } from '../dates';
import { plural, pluralWord } from '../format';
import { compareKsbCodes } from '../standard';
import type { EligibilityAnswers } from '../eligibility/answers';
import type { PracticeData } from '../practice';
import { RATING_LABEL, type Rating } from '../rating-scale';
import type { Ratings } from '../ratings';
import type { EvidenceLog } from '../evidence/log';
import { latestAnswers, type Answer, type QuestionRef, type QuizHistory } from '../quiz/engine';
import { isDue, recallNow } from '../quiz/cards';
import type { BankIndex } from '../quiz/bank';
import { MIN_QUESTIONS_TO_TELL, NEARLY_SHARE, RECALL_THRESHOLD } from './thresholds';

// The names and their words live in a module of their own, so a page that only labels states (the
// KSB list) does not load the model and the quiz engine with them.
import type { KsbStateName } from './state-names';
export { STATE_LABEL, type KsbStateName } from './state-names';

export interface QuizEvidence {
  /** Questions in the bank that test the KSB. */
  bank: number;
  /** Of those, answered at least once. */
  tried: number;
  /** Of those tried, last answered right. */
  right: number;
  /** Questions last answered wrong, and of those, answered wrong while certain. */
  wrong: string[];
  certainWrong: string[];
  /** Questions last answered right, but marked as a guess: right, yet not shown to be known. */
  guessedRight: string[];
  /** Every answer to its questions, and the latest one's time. */
  answers: number;
  lastAnswered?: string | undefined;
  /** FSRS's estimated recall now, averaged over the questions tried (undefined when none). */
  recall?: number | undefined;
  /** Questions due for review by the end of today. */
  due: number;
}

export interface KsbState {
  code: string;
  state: KsbStateName;
  /** Why, in words ("2 of its questions last answered wrong"). */
  reasons: string[];
  /** How much evidence the state rests on, in one plain sentence. */
  summary: string;
  quiz: QuizEvidence;
  rating?: Rating | undefined;
  /** Criteria cited by the KSB whose latest mock-assessment self-mark was "not yet". */
  mockNotYet: string[];
  /** Ticked "I can already do this" in the eligibility checklist. */
  canAlready: boolean;
  /** Entries in the evidence log that show it. */
  examples: number;
  /** Its quiz answers bear it out, and only a work example is missing (a KSB the discussion assesses): the one thing left to do. */
  awaitsExample: boolean;
}

export interface LearnerData {
  ratings: Ratings;
  quiz: QuizHistory;
  practice: PracticeData;
  /** The checklist's "I can already do this" ticks (optional: only where the page loads the checklist). */
  eligibility?: Pick<EligibilityAnswers, 'ksbs'> | undefined;
  /** The evidence log's entries (optional: only where the page loads the log). */
  evidence?: Pick<EvidenceLog, 'entries'> | undefined;
}

export interface LearnerContext {
  /** The question bank's index; undefined when it could not be loaded (quiz evidence then unknown). */
  bank: readonly QuestionRef[] | undefined;
  /** Which KSBs each criterion cites (for mock-assessment self-marks). */
  criteriaKsbs: ReadonlyMap<string, readonly string[]>;
  /**
   * The KSBs the professional discussion (AM2) assesses: with the evidence log loaded, one with no
   * logged work example is not secure, as the assessor asks for real examples.
   */
  discussionKsbs?: ReadonlySet<string> | undefined;
  now: Date;
}

export type LearnerModel = Map<string, KsbState>;

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** The latest self-mark per criterion, from the newest session back. */
function latestMockMarks(practice: PracticeData): Map<string, string> {
  const marks = new Map<string, string>();
  const sessions = [...practice.sessions].sort((a, b) => compareTimes(b.createdAt, a.createdAt));
  for (const session of sessions) for (const item of session.items) if (item.mark && !marks.has(item.criterion)) marks.set(item.criterion, item.mark);
  return marks;
}

/**
 * The bank's questions by KSB (in bank order), and each question's answers (how many, and when last):
 * built once for all the KSBs of a model, not scanned again for each (70 KSBs, about 500 questions and
 * up to thousands of answers each time a page showed states).
 */
export interface QuizIndex {
  questions: ReadonlyMap<string, readonly QuestionRef[]>;
  answers: ReadonlyMap<string, { count: number; last: string }>;
}

export function quizIndexOf(bank: readonly QuestionRef[] | undefined, quiz: QuizHistory): QuizIndex {
  const questions = new Map<string, QuestionRef[]>();
  for (const q of bank ?? []) {
    for (const code of new Set(q.ksbs)) {
      const list = questions.get(code);
      if (list) list.push(q);
      else questions.set(code, [q]);
    }
  }
  const answers = new Map<string, { count: number; last: string }>();
  for (const a of quiz.answers) {
    const seen = answers.get(a.question);
    if (!seen) answers.set(a.question, { count: 1, last: a.at });
    else {
      seen.count++;
      if (a.at > seen.last) seen.last = a.at;
    }
  }
  return { questions, answers };
}

function quizEvidenceFor(code: string, data: LearnerData, context: LearnerContext, latest: Map<string, Answer>, index: QuizIndex): QuizEvidence {
  const questions = index.questions.get(code) ?? [];
  const ids = new Set(questions.map((q) => q.id));
  const tried = questions.filter((q) => latest.has(q.id));
  const wrong = tried.filter((q) => !latest.get(q.id)!.correct).map((q) => q.id);
  const certainWrong = wrong.filter((id) => latest.get(id)!.confidence === 'certain');
  const guessedRight = tried.filter((q) => latest.get(q.id)!.correct && latest.get(q.id)!.confidence === 'guessed').map((q) => q.id);
  let answers = 0;
  let lastAnswered: string | undefined;
  for (const id of ids) {
    const answered = index.answers.get(id);
    if (!answered) continue;
    answers += answered.count;
    if (lastAnswered === undefined || answered.last > lastAnswered) lastAnswered = answered.last;
  }
  const cards = tried.map((q) => data.quiz.cards[q.id]).filter((c) => c !== undefined);
  const recall = cards.length ? cards.reduce((sum, c) => sum + recallNow(c, context.now), 0) / cards.length : undefined;
  return {
    bank: questions.length,
    tried: tried.length,
    right: tried.length - wrong.length,
    wrong,
    certainWrong,
    guessedRight,
    answers,
    lastAnswered,
    recall,
    due: questions.filter((q) => data.quiz.cards[q.id] && isDue(data.quiz.cards[q.id]!, context.now)).length,
  };
}

/** "5 of 15 questions tried, all right; estimated recall now 94%", or "7 of 16 questions tried, 2 right" */
export function describeQuizEvidence(q: QuizEvidence): string {
  if (q.tried === 0) return q.bank ? `none of its ${q.bank} questions tried yet` : 'no quiz answers yet';
  const right = q.right === q.tried ? pluralWord(q.tried, 'answered right', 'all right') : `${q.right} right`;
  // Recall is shown only when every question tried was last answered right: just after a wrong
  // answer (and its feedback) FSRS's estimate is high, which would read as praise for a miss.
  const recall = q.recall !== undefined && q.right === q.tried ? `; estimated recall now ${percent(q.recall)}` : '';
  return `${q.tried} of ${q.bank} questions tried, ${right}${recall}`;
}

export function ksbState(
  code: string,
  data: LearnerData,
  context: LearnerContext,
  latest = latestAnswers(data.quiz),
  mocks = latestMockMarks(data.practice),
  index = quizIndexOf(context.bank, data.quiz),
): KsbState {
  const quiz = quizEvidenceFor(code, data, context, latest, index);
  const rating = data.ratings.ksbs[code]?.rating;
  const canAlready = Boolean(data.eligibility?.ksbs[code]?.canAlready);
  const mockMarks = [...mocks].filter(([criterion]) => context.criteriaKsbs.get(criterion)?.includes(code));
  const mockNotYet = mockMarks.filter(([, mark]) => mark === 'not-yet').map(([c]) => c);
  const examples = data.evidence?.entries.filter((e) => e.ksbs.includes(code)).length ?? 0;
  const logged = examples > 0 ? [`${plural(examples, 'work example')} logged`] : [];
  const needsExample = data.evidence !== undefined && examples === 0 && Boolean(context.discussionKsbs?.has(code));
  const NO_EXAMPLE = 'no work example logged yet: the professional discussion asks for real examples from your work';

  const needs: string[] = [];
  if (quiz.certainWrong.length) needs.push(`${plural(quiz.certainWrong.length, 'question')} answered wrong when you were certain`);
  const plainWrong = quiz.wrong.length - quiz.certainWrong.length;
  if (plainWrong > 0) needs.push(`${plural(plainWrong, 'question')} last answered wrong`);
  if (quiz.tried >= MIN_QUESTIONS_TO_TELL && quiz.recall !== undefined && quiz.recall < RECALL_THRESHOLD) {
    needs.push(`estimated recall ${percent(quiz.recall)}, below ${percent(RECALL_THRESHOLD)}, over ${quiz.tried} questions`);
  }
  if (rating === 'not-started' || rating === 'developing') needs.push(`you rated it ${RATING_LABEL[rating]}`);
  if (mockNotYet.length) needs.push(`you marked a mock-assessment answer on it “not yet”`);

  const evidence = describeQuizEvidence(quiz);
  const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  if (needs.length) return { code, state: 'needs-work', reasons: needs, summary: sentence(`${evidence}.`), quiz, rating, mockNotYet, canAlready, examples, awaitsExample: false };
  if (quiz.tried === 0 && !rating && mockMarks.length === 0 && !canAlready && examples === 0) {
    return { code, state: 'no-evidence', reasons: ['nothing answered, rated or marked yet'], summary: sentence(`${evidence}.`), quiz, rating, mockNotYet, canAlready, examples, awaitsExample: false };
  }
  // Every question tried was last answered right (a wrong one is a reason above). What the quiz
  // cannot yet tell: too few answered; too few right without guessing (a right guess shows no
  // knowledge); or no estimate of recall (answers kept without their review record).
  const guessed = quiz.guessedRight.length;
  const known = quiz.right - guessed;
  const untold =
    quiz.tried === 0
      ? `none of its questions answered yet: answer ${MIN_QUESTIONS_TO_TELL} to tell`
      : quiz.tried < MIN_QUESTIONS_TO_TELL
        ? `only ${plural(quiz.tried, 'question')} answered: answer ${MIN_QUESTIONS_TO_TELL - quiz.tried} more to tell`
        : known < MIN_QUESTIONS_TO_TELL
          ? `${known === 0 ? `all ${guessed}` : `${guessed} of its ${quiz.right}`} right answers ${pluralWord(guessed, 'was a guess', 'were guesses')}: answer ${MIN_QUESTIONS_TO_TELL - known} more without guessing to tell`
          : quiz.recall === undefined
            ? 'no estimate of recall (its answers have no review record): answer one of its questions again to tell'
            : undefined;
  if (untold) {
    const reasons = [untold];
    if (rating) reasons.push(`you rated it ${RATING_LABEL[rating]}, which a quiz has not yet borne out`);
    if (canAlready) reasons.push('you said you can already do it, which a quiz has not yet borne out');
    reasons.push(...logged);
    if (needsExample) reasons.push(NO_EXAMPLE);
    return { code, state: 'too-little', reasons, summary: sentence(`${evidence}: keep going.`), quiz, rating, mockNotYet, canAlready, examples, awaitsExample: false };
  }
  const reasons = [
    `${quiz.tried} questions answered, each last time right${guessed ? ` (${known} without guessing)` : ''}`,
    `estimated recall ${percent(quiz.recall!)}`,
  ];
  if (rating) reasons.push(`rated ${RATING_LABEL[rating]}`);
  if (canAlready) reasons.push('you said you can already do it');
  if (needsExample) {
    // The quiz bears out the knowledge, but the discussion needs an example: not secure for it yet.
    return { code, state: 'too-little', reasons: [NO_EXAMPLE, ...reasons], summary: sentence(`${evidence}: now log a work example.`), quiz, rating, mockNotYet, canAlready, examples, awaitsExample: true };
  }
  reasons.push(...logged);
  return { code, state: 'secure', reasons, summary: sentence(`${evidence}: keep it up with reviews.`), quiz, rating, mockNotYet, canAlready, examples, awaitsExample: false };
}

/** The KSBs the question bank tests, in the standard's order (the order every list of states uses). */
export function codesOfBank(bank: readonly QuestionRef[] | undefined): string[] {
  return [...new Set((bank ?? []).flatMap((q) => q.ksbs))].sort(compareKsbCodes);
}

/** Every KSB's state. */
export function learnerModel(codes: readonly string[], data: LearnerData, context: LearnerContext): LearnerModel {
  const latest = latestAnswers(data.quiz);
  const mocks = latestMockMarks(data.practice);
  const index = quizIndexOf(context.bank, data.quiz);
  return new Map(codes.map((code) => [code, ksbState(code, data, context, latest, mocks, index)]));
}

/**
 * Every KSB's state over the question bank's index: the one call every view makes, so no two build
 * its context differently. The KSBs are those the bank tests, so without the index (not yet loaded,
 * or failed) the model is empty: a view shows no state then, never one worked out without it.
 */
export function modelOverBank(data: LearnerData, bank: Pick<BankIndex, 'questions' | 'criteriaKsbs' | 'discussionKsbs'> | undefined, now: Date): LearnerModel {
  return learnerModel(codesOfBank(bank?.questions), data, { bank: bank?.questions, criteriaKsbs: bank?.criteriaKsbs ?? new Map(), discussionKsbs: bank?.discussionKsbs, now });
}

/** KSBs that need work, for the quiz builder's "weak" quiz: weakest (most reasons) first, then in standard order. */
export function weakKsbs(model: LearnerModel): string[] {
  return [...model.values()].filter((s) => s.state === 'needs-work').sort((a, b) => b.reasons.length - a.reasons.length).map((s) => s.code);
}

/* ───────────────────────────── Themes and methods ───────────────────────────── */

export type GroupStatus = 'not-started' | 'not-yet' | 'nearly' | 'ready';
export const GROUP_STATUS_LABEL: Record<GroupStatus, string> = { 'not-started': 'Not started', 'not-yet': 'Not ready yet', nearly: 'Nearly ready', ready: 'Ready' };

export interface GroupReadiness {
  status: GroupStatus;
  secure: number;
  total: number;
  counts: Record<KsbStateName, number>;
  /** Plain reasons: "2 KSBs need work", "3 too little to tell". */
  reasons: string[];
}

/**
 * A theme or method: ready when all its KSBs are secure; nearly ready when at least NEARLY_SHARE of
 * them are; not started when none has any evidence; otherwise not ready yet.
 */
export function groupReadiness(states: readonly KsbState[]): GroupReadiness {
  const counts: Record<KsbStateName, number> = { 'no-evidence': 0, 'too-little': 0, secure: 0, 'needs-work': 0 };
  for (const s of states) counts[s.state]++;
  const total = states.length;
  const status: GroupStatus =
    counts['no-evidence'] === total ? 'not-started' : counts.secure === total ? 'ready' : counts.secure / total >= NEARLY_SHARE ? 'nearly' : 'not-yet';
  const reasons = [
    counts['needs-work'] && `${plural(counts['needs-work'], 'KSB')} ${pluralWord(counts['needs-work'], 'needs', 'need')} work`,
    counts['too-little'] && `${counts['too-little']} too little to tell`,
    counts['no-evidence'] && `${counts['no-evidence']} with no evidence yet`,
    counts.secure && `${counts.secure} secure`,
  ].filter((r): r is string => Boolean(r));
  return { status, secure: counts.secure, total, counts, reasons };
}

/* ───────────────────────────── Calibration ───────────────────────────── */

export interface Calibration {
  /** Answers given as "certain", and how many of them were right. */
  certain: number;
  certainRight: number;
  /** Share right when certain, or undefined with no certain answers. */
  share?: number | undefined;
}

export function calibration(quiz: Pick<QuizHistory, 'answers'>): Calibration {
  const certain = quiz.answers.filter((a) => a.confidence === 'certain');
  const right = certain.filter((a) => a.correct).length;
  return { certain: certain.length, certainRight: right, share: certain.length ? right / certain.length : undefined };
}

/** "Of the 25 answers you were certain about, 92% were right." */
export function describeCalibration(c: Calibration): string {
  if (c.share === undefined) return 'You have not yet marked an answer as certain: after each answer, say how sure you were, to see how far to trust your own sense of what you know.';
  return `Of the ${plural(c.certain, 'answer')} you were certain about, ${percent(c.share)} ${pluralWord(c.certain, 'was', 'were')} right.`;
}
