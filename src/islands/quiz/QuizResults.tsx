/**
 * A quiz's results: the score, then answers given with certainty that were wrong (the most
 * dangerous gaps), then each KSB of the quiz with this quiz's tally and where the learner stands
 * now by the learner model, the same state every other page shows.
 */
import { breakdown, type Attempt, type QuizQuestion } from '../../lib/quiz/engine';
import type { LearnerModel } from '../../lib/learner/model';
import { plural } from '../../lib/format';
import { href, paths } from '../../lib/urls';
import { ScrollTable } from '../shared/ScrollTable';
import { StateTag } from './WhereYouStand';

interface Props {
  results: Attempt['results'];
  questions: QuizQuestion[];
  model: LearnerModel;
  scoreRef: { current: HTMLHeadingElement | null };
}

export function QuizResults({ results, questions, model, scoreRef }: Props) {
  const right = results.filter((r) => r.correct).length;
  const rows = breakdown(results);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const certainWrong = results.filter((r) => !r.correct && r.confidence === 'certain');
  const needWork = rows.filter((r) => model.get(r.ksb)?.state === 'needs-work');
  // "None needs work" only when every KSB's state is known: an unknown one is not one that is fine.
  const allKnown = rows.every((r) => model.has(r.ksb));
  return (
    <>
      <h3 tabIndex={-1} ref={scoreRef} class="quiz__heading">
        Your score: {right} out of {results.length} ({Math.round((right / results.length) * 100)}%)
      </h3>
      {certainWrong.length > 0 && (
        <section class="quiz__certain-wrong" aria-labelledby="certain-wrong-heading" data-certain-wrong>
          <h4 id="certain-wrong-heading">You were certain, but wrong ({certainWrong.length})</h4>
          <p>These matter most: an answer you are sure of is one you would give an assessor.</p>
          <ul>
            {certainWrong.map((r) => (
              <li key={r.question}>
                <a href={href(paths.ksb(r.ksbs[0]!))}>{r.ksbs[0]}</a>: {byId.get(r.question)?.question}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ScrollTable label="Results by KSB">
        <table>
          <caption>Results by KSB, and where you stand now</caption>
          <thead>
            <tr>
              <th scope="col">KSB</th>
              <th scope="col">This quiz</th>
              <th scope="col">Where you stand now</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const state = model.get(row.ksb);
              return (
                <tr key={row.ksb} data-ksb={row.ksb} data-state={state?.state}>
                  <th scope="row">
                    <a href={href(paths.ksb(row.ksb))}>{row.ksb}</a>
                  </th>
                  <td>
                    {row.correct} of {row.total} right
                  </td>
                  <td>{state ? (<><StateTag state={state} /> {state.summary}</>) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      {needWork.length > 0 ? (
        <>
          <h4>Revise these first</h4>
          <ul>
            {needWork.map((row) => (
              <li key={row.ksb}>
                <a href={href(paths.ksb(row.ksb))}>{row.ksb}</a>: {model.get(row.ksb)!.reasons.join('; ')}.
              </li>
            ))}
          </ul>
        </>
      ) : !allKnown ? (
        <p data-states-unknown>Where you stand on each KSB could not be worked out just now. Your answers are saved: the KSB pages and your progress page show it.</p>
      ) : (
        <p data-none-need-work>
          None of the {plural(rows.length, 'KSB')} in this quiz needs work now. Each one’s evidence is above: keep answering until each is secure, and come
          back when questions are due for review.
        </p>
      )}
    </>
  );
}
