/**
 * One quiz question: the options, an optional "How sure are you?" (one tap, skippable, asked before
 * the answer is checked so it is honest), then the feedback: why each option is right or wrong,
 * what the question tests, and where to revise.
 */
import { correctIndices, isCorrect, optionOrder, type QuizQuestion } from '../../lib/quiz/engine';
import { CONFIDENCE_LABEL, CONFIDENCES, type Confidence } from '../../lib/quiz/cards';
import { href, paths } from '../../lib/urls';

export interface QuestionStage {
  at: number;
  chosen: number[];
  confidence: Confidence | undefined;
  checked: boolean;
  missing: boolean;
}

interface Props {
  question: QuizQuestion;
  seed: number;
  stage: QuestionStage;
  last: boolean;
  onStage: (change: Partial<QuestionStage>) => void;
  onCheck: (chosen: number[], confidence: Confidence | undefined) => void;
  onNext: () => void;
  questionRef: { current: HTMLLegendElement | null };
  feedbackRef: { current: HTMLHeadingElement | null };
}

export function QuestionView({ question, seed, stage, last, onStage, onCheck, onNext, questionRef, feedbackRef }: Props) {
  const order = optionOrder(question, seed);
  const multiple = question.type === 'multiple';
  const correct = correctIndices(question);
  const wasRight = stage.checked && isCorrect(question, stage.chosen);
  const name = `quiz-${question.id}`;

  const choose = (index: number, on: boolean) => {
    if (stage.checked) return;
    const chosen = multiple ? (on ? [...stage.chosen, index] : stage.chosen.filter((i) => i !== index)) : [index];
    onStage({ chosen, missing: false });
  };

  const check = (event: Event) => {
    event.preventDefault();
    if (stage.checked) return;
    if (stage.chosen.length === 0) {
      onStage({ missing: true });
      return;
    }
    onCheck(stage.chosen, stage.confidence);
    onStage({ checked: true, missing: false });
  };

  return (
    <>
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
          <fieldset class="field quiz__confidence">
            <legend class="field__legend field__legend--small">How sure are you? (optional)</legend>
            <div class="choices choices--inline">
              {CONFIDENCES.map((value) => (
                <div class="choice" key={value}>
                  <input
                    class="choice__input"
                    type="radio"
                    id={`${name}-sure-${value}`}
                    name={`${name}-sure`}
                    checked={stage.confidence === value}
                    onChange={() => onStage({ confidence: value })}
                  />
                  <label class="choice__label" for={`${name}-sure-${value}`}>
                    {CONFIDENCE_LABEL[value]}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        )}
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
          {!wasRight && stage.confidence === 'certain' && (
            <p class="quiz__certain-wrong-note" data-certain-wrong-note>
              You were certain of this answer. That makes it one to revise first: an answer you are sure of is the one you would give an assessor.
            </p>
          )}
          <p>{question.explanation}</p>
          <WhatItTests question={question} />
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
          <button type="button" class="button" onClick={onNext}>
            {last ? 'See your results' : 'Next question'}
          </button>
        </div>
      )}
    </>
  );
}

/** After an answer: which part of the KSB statement, or which criterion, the question tests. */
function WhatItTests({ question }: { question: QuizQuestion }) {
  const { phrase, criterion } = question.tests;
  if (!phrase && !criterion) return null;
  return (
    <p class="quiz__tests" data-tests>
      <span class="label">What this tests:</span>
      {phrase && (
        <>
          {' '}
          {question.ksbs[0]}’s “{phrase}”
        </>
      )}
      {phrase && criterion && ';'}
      {criterion && (
        <>
          {' '}
          the {criterion.grade} criterion of {criterion.theme}, “{criterion.text}”
        </>
      )}
      .
    </p>
  );
}
