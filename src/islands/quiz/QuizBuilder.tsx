/**
 * The quiz page's builder: practise by theme, method, duty, kind, a single KSB or everything, in
 * 5, 10 or 20 questions; or review weak KSBs or what is due today, from the learner's history.
 */
import { useEffect, useState } from 'preact/hooks';
import { weakKsbs } from '../../lib/learner/model';
import { dueQuestions } from '../../lib/quiz/engine';
import { Radios } from '../shared/fields';
import { StorageNotices } from '../shared/StorageNotices';
import { HeldInline } from '../shared/ReadingNote';
import { useLearner } from '../shared/useLearner';
import type { QuizScope } from './QuizRunner';
import { plural } from '../../lib/format';
import { useEarlyInput } from '../shared/useEarlyInput';

interface Group {
  id: string;
  label: string;
  ksbs: string[];
}

interface Props {
  themes: Group[];
  methods: Group[];
  duties: Group[];
  kinds: Group[];
  ksbs: Group[];
}

type Mode = 'theme' | 'method' | 'duty' | 'kind' | 'ksb' | 'mixed' | 'weak' | 'due';
const LENGTHS = ['5', '10', '20'] as const;

type Runner = (typeof import('./QuizRunner'))['QuizRunner'];
/** The quiz itself loads when it is wanted (the Start button is pressed or about to be), not with the page. */
const loadRunner = () => import('./QuizRunner').then((m) => m.QuizRunner);

/**
 * A count in an option's label: none until what it counts has been read, held in place meanwhile as
 * it reads with nothing saved (so the options do not move when it comes); none if it cannot be read.
 */
function Counted({ figure, asBuilt, failed }: { figure: string | undefined; asBuilt: string; failed: boolean }) {
  if (figure === undefined && failed) return null;
  return <HeldInline ready={figure !== undefined}>{figure ?? asBuilt}</HeldInline>;
}

export default function QuizBuilder(props: Props) {
  const early = useEarlyInput();
  const learner = useLearner();
  const [mode, setMode] = useState<Mode>('theme');
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [length, setLength] = useState<(typeof LENGTHS)[number]>('10');
  const [running, setRunning] = useState<QuizScope>();
  const [Runner, setRunner] = useState<Runner | 'failed'>();
  const getRunner = () => {
    if (typeof Runner === 'function') return;
    if (Runner === 'failed') setRunner(undefined);
    loadRunner().then(
      (component) => setRunner(() => component),
      () => setRunner('failed'),
    );
  };

  // A link can open a review straight away: /quiz/?mode=due or ?mode=weak.
  useEffect(() => {
    const asked = new URLSearchParams(window.location.search).get('mode');
    if (asked === 'due' || asked === 'weak') setMode(asked);
  }, []);

  const all = props.ksbs.map((k) => k.id);
  // Counted only once everything they read has been read (saved progress and the question list):
  // before that, a count of 0 would claim what no one has checked.
  const bank = learner.ready ? learner.bank : undefined;
  // Nor while a saved part they rest on could not be read here (newer, or damaged and held).
  const weak = bank && learner.unread.length === 0 ? weakKsbs(learner.model) : undefined;
  const due = bank && !learner.quiz.unread ? dueQuestions(bank.questions, learner.quiz.data, new Date()) : undefined;
  const groups: Partial<Record<Mode, Group[]>> = { theme: props.themes, method: props.methods, duty: props.duties, kind: props.kinds, ksb: props.ksbs };
  const options = groups[mode];
  const selected = options?.find((g) => g.id === (choice[mode] ?? options[0]?.id));

  const start = (event: Event) => {
    event.preventDefault();
    if (mode === 'weak') setRunning({ label: 'the KSBs that need work', ksbs: 'weak' });
    else if (mode === 'due') setRunning({ label: 'questions due for review', ksbs: 'due' });
    else if (mode === 'mixed') setRunning({ label: 'all 70 KSBs', ksbs: all });
    else if (selected) setRunning({ label: selected.label, ksbs: selected.ksbs });
    getRunner();
  };

  if (running) {
    return (
      <div ref={early} class="quiz-builder" data-ready="true">
        <h2>Quiz: {running.label}</h2>
        {typeof Runner === 'function' ? (
          <Runner scope={running} length={Number(length)} autoStart onNewQuiz={() => setRunning(undefined)} />
        ) : Runner === 'failed' ? (
          <div class="notice notice--warning" role="alert">
            <p>The quiz did not load (are you offline?). Nothing you saved has changed.</p>
            <p class="button-row">
              <button type="button" class="button" onClick={getRunner}>
                Try again
              </button>
              <button type="button" class="button button--secondary" onClick={() => setRunning(undefined)}>
                Back to choosing a quiz
              </button>
            </p>
          </div>
        ) : (
          <p role="status">Loading the quiz…</p>
        )}
      </div>
    );
  }

  return (
    <form ref={early} class="quiz-builder" data-ready={learner.ready ? 'true' : undefined} onSubmit={start}>
      <StorageNotices states={[]} reads={learner.states} />
      {learner.bankFailed && (
        <p class="notice notice--warning" role="alert">
          The question list did not download, so the KSBs that need work and the questions due are not counted, and a quiz cannot start. Reload the page to try again.
        </p>
      )}
      <Radios
        name="quiz-mode"
        legend="What do you want to practise?"
        options={[
          { value: 'theme', label: 'An assessment theme' },
          { value: 'method', label: 'An assessment method' },
          { value: 'duty', label: 'A duty' },
          { value: 'kind', label: 'Knowledge, skills or behaviours' },
          { value: 'ksb', label: 'One KSB' },
          { value: 'mixed', label: 'A mix of everything' },
          {
            value: 'weak',
            label: (
              <>
                {'KSBs that need work '}
                <Counted figure={weak && `(${weak.length})`} asBuilt="(0)" failed={learner.bankFailed || learner.unread.length > 0} />
              </>
            ),
            hint: `${weak?.length ? `Now: ${weak.join(', ')}. ` : ''}KSBs with a question last answered wrong, low estimated recall, a low self-rating or a mock answer marked “not yet” (your progress page gives each one’s reasons).`,
          },
          {
            value: 'due',
            label: (
              <>
                {'Due for review today '}
                <Counted figure={due && `(${plural(due.length, 'question')})`} asBuilt={`(${plural(0, 'question')})`} failed={learner.bankFailed || learner.quiz.unread} />
              </>
            ),
            hint: 'Questions your spaced-repetition schedule says to look at again now.',
          },
        ]}
        value={mode}
        onChange={setMode}
      />
      {options && (
        <div class="field">
          <label class="field__label" for="quiz-choice">
            {{ theme: 'Theme', method: 'Method', duty: 'Duty', kind: 'Kind', ksb: 'KSB' }[mode as 'theme']}
          </label>
          <select id="quiz-choice" class="select" value={selected?.id} onChange={(e) => setChoice({ ...choice, [mode]: (e.currentTarget as HTMLSelectElement).value })}>
            {options.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <Radios name="quiz-length" legend="How many questions?" options={LENGTHS.map((n) => ({ value: n, label: n }))} value={length} onChange={setLength} inline />
      <button type="submit" class="button" onPointerDown={getRunner} onFocus={getRunner}>
        Start the quiz
      </button>
    </form>
  );
}
