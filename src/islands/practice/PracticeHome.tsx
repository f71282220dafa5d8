/** The practice page's first view: start a session, and the list of saved sessions. */
import { useState } from 'preact/hooks';
import { drawPrompts, MAX_SESSIONS_KEPT, newSession, sessionAllowances, summariseMarks, type MethodTiming, type PracticeSession } from '../../lib/practice';
import { formatDateTime } from '../../lib/dates';
import { Radios } from '../shared/fields';
import { HeldUntilRead } from '../shared/ReadingNote';
import type { PracticeTexts } from '../../lib/practice-texts';
import { METHOD_NAME, type HeadingRef, type PracticePageProps } from './types';
import './PracticeHome.css';

/** "99 minutes", or "22 and 33 minutes" for AM1's two parts. */
function extendedMinutes(method: 'am1' | 'am2', timing: MethodTiming): string {
  const m = sessionAllowances(method, timing, true);
  return m.presentation === undefined ? `${m.main} minutes` : `${m.presentation} and ${m.main} minutes`;
}

interface HomeProps {
  /** Undefined until the saved sessions have been read. */
  sessions: PracticeSession[] | undefined;
  props: PracticePageProps;
  /** Starts a session made from the questions once they are loaded. */
  onStart: (make: (texts: PracticeTexts) => PracticeSession) => void;
  /** The questions could not be loaded for the last start or open. */
  textsFailed: boolean;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
  headingRef: HeadingRef;
}

export function PracticeHome({ sessions, props, onStart, textsFailed, onOpen, onDelete, headingRef }: HomeProps) {
  const [method, setMethod] = useState<'am1' | 'am2'>('am2');
  const [count, setCount] = useState('8');
  const [extended, setExtended] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string>();
  const start = (event: Event) => {
    event.preventDefault();
    const seed = Date.now() % 2147483647;
    const themes = props.themes.filter((t) => t.method === method).map((t) => t.id);
    onStart((texts) =>
      newSession(method, drawPrompts(texts.prompts, texts.criteria, themes, Number(count), seed), props.timing[method], {
        extended,
        now: new Date(),
        id: `s${seed}`,
      }),
    );
  };
  const t = props.timing;
  return (
    <>
      <h2 tabIndex={-1} ref={headingRef}>
        Start a practice session
      </h2>
      <form onSubmit={start}>
        <Radios
          name="practice-method"
          legend="Which assessment do you want to practise?"
          options={[
            { value: 'am2', label: METHOD_NAME.am2, hint: `${t.am2.totalMinutes} minutes of open questions across the ${props.themes.filter((x) => x.method === 'am2').length} AM2 themes.` },
            { value: 'am1', label: METHOD_NAME.am1, hint: `A ${t.am1.presentationMinutes}-minute presentation, then ${t.am1.questioningMinutes} minutes of questions on your project across the AM1 themes.` },
          ]}
          value={method}
          onChange={setMethod}
        />
        <Radios
          name="practice-count"
          legend="How many questions?"
          hint={`The assessor asks at least ${props.minimumQuestions}.`}
          options={['6', '8', '10', '12'].map((n) => ({ value: n, label: n }))}
          value={count}
          onChange={setCount}
          inline
        />
        <div class="field">
          <div class="choice">
            <input class="choice__input" type="checkbox" id="practice-extension" checked={extended} onChange={(e) => setExtended((e.currentTarget as HTMLInputElement).checked)} />
            <label class="choice__label" for="practice-extension">
              Include the assessor’s discretionary {t[method].extensionPercent}% extension (
              {extendedMinutes(method, t[method])})
            </label>
          </div>
        </div>
        {sessions && sessions.length >= MAX_SESSIONS_KEPT && (
          <p class="muted" data-sessions-at-limit>
            You have {MAX_SESSIONS_KEPT} sessions, the most this page keeps: starting another moves your oldest, with its marks and notes, to a kept copy on “Your saved
            data”, where you can download or restore it.
          </p>
        )}
        <button type="submit" class="button">
          Start the session
        </button>
      </form>
      {textsFailed && (
        <p class="notice notice--warning" role="alert" data-texts-failed>
          The questions did not download, so the session could not start or open; nothing you saved is lost. Check your connection and try again.
        </p>
      )}

      <h2>Your sessions</h2>
      {/* Until read, "None yet" is held in place (hidden), so what follows does not move when the list comes. */}
      {sessions === undefined || sessions.length === 0 ? (
        <HeldUntilRead ready={sessions !== undefined} what="saved sessions">
          <p>None yet. Sessions you start are saved here with your self-marks and notes.</p>
        </HeldUntilRead>
      ) : (
        <ul class="session-list">
          {sessions.map((s) => {
            const m = summariseMarks(s);
            return (
              <li key={s.id} class="session-list__item">
                <p>
                  <strong>{METHOD_NAME[s.method]}</strong>, started {formatDateTime(new Date(s.createdAt))}
                  {s.finishedAt ? '' : ' (not finished)'}
                </p>
                <p class="muted">
                  {s.items.length} questions: {m.distinction} distinction, {m.pass} pass, {m.notYet} not yet, {m.unmarked} not marked
                </p>
                <div class="button-row">
                  <button type="button" class="button button--secondary button--small" onClick={() => onOpen(s.id)}>
                    {s.finishedAt ? 'Review' : 'Continue'}
                    <span class="visually-hidden"> the session started {formatDateTime(new Date(s.createdAt))}</span>
                  </button>
                  {confirmDelete === s.id ? (
                    <>
                      <button type="button" class="button button--warning button--small" onClick={() => onDelete(s.id)}>
                        Yes, delete it
                      </button>
                      <button type="button" class="button button--secondary button--small" onClick={() => setConfirmDelete(undefined)}>
                        Keep it
                      </button>
                    </>
                  ) : (
                    <button type="button" class="button button--secondary button--small" onClick={() => setConfirmDelete(s.id)}>
                      Delete<span class="visually-hidden"> the session started {formatDateTime(new Date(s.createdAt))}</span>
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
