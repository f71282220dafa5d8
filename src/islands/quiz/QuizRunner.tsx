/**
 * Runs one quiz: one question at a time, an answer (and, optionally, how sure the learner was),
 * immediate feedback with the explanation, then the results. Saves every answer with its time and
 * confidence (FSRS schedules the reviews) and every finished quiz. Where the learner stands on a
 * KSB comes from the learner model (src/lib/learner), the same on every page.
 * Keyboard and screen reader: a fieldset and legend per question, feedback announced in a live
 * region, focus moved to the feedback and then to the next question.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { dayOf, formatDate } from '../../lib/dates';
import { weakKsbs, type LearnerModel } from '../../lib/learner/model';
import { dueQuestions, isCorrect, recordAttempt, selectQuestions, type Attempt, type QuizQuestion } from '../../lib/quiz/engine';
import { loadBankIndex, loadQuestions } from '../../lib/quiz/load-bank';
import type { BankIndex } from '../../lib/quiz/bank';
import type { Confidence } from '../../lib/quiz/cards';
import { recordAnswer } from '../../lib/quiz/schedule';
import { StorageNotices } from '../shared/StorageNotices';
import { useEarlyInput } from '../shared/useEarlyInput';
import { useLearner } from '../shared/useLearner';
import { QuestionView, type QuestionStage } from './QuestionView';
import { QuizResults } from './QuizResults';
import { WhereYouStand } from './WhereYouStand';
import '../shared/progress-line.css';
import './QuizRunner.css';

export interface QuizScope {
  /** Shown to the learner: "K7", "the Model Scoping theme", "your weak KSBs". */
  label: string;
  /** The KSBs whose questions the quiz draws on, or a rule over the learner's history. */
  ksbs: string[] | 'weak' | 'due';
}

interface Props {
  scope: QuizScope;
  length: number;
  /** Start straight away (the quiz page's builder), rather than showing a start button. */
  autoStart?: boolean;
  onNewQuiz?: () => void;
}

/** While a saved part could not be read (useLearner's unread), no state is shown. */
const NO_STATES: LearnerModel = new Map();

type Stage = { name: 'intro' } | { name: 'loading' } | { name: 'error'; message: string } | ({ name: 'question' } & QuestionStage) | { name: 'results' };

