/**
 * Runs one quiz: one question at a time, an answer, immediate feedback with the explanation, then a
 * score and a per-KSB breakdown. Saves every answer (spaced repetition) and every finished quiz.
 * Keyboard and screen reader: a fieldset and legend per question, feedback announced in a live
 * region, focus moved to the feedback and then to the next question.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, todayIso } from '../../lib/dates';
import {
  breakdown,
  correctIndices,
  dueQuestions,
  isCorrect,
  optionOrder,
  quizFeature,
  recordAnswer,
  recordAttempt,
  selectQuestions,
  weakKsbs,
  type Attempt,
  type QuizQuestion,
} from '../../lib/quiz/engine';
import { paths, href } from '../../lib/urls';
import { StorageNotices } from '../shared/StorageNotices';
import { ScrollTable } from '../shared/ScrollTable';
import { useSavedState } from '../shared/useSavedState';
import { loadIndex, loadQuestions } from './load-questions';
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

type Stage =
  | { name: 'intro' }
  | { name: 'loading' }
  | { name: 'error'; message: string }
  | { name: 'question'; at: number; chosen: number[]; checked: boolean; missing: boolean }
  | { name: 'results' };

export function QuizRunner({ scope, length, autoStart = false, onNewQuiz }: Props) {
  const history = useSavedState(quizFeature);
  const [stage, setStage] = useState<Stage>(autoStart ? { name: 'loading' } : { name: 'intro' });
  const [questions, setQuestions] = useState<QuizQuestion[]>([]);
  const [results, setResults] = useState<Attempt['results']>([]);
  const [seed, setSeed] = useState(0);
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
      const index = await loadIndex();
      const today = todayIso();
      const codes = scope.ksbs === 'weak' ? weakKsbs([...new Set(index.map((q) => q.ksbs[0]!))], index, history.data) : scope.ksbs === 'due' ? [] : scope.ksbs;
      const pool = scope.ksbs === 'due' ? dueQuestions(index, history.data, today) : index.filter((q) => codes.includes(q.ksbs[0]!));
      const newSeed = Date.now() % 2147483647;
      const refs = selectQuestions(pool, history.data, { length, seed: newSeed, today });
      if (refs.length === 0) {
        setStage({
          name: 'error',
          message: scope.ksbs === 'weak' ? 'You have no weak KSBs yet: take a few quizzes first.' : scope.ksbs === 'due' ? 'Nothing is due for review today.' : 'There are no questions for this selection.',
        });
        return;
      }
      setQuestions(await loadQuestions(refs));
      setSeed(newSeed);
      setResults([]);
      pendingFocus.current = 'question';
      setStage({ name: 'question', at: 0, chosen: [], checked: false, missing: false });
    } catch (error) {
      setStage({ name: 'error', message: `The questions could not be loaded (${error instanceof Error ? error.message : String(error)}). Check your connection and try again.` });
    }
  };

  useEffect(() => {
    if (autoStart && history.ready) void start();
    // Start once, when saved history has been read.
  }, [autoStart, history.ready]);

  const ready = history.ready ? 'true' : undefined;

  if (stage.name === 'intro') {
    const last = history.data.attempts.find((a) => a.scope === scope.label);
    return (
      <div class="quiz" data-ready={ready}>
        <p>
          {Math.min(length, 99)} questions on {scope.label}. You get feedback after each one, and your answers are saved to plan your reviews.
        </p>
        {last && (
          <p class="quiz__last" data-last-attempt>
            Last time: {last.results.filter((r) => r.correct).length} of {last.results.length} right, on{' '}
            {formatDate(last.finishedAt.slice(0, 10))}.
          </p>
        )}
        <button type="button" class="button" onClick={start}>
          Start the quiz
        </button>
      </div>
    );
  }
  if (stage.name === 'loading') return <p class="quiz" data-ready={ready} aria-live="polite">Loading questions…</p>;
  if (stage.name === 'error') {
    return (
      <div class="quiz" data-ready={ready}>
        <p class="notice" role="alert">{stage.message}</p>
        {onNewQuiz && (
          <button type="button" class="button button--secondary" onClick={onNewQuiz}>
            Choose another quiz
          </button>
        )}
      </div>
    );
  }

  if (stage.name === 'results') {
    const right = results.filter((r) => r.correct).length;
    const rows = breakdown(results);
    const weak = rows.filter((r) => r.correct / r.total < 0.6);
    return (
      <div class="quiz quiz--results" data-ready={ready} data-stage="results">
        <h3 tabIndex={-1} ref={scoreRef} class="quiz__heading">
          Your score: {right} out of {results.length} ({Math.round((right / results.length) * 100)}%)
        </h3>
        <ScrollTable label="Results by KSB">
          <table>
            <caption>Results by KSB</caption>
            <thead>
              <tr>
                <th scope="col">KSB</th>
                <th scope="col">Right</th>
                <th scope="col">Questions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.ksb}>
                  <th scope="row">
                    <a href={href(paths.ksb(row.ksb))}>{row.ksb}</a>
                  </th>
                  <td>{row.correct}</td>
                  <td>{row.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        {weak.length > 0 ? (
          <>
            <h4>Revise these first</h4>
            <ul>
              {weak.map((row) => (
                <li key={row.ksb}>
                  <a href={href(paths.ksb(row.ksb))}>{row.ksb}</a>: {row.correct} of {row.total} right
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>No KSB in this quiz was below 60%. Come back when questions are due for review.</p>
        )}
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
  const order = optionOrder(question, seed);
  const multiple = question.type === 'multiple';
  const correct = correctIndices(question);
  const wasRight = stage.checked && isCorrect(question, stage.chosen);
  const last = stage.at === questions.length - 1;
  const name = `quiz-${question.id}`;

  const choose = (index: number, on: boolean) => {
    if (stage.checked) return;
    const chosen = multiple ? (on ? [...stage.chosen, index] : stage.chosen.filter((i) => i !== index)) : [index];
    setStage({ ...stage, chosen, missing: false });
  };

  const check = (event: Event) => {
    event.preventDefault();
    if (stage.checked) return;
    if (stage.chosen.length === 0) {
      setStage({ ...stage, missing: true });
      return;
    }
    const right = isCorrect(question, stage.chosen);
    history.update((h) => recordAnswer(h, question.id, right, todayIso()));
    setResults((list) => [...list, { question: question.id, correct: right, ksbs: question.ksbs }]);
    setAnnouncement(right ? 'Correct.' : 'Not quite.');
    pendingFocus.current = 'feedback';
    setStage({ ...stage, checked: true, missing: false });
  };

  const next = () => {
    setAnnouncement('');
    pendingFocus.current = last ? 'score' : 'question';
    if (last) {
      const attempt: Attempt = { id: `${Date.now()}`, finishedAt: new Date().toISOString(), scope: scope.label, results };
      history.update((h) => recordAttempt(h, attempt));
      setStage({ name: 'results' });
    } else setStage({ name: 'question', at: stage.at + 1, chosen: [], checked: false, missing: false });
  };

  return (
    <div class="quiz" data-ready={ready} data-stage={stage.checked ? 'feedback' : 'question'}>
      <StorageNotices problems={history.problems} onDismiss={history.dismiss} />
      <p class="quiz__progress">
        Question {stage.at + 1} of {questions.length}
      </p>
      <form onSubmit={check} noValidate>
        <fieldset class={stage.missing ? 'field field--error' : 'field'} aria-describedby={`${name}-hint${stage.missing ? ` ${name}-error` : ''}`}>
          <legend class="quiz__question" tabIndex={-1} ref={questionRef}>
            {question.question}
          </legend>
          <div class="field__hint" id={`${name}-hint`}>
            {multiple ? 'Select all that apply.' : 'Select one answer.'}
          </div>
          {stage.missing && (
            <p class="field__error" id={`${name}-error`}>
              <span class="visually-hidden">Error:</span> {multiple ? 'Select at least one answer' : 'Select an answer'}
            </p>
          )}
          <div class="choices">
            {order.map((index) => {
              const option = question.options[index]!;
              const id = `${name}-${index}`;
              const picked = stage.chosen.includes(index);
              const mark = stage.checked ? (option.correct ? 'correct' : picked ? 'wrong' : undefined) : undefined;
              return (
                <div class={`choice${mark ? ` choice--${mark}` : ''}`} key={index}>
                  <input
                    class="choice__input"
                    type={multiple ? 'checkbox' : 'radio'}
                    id={id}
                    name={name}
                    checked={picked}
                    disabled={stage.checked}
                    onChange={(e) => choose(index, (e.currentTarget as HTMLInputElement).checked)}
                  />
                  <label class="choice__label" for={id}>
                    {option.text}
                    {mark === 'correct' && <span class="choice__mark"> (correct answer)</span>}
                    {mark === 'wrong' && <span class="choice__mark"> (your answer)</span>}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
        {!stage.checked && (
          <button type="submit" class="button">
            Check answer
          </button>
        )}
      </form>
      {stage.checked && (
        <div class={`quiz__feedback quiz__feedback--${wasRight ? 'right' : 'wrong'}`}>
          <h3 class="quiz__heading" tabIndex={-1} ref={feedbackRef}>
            {wasRight ? 'Correct' : 'Not quite'}
          </h3>
          <p>{question.explanation}</p>
          <ul class="quiz__whys">
            {order
              .filter((i) => stage.chosen.includes(i) || correct.includes(i))
              .map((i) => (
                <li key={i}>
                  <strong>{question.options[i]!.text}</strong>
                  <br />
                  <span class="quiz__verdict">{correct.includes(i) ? (stage.chosen.includes(i) ? 'Right, and you chose it.' : 'Right, but you did not choose it.') : 'You chose this, but it is wrong.'}</span>{' '}
                  {question.options[i]!.why}
                </li>
              ))}
          </ul>
          <p>
            Revise:{' '}
            {question.ksbs.map((code, i) => (
              <>
                {i > 0 && ', '}
                <a href={href(paths.ksb(code))}>{code}</a>
              </>
            ))}
          </p>
          <button type="button" class="button" onClick={next}>
            {last ? 'See your results' : 'Next question'}
          </button>
        </div>
      )}
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
