/**
 * Mock assessment practice (/practice/): a professional discussion (AM2) or a presentation with
 * questioning (AM1), timed as the specification says, with open questions drawn from the themes'
 * criteria and self-marking against each criterion. Sessions and timers survive a reload.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  allowance,
  drawPrompts,
  formatClock,
  MAX_SESSIONS_KEPT,
  newSession,
  pauseTimer,
  practiceFeature,
  remainingMs,
  setDuration,
  startTimer,
  summariseMarks,
  type Mark,
  type MethodTiming,
  type PracticeSession,
  type TimerState,
} from '../../lib/practice';
import { paths } from '../../lib/urls';
import { href } from '../../utils/href';
import { Radios, SavedStatus, TextField } from '../shared/fields';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';

interface Prompt {
  id: string;
  criterion: string;
  prompt: string;
  followUps?: string[] | undefined;
}
interface CriterionInfo {
  id: string;
  theme: string;
  grade: 'pass' | 'distinction';
  text: string;
  ksbs: string[];
}
interface ThemeInfo {
  id: string;
  name: string;
  method: 'am1' | 'am2';
  slug: string;
}

interface Props {
  prompts: Prompt[];
  criteria: CriterionInfo[];
  themes: ThemeInfo[];
  timing: { am1: MethodTiming; am2: MethodTiming };
  minimumQuestions: number;
  presentationContents: string[];
}

const METHOD_NAME = { am1: 'Presentation and questioning (AM1)', am2: 'Professional discussion (AM2)' } as const;

export default function Practice(props: Props) {
  const { data, ready, update, problems, dismiss, savedAt } = useSavedState(practiceFeature);
  const [openId, setOpenId] = useState<string>();
  const session = data.sessions.find((s) => s.id === openId);
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus to the new view's heading when the view changes, but not when the page loads.
  const firstView = useRef(true);
  useEffect(() => {
    if (firstView.current) firstView.current = false;
    else heading.current?.focus();
  }, [openId]);

  const change = (id: string, fn: (s: PracticeSession) => PracticeSession) =>
    update((d) => ({ ...d, sessions: d.sessions.map((s) => (s.id === id ? fn(s) : s)) }));

  return (
    <div class="practice" data-ready={ready ? 'true' : undefined}>
      <StorageNotices problems={problems} onDismiss={dismiss} />
      {session ? (
        <SessionView
          session={session}
          props={props}
          headingRef={heading}
          change={(fn) => change(session.id, fn)}
          onClose={() => setOpenId(undefined)}
          savedAt={savedAt}
        />
      ) : (
        <Home
          sessions={data.sessions}
          props={props}
          headingRef={heading}
          onStart={(s) => {
            update((d) => ({ ...d, sessions: [s, ...d.sessions].slice(0, MAX_SESSIONS_KEPT) }));
            setOpenId(s.id);
          }}
          onOpen={setOpenId}
          onDelete={(id) => update((d) => ({ ...d, sessions: d.sessions.filter((s) => s.id !== id) }))}
        />
      )}
    </div>
  );
}

function Home({ sessions, props, onStart, onOpen, onDelete, headingRef }: { sessions: PracticeSession[]; props: Props; onStart: (s: PracticeSession) => void; onOpen: (id: string) => void; onDelete: (id: string) => void; headingRef: { current: HTMLHeadingElement | null } }) {
  const [method, setMethod] = useState<'am1' | 'am2'>('am2');
  const [count, setCount] = useState('8');
  const [extended, setExtended] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string>();
  const start = (event: Event) => {
    event.preventDefault();
    const seed = Date.now() % 2147483647;
    const themes = props.themes.filter((t) => t.method === method).map((t) => t.id);
    const drawn = drawPrompts(props.prompts, props.criteria, themes, Number(count), seed);
    onStart(newSession(method, drawn, props.timing[method], { extended, now: new Date(), id: `s${seed}` }));
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
              {method === 'am2' ? `${allowance(t.am2.totalMinutes, t.am2.extensionPercent, true)} minutes` : `${allowance(t.am1.presentationMinutes ?? 0, t.am1.extensionPercent, true)} and ${allowance(t.am1.questioningMinutes ?? 0, t.am1.extensionPercent, true)} minutes`})
            </label>
          </div>
        </div>
        <button type="submit" class="button">
          Start the session
        </button>
      </form>

      <h2>Your sessions</h2>
      {sessions.length === 0 ? (
        <p>None yet. Sessions you start are saved here with your self-marks and notes.</p>
      ) : (
        <ul class="session-list">
          {sessions.map((s) => {
            const m = summariseMarks(s);
            return (
              <li key={s.id} class="session-list__item">
                <p>
                  <strong>{METHOD_NAME[s.method]}</strong>, started {new Date(s.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
                  {s.finishedAt ? '' : ' (not finished)'}
                </p>
                <p class="muted">
                  {s.items.length} questions: {m.distinction} distinction, {m.pass} pass, {m.notYet} not yet, {m.unmarked} not marked
                </p>
                <div class="button-row">
                  <button type="button" class="button button--secondary button--small" onClick={() => onOpen(s.id)}>
                    {s.finishedAt ? 'Review' : 'Continue'}
                    <span class="visually-hidden"> the session started {new Date(s.createdAt).toLocaleString('en-GB')}</span>
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
                      Delete<span class="visually-hidden"> the session started {new Date(s.createdAt).toLocaleString('en-GB')}</span>
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

/** Re-renders every second while `running`, so a timer can show the time left. */
function useTick(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  return running ? now : Date.now();
}

