/** One practice session: the timers, the current question with its criterion, self-marks and notes. */
import {
  finishPresentation,
  finishSession,
  goToQuestion,
  markCovered,
  PRACTICE_NOTES_MAX,
  marksFor,
  summariseMarks,
  toRevise,
  updateCurrent,
  withExtension,
  type Mark,
  type PracticeSession,
} from '../../lib/practice';
import { href, paths } from '../../lib/urls';
import { plural } from '../../lib/format';
import { Radios, SavedStatus, TextField, type SaveState } from '../shared/fields';
import { Timer } from './Timer';
import { PromptExamples } from './PromptExamples';
import { METHOD_NAME, type HeadingRef, type PracticeProps } from './types';
import '../shared/progress-line.css';
import './SessionView.css';

const MARK_LABEL: Record<Mark, string> = { 'not-yet': 'Not yet', pass: 'At pass level', distinction: 'At distinction level' };

interface SessionViewProps {
  session: PracticeSession;
  props: PracticeProps;
  change: (fn: (s: PracticeSession) => PracticeSession) => void;
  onClose: () => void;
  headingRef: HeadingRef;
  saveState: SaveState;
}

export function SessionView({ session, props, change, onClose, headingRef, saveState }: SessionViewProps) {
  const criteria = new Map(props.criteria.map((c) => [c.id, c]));
  const themes = new Map(props.themes.map((t) => [t.id, t]));
  const prompts = new Map(props.prompts.map((p) => [p.id, p]));
  const timing = props.timing[session.method];
  const presenting = session.method === 'am1' && session.presentation && !session.presentation.done;
  const item = session.items[session.current];
  const prompt = item && prompts.get(item.prompt);
  const criterion = item && criteria.get(item.criterion);
  const theme = criterion && themes.get(criterion.theme);

  const setExtended = (extended: boolean) => change((s) => withExtension(s, timing, extended));
  const go = (to: number) => change((s) => goToQuestion(s, to));
  const setItem = (patch: { mark?: Mark; notes?: string }) => change((s) => updateCurrent(s, patch));
  const summary = summariseMarks(session);
  const revise = toRevise(session);

  return (
    <section class="session" aria-labelledby="session-heading" data-session={session.id}>
      <h2 id="session-heading" tabIndex={-1} ref={headingRef}>
        {METHOD_NAME[session.method]}
      </h2>
      <div class="field">
        <div class="choice">
          <input class="choice__input" type="checkbox" id="session-extension" checked={session.extended} onChange={(e) => setExtended((e.currentTarget as HTMLInputElement).checked)} />
          <label class="choice__label" for="session-extension">
            The assessor has extended the time by {timing.extensionPercent}%
          </label>
        </div>
      </div>

      {presenting && session.presentation ? (
        <>
          <Timer label="Presentation" timer={session.presentation.timer} onChange={(timer) => change((s) => ({ ...s, presentation: { ...s.presentation!, timer } }))} />
          <fieldset class="field">
            <legend class="field__legend">Your presentation should cover:</legend>
            {props.presentationContents.map((text, i) => {
              const id = `covered-${i}`;
              return (
                <div class="choice" key={text}>
                  <input
                    class="choice__input"
                    type="checkbox"
                    id={id}
                    checked={session.presentation!.covered.includes(text)}
                    onChange={(e) => {
                      const covered = (e.currentTarget as HTMLInputElement).checked;
                      change((s) => markCovered(s, text, covered));
                    }}
                  />
                  <label class="choice__label" for={id}>
                    {text}
                  </label>
                </div>
              );
            })}
          </fieldset>
          <button type="button" class="button" onClick={() => change((s) => finishPresentation(s, Date.now()))}>
            Finish the presentation and start the questions
          </button>
        </>
      ) : (
        <>
          <Timer label={session.method === 'am1' ? 'Questioning' : 'Professional discussion'} timer={session.timer} onChange={(timer) => change((s) => ({ ...s, timer }))} />
          {prompt && criterion && theme && (
            <div class="practice-question">
              <p class="quiz__progress">
                Question {session.current + 1} of {session.items.length} · {theme.name}
              </p>
              <p class="practice-question__prompt">{prompt.prompt}</p>
              {prompt.followUps && prompt.followUps.length > 0 && (
                <details>
                  <summary>Follow-up questions the assessor might ask</summary>
                  <ul>
                    {prompt.followUps.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                </details>
              )}
              <div class="practice-question__criterion">
                <p>
                  This question draws out the {criterion.grade} criterion of{' '}
                  <a href={href(`${paths.theme(theme)}#${criterion.id}`)}>{theme.name}</a>:
                </p>
                <blockquote class="quoted">
                  <p>
                    {criterion.text} ({criterion.ksbs.join(', ')})
                  </p>
                </blockquote>
              </div>
              <PromptExamples ksbs={criterion.ksbs} />
              <Radios
                name={`mark-${session.current}`}
                legend="How well did your answer meet this criterion?"
                options={marksFor(criterion.grade).map((value) => ({ value, label: MARK_LABEL[value] }))}
                value={item.mark}
                onChange={(mark) => setItem({ mark })}
                inline
              />
              <TextField id={`notes-${session.current}`} label="Your notes (optional)" hint="What you said, and what you would add next time." multiline rows={4} maxLength={PRACTICE_NOTES_MAX} value={item.notes} onInput={(notes) => setItem({ notes })} />
              <SavedStatus state={saveState} />
              <div class="button-row">
                {session.current > 0 && (
                  <button type="button" class="button button--secondary" onClick={() => go(session.current - 1)}>
                    Previous question
                  </button>
                )}
                {session.current < session.items.length - 1 ? (
                  <button type="button" class="button" onClick={() => go(session.current + 1)}>
                    Next question
                  </button>
                ) : (
                  !session.finishedAt && (
                    <button type="button" class="button" onClick={() => change((s) => finishSession(s, new Date()))}>
                      Finish the session
                    </button>
                  )
                )}
              </div>
            </div>
          )}
          {session.finishedAt && (
            <div class="practice-end">
              <div class="notice notice--success" role="status">
                <p class="notice__title">Session finished</p>
                <p>
                  Your self-marks: {summary.distinction} at distinction level, {summary.pass} at pass level, {summary.notYet} not yet, {summary.unmarked} not marked.
                  {revise.notYet.length === 0 && ' You marked no criterion “not yet”.'}
                </p>
              </div>
              {revise.notYet.length > 0 && (
                <section aria-labelledby="revise-heading" data-revise>
                  <h3 id="revise-heading">To revise: {plural(revise.notYet.length, 'criterion', 'criteria')} you marked “not yet”</h3>
                  <ul class="practice-revise">
                    {revise.notYet.map((id) => {
                      const c = criteria.get(id);
                      const t = c && themes.get(c.theme);
                      if (!c || !t) return null;
                      return (
                        <li key={id}>
                          <p>
                            <a href={href(`${paths.theme(t)}#${c.id}`)}>
                              {t.name}, {c.grade} criterion
                            </a>
                          </p>
                          <blockquote class="quoted">
                            <p>{c.text}</p>
                          </blockquote>
                          <p>
                            Revision notes:{' '}
                            {c.ksbs.map((code, i) => (
                              <span key={code}>
                                {i > 0 && ', '}
                                <a href={href(paths.ksbNotes(code))}>{code}</a>
                              </span>
                            ))}
                          </p>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              )}
              {revise.unmarked.length > 0 && (
                <p data-unmarked>
                  Not marked yet:{' '}
                  {revise.unmarked.map((i, n) => (
                    <span key={i}>
                      {n > 0 && ' '}
                      <button type="button" class="button button--secondary button--small" onClick={() => go(i)}>
                        Question {i + 1}
                      </button>
                    </span>
                  ))}
                </p>
              )}
            </div>
          )}
        </>
      )}
      <p>
        <button type="button" class="button button--secondary" onClick={onClose}>
          Back to your sessions
        </button>
      </p>
    </section>
  );
}
