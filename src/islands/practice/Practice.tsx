/**
 * Mock assessment practice (/practice/): a professional discussion (AM2) or a presentation with
 * questioning (AM1), timed as the specification says, with open questions drawn from the themes'
 * criteria and self-marking against each criterion. Sessions and timers survive a reload.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { changeSession, MAX_SESSIONS_KEPT, practiceFeature, type PracticeSession } from '../../lib/practice';
import { loadPracticeTexts, type PracticeTexts } from '../../lib/practice-texts';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { PracticeHome } from './PracticeHome';
import type { PracticePageProps } from './types';
import { useEarlyInput } from '../shared/useEarlyInput';

type SessionViewComponent = typeof import('./SessionView').SessionView;

export default function Practice(pageProps: PracticePageProps) {
  const early = useEarlyInput();
  const saved = useSavedState(practiceFeature);
  const { data, ready, update } = saved;
  const [openId, setOpenId] = useState<string>();
  // The questions and criteria, and the session's own code, loaded together when a session is
  // started or opened, not with the page (issue #20).
  const [loaded, setLoaded] = useState<{ texts: PracticeTexts; SessionView: SessionViewComponent }>();
  const [textsFailed, setTextsFailed] = useState(false);
  const loadingTexts = useRef(false);
  const withTexts = (then: (texts: PracticeTexts) => void) => {
    // One start or open at a time: a second tap while they load does nothing more.
    if (loadingTexts.current) return;
    loadingTexts.current = true;
    setTextsFailed(false);
    Promise.all([loadPracticeTexts(), import('./SessionView')])
      .then(
        ([texts, view]) => {
          setLoaded({ texts, SessionView: view.SessionView });
          then(texts);
        },
        () => setTextsFailed(true),
      )
      .finally(() => (loadingTexts.current = false));
  };
  const props = loaded && { ...pageProps, ...loaded.texts };
  const SessionView = loaded?.SessionView;
  const session = props && data.sessions.find((s) => s.id === openId);
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus to the new view's heading when the view changes, but not when the page loads.
  const firstView = useRef(true);
  useEffect(() => {
    if (firstView.current) firstView.current = false;
    else heading.current?.focus();
  }, [openId]);

  const change = (id: string, fn: (s: PracticeSession) => PracticeSession) =>
    update((d) => ({ ...d, sessions: d.sessions.map((s) => (s.id === id ? changeSession(s, fn, new Date()) : s)) }));

  return (
    <div ref={early} class="practice" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      {session && SessionView ? (
        <SessionView
          session={session}
          props={props}
          headingRef={heading}
          change={(fn) => change(session.id, fn)}
          onClose={() => setOpenId(undefined)}
          saveState={saved}
        />
      ) : (
        <PracticeHome
          sessions={ready ? data.sessions : undefined}
          props={pageProps}
          headingRef={heading}
          textsFailed={textsFailed}
          onStart={(make) =>
            withTexts((loaded) => {
              const s = make(loaded);
              update((d) => ({ ...d, sessions: [s, ...d.sessions].slice(0, MAX_SESSIONS_KEPT) }));
              setOpenId(s.id);
            })
          }
          onOpen={(id) => withTexts(() => setOpenId(id))}
          onDelete={(id) => update((d) => ({ ...d, sessions: d.sessions.filter((s) => s.id !== id) }))}
        />
      )}
    </div>
  );
}