export function QuizRunner({ scope, length, autoStart = false, onNewQuiz }: Props) {
  const early = useEarlyInput();
  const learner = useLearner();
  const history = learner.quiz;
  const [stage, setStage] = useState<Stage>(autoStart ? { name: 'loading' } : { name: 'intro' });
  const [questions, setQuestions] = useState<QuizQuestion[]>([]);
  const [results, setResults] = useState<Attempt['results']>([]);
  const [seed, setSeed] = useState(0);
  // The question list a quiz was started with, when this page's own download of it had failed:
  // where the learner stands afterwards is worked out over it, never over no list at all.
  const [startedBank, setStartedBank] = useState<BankIndex>();
  const [announcement, setAnnouncement] = useState('');
  // After a step, focus moves to what the learner needs next: the question, the feedback or the score.
  const questionRef = useRef<HTMLLegendElement>(null);
  const feedbackRef = useRef<HTMLHeadingElement>(null);
  const scoreRef = useRef<HTMLHeadingElement>(null);
  // Which of them to focus once it has rendered (a render in between must not use up the request).
  const pendingFocus = useRef<'question' | 'feedback' | 'score' | undefined>();

  useEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    const target = { question: questionRef, feedback: feedbackRef, score: scoreRef }[want].current;
    if (target && (want !== 'question' || (stage.name === 'question' && !stage.checked))) {
      target.focus();
      pendingFocus.current = undefined;
    }
  });

  const start = async () => {
    setStage({ name: 'loading' });
    try {
      // A tap on Start before the question list arrived waits for it (the download is shared).
      const bank = learner.bank ?? (await loadBankIndex());
      const index = bank.questions;
      const now = new Date();
      const model = learner.bank ? learner.model : learner.modelFor(bank);
      if (!learner.bank) setStartedBank(bank);
      const codes = scope.ksbs === 'weak' ? weakKsbs(model) : scope.ksbs === 'due' ? [] : scope.ksbs;
      const pool = scope.ksbs === 'due' ? dueQuestions(index, history.data, now) : index.filter((q) => codes.includes(q.ksbs[0]!));
      const newSeed = Date.now() % 2147483647;
      const refs = selectQuestions(pool, history.data, { length, seed: newSeed, now });
      if (refs.length === 0) {
        setStage({
          name: 'error',
          message:
            scope.ksbs === 'weak'
              ? 'No KSB needs work right now by your answers and ratings: take a few more quizzes first.'
              : scope.ksbs === 'due'
                ? 'Nothing is due for review today.'
                : 'There are no questions for this selection.',
        });
        return;
      }
      setQuestions(await loadQuestions(refs));
      setSeed(newSeed);
      setResults([]);
      pendingFocus.current = 'question';
      setStage({ name: 'question', at: 0, chosen: [], confidence: undefined, checked: false, missing: false });
    } catch (error) {
      setStage({ name: 'error', message: `The questions could not be loaded (${error instanceof Error ? error.message : String(error)}). Check your connection and try again.` });
    }
  };

  useEffect(() => {
    if (autoStart && learner.ready) void start();
    // Start once, when saved history and the question list have been read.
  }, [autoStart, learner.ready]);

  const ready = learner.ready ? 'true' : undefined;
  const notices = <StorageNotices states={[learner.quiz]} reads={[learner.ratings, learner.practice, learner.eligibility, learner.evidence]} />;

  if (stage.name === 'intro') {
    const last = history.data.attempts.find((a) => a.scope === scope.label);
    const single = Array.isArray(scope.ksbs) && scope.ksbs.length === 1 && learner.unread.length === 0 ? learner.model.get(scope.ksbs[0]!) : undefined;
    return (
      <div ref={early} class="quiz" data-ready={ready}>
        {notices}
        {single && single.state !== 'no-evidence' && <WhereYouStand state={single} />}
        <p>
          {Math.min(length, 99)} questions on {scope.label}. After each one, say how sure you were if you like; you get feedback, and your answers
          are saved to plan your reviews.
        </p>
        {last && (
          <p class="quiz__last" data-last-attempt>
            Last time: {last.results.filter((r) => r.correct).length} of {last.results.length} right, on {formatDate(dayOf(last.finishedAt) ?? last.finishedAt.slice(0, 10))}.
          </p>
        )}
        <button type="button" class="button" onClick={start}>
          Start the quiz
        </button>
      </div>
    );
  }
  if (stage.name === 'loading') {
    return (
      <p ref={early} class="quiz" data-ready={ready} aria-live="polite">
        Loading questions…
      </p>
    );
  }
  if (stage.name === 'error') {
    return (
      <div ref={early} class="quiz" data-ready={ready}>
        {notices}
        <p class="notice" role="alert">
          {stage.message}
        </p>
        {onNewQuiz && (
          <button type="button" class="button button--secondary" onClick={onNewQuiz}>
            Choose another quiz
          </button>
        )}
      </div>
    );
  }
  if (stage.name === 'results') {
    return (
      <div ref={early} class="quiz quiz--results" data-ready={ready} data-stage="results">
        {notices}
        <QuizResults results={results} questions={questions} model={learner.unread.length > 0 ? NO_STATES : learner.bank || !startedBank ? learner.model : learner.modelFor(startedBank)} scoreRef={scoreRef} />
        <div class="button-row">
          <button type="button" class="button" onClick={start}>
            Take another quiz on {scope.label}
          </button>
          {onNewQuiz && (
            <button type="button" class="button button--secondary" onClick={onNewQuiz}>
              Choose a different quiz
            </button>
          )}
        </div>
      </div>
    );
  }

  const question = questions[stage.at]!;
  const last = stage.at === questions.length - 1;

  const check = (chosen: number[], confidence: Confidence | undefined) => {
    const right = isCorrect(question, chosen);
    history.update((h) => recordAnswer(h, question.id, right, confidence, new Date()));
    setResults((list) => [...list, { question: question.id, correct: right, ksbs: question.ksbs, ...(confidence ? { confidence } : {}) }]);
    setAnnouncement(right ? 'Correct.' : 'Not quite.');
    pendingFocus.current = 'feedback';
  };

  const next = () => {
    setAnnouncement('');
    pendingFocus.current = last ? 'score' : 'question';
    if (last) {
      const attempt: Attempt = { id: `${Date.now()}`, finishedAt: new Date().toISOString(), scope: scope.label, results };
      history.update((h) => recordAttempt(h, attempt));
      setStage({ name: 'results' });
    } else setStage({ name: 'question', at: stage.at + 1, chosen: [], confidence: undefined, checked: false, missing: false });
  };

  return (
    <div ref={early} class="quiz" data-ready={ready} data-stage={stage.checked ? 'feedback' : 'question'}>
      {notices}
      <p class="quiz__progress">
        Question {stage.at + 1} of {questions.length}
      </p>
      <QuestionView
        question={question}
        seed={seed}
        stage={stage}
        last={last}
        onStage={(change) => setStage({ ...stage, ...change })}
        onCheck={check}
        onNext={next}
        questionRef={questionRef}
        feedbackRef={feedbackRef}
      />
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
