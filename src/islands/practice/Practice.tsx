/**
 * Mock assessment practice (/practice/): a professional discussion (AM2) or a presentation with
 * questioning (AM1), timed as the specification says, with open questions drawn from the themes'
 * criteria and self-marking against each criterion. Sessions and timers survive a reload.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_SESSIONS_KEPT, practiceFeature, type PracticeSession } from '../../lib/practice';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { PracticeHome } from './PracticeHome';
import { SessionView } from './SessionView';
import type { PracticeProps } from './types';
import { useEarlyInput } from '../shared/useEarlyInput';

export default function Practice(props: PracticeProps) {
  const early = useEarlyInput();
  const saved = useSavedState(practiceFeature);
  const { data, ready, update } = saved;
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
    <div ref={early} class="practice" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      {session ? (
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