function Timer({ label, timer, onChange }: { label: string; timer: TimerState; onChange: (t: TimerState) => void }) {
  const running = timer.runningSince !== undefined;
  const now = useTick(running);
  const left = remainingMs(timer, now);
  const minutesLeft = Math.ceil(left / 60_000);
  // Announce only the moments that matter, not every second.
  const announcement = left <= 0 ? 'Time is up.' : minutesLeft === 5 || minutesLeft === 1 ? `${minutesLeft} minute${minutesLeft === 1 ? '' : 's'} left.` : '';
  return (
    <div class={`timer${left <= 0 ? ' timer--over' : ''}`}>
      <p class="timer__label">{label}</p>
      <p class="timer__clock" role="timer" aria-label={`${label}: ${formatClock(left)} left`}>
        {formatClock(left)}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <button type="button" class="button button--secondary" onClick={() => onChange(running ? pauseTimer(timer, Date.now()) : startTimer(timer, Date.now()))}>
        {running ? 'Pause' : timer.usedMs > 0 ? 'Resume' : 'Start'} the timer
      </button>
    </div>
  );
}

function SessionView({ session, props, change, onClose, headingRef, savedAt }: { session: PracticeSession; props: Props; change: (fn: (s: PracticeSession) => PracticeSession) => void; onClose: () => void; headingRef: { current: HTMLHeadingElement | null }; savedAt: string | undefined }) {
  const criteria = new Map(props.criteria.map((c) => [c.id, c]));
  const themes = new Map(props.themes.map((t) => [t.id, t]));
  const prompts = new Map(props.prompts.map((p) => [p.id, p]));
  const timing = props.timing[session.method];
  const presenting = session.method === 'am1' && session.presentation && !session.presentation.done;
  const item = session.items[session.current];
  const prompt = item && prompts.get(item.prompt);
  const criterion = item && criteria.get(item.criterion);
  const theme = criterion && themes.get(criterion.theme);

  const setExtended = (extended: boolean) =>
    change((s) => ({
      ...s,
      extended,
      timer: setDuration(s.timer, allowance(s.method === 'am1' ? (timing.questioningMinutes ?? 0) : timing.totalMinutes, timing.extensionPercent, extended)),
      ...(s.presentation ? { presentation: { ...s.presentation, timer: setDuration(s.presentation.timer, allowance(timing.presentationMinutes ?? 0, timing.extensionPercent, extended)) } } : {}),
    }));
  const go = (to: number) => change((s) => ({ ...s, current: Math.max(0, Math.min(s.items.length - 1, to)) }));
  const setItem = (patch: { mark?: Mark; notes?: string }) => change((s) => ({ ...s, items: s.items.map((x, i) => (i === s.current ? { ...x, ...patch } : x)) }));
  const summary = summariseMarks(session);

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
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      change((s) => ({ ...s, presentation: { ...s.presentation!, covered: on ? [...s.presentation!.covered, text] : s.presentation!.covered.filter((x) => x !== text) } }));
                    }}
                  />
                  <label class="choice__label" for={id}>
                    {text}
                  </label>
                </div>
              );
            })}
          </fieldset>
          <button type="button" class="button" onClick={() => change((s) => ({ ...s, presentation: { ...s.presentation!, timer: pauseTimer(s.presentation!.timer, Date.now()), done: true } }))}>
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
              <Radios
                name={`mark-${session.current}`}
                legend="How well did your answer meet this criterion?"
                options={
                  criterion.grade === 'distinction'
                    ? [
                        { value: 'not-yet', label: 'Not yet' },
                        { value: 'distinction', label: 'At distinction level' },
                      ]
                    : [
                        { value: 'not-yet', label: 'Not yet' },
                        { value: 'pass', label: 'At pass level' },
                      ]
                }
                value={item.mark}
                onChange={(mark) => setItem({ mark })}
                inline
              />
              <TextField id={`notes-${session.current}`} label="Your notes (optional)" hint="What you said, and what you would add next time." multiline rows={4} maxLength={5000} value={item.notes} onInput={(notes) => setItem({ notes })} />
              <SavedStatus savedAt={savedAt} />
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
                    <button type="button" class="button" onClick={() => change((s) => ({ ...s, finishedAt: new Date().toISOString(), timer: pauseTimer(s.timer, Date.now()) }))}>
                      Finish the session
                    </button>
                  )
                )}
              </div>
            </div>
          )}
          {session.finishedAt && (
            <div class="notice notice--success" role="status">
              <p class="notice__title">Session finished</p>
              <p>
                Your self-marks: {summary.distinction} at distinction level, {summary.pass} at pass level, {summary.notYet} not yet, {summary.unmarked} not marked.
                Revise the criteria you marked “not yet” from their theme pages.
              </p>
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
