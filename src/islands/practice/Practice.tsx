/**
 * Mock assessment practice (/practice/): a professional discussion (AM2) or a presentation with
 * questioning (AM1), timed as the specification says, with open questions drawn from the themes'
 * criteria and self-marking against each criterion. Sessions and timers survive a reload.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime } from '../../lib/dates';
import { changeSession, MAX_SESSIONS_KEPT, practiceFeature, type PracticeData, type PracticeSession } from '../../lib/practice';
import { href, paths } from '../../lib/urls';
import { loadPracticeTexts, type PracticeTexts } from '../../lib/practice-texts';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { PracticeHome } from './PracticeHome';
import type { PracticePageProps } from './types';
import { useEarlyInput } from '../shared/useEarlyInput';

/** What starting a session drops from the list kept to a limit: the sessions no longer in it. */
function droppedSessions(before: PracticeData, after: PracticeData): PracticeData | undefined {
  const kept = new Set(after.sessions.map((s) => s.id));
  const gone = before.sessions.filter((s) => !kept.has(s.id));
  return gone.length > 0 ? { ...before, sessions: gone } : undefined;
}

const startedAt = (iso: string) => (iso ? `, started ${formatDateTime(new Date(iso))},` : '');

type SessionViewComponent = typeof import('./SessionView').SessionView;

export default function Practice(pageProps: PracticePageProps) {
  const early = useEarlyInput();
  const saved = useSavedState(practiceFeature);
  const { data, ready, update, updateKeeping } = saved;
  // What starting a session did to the oldest one, when the list was full.
  const [oldest, setOldest] = useState<{ moved: boolean; startedAt: string }>();
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
      {oldest && (
        <div class="notice notice--warning" role="status" data-oldest-session={oldest.moved ? 'moved' : 'kept'}>
          <p>
            {oldest.moved
              ? `You had ${MAX_SESSIONS_KEPT} sessions, the most this page keeps, so your oldest${startedAt(oldest.startedAt)} was moved to a kept copy on “Your saved data”, with its marks and notes. You can download it there, or restore it after deleting another session. `
              : `You have ${MAX_SESSIONS_KEPT} sessions, the most this page keeps, and there was no room to keep a copy of your oldest${startedAt(oldest.startedAt)}, so no session was started and nothing was deleted. Delete a session you no longer need, or download your progress from “Your saved data”, then start again. `}
            <a href={href(oldest.moved ? paths.myDataSection('backups') : paths.myData)}>Your saved data</a>
          </p>
          <button type="button" class="button button--secondary button--small" onClick={() => setOldest(undefined)}>
            Dismiss
          </button>
        </div>
      )}
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
              setOldest(undefined);
              // At the limit, the oldest session is kept as a copy on “Your saved data” before it goes;
              // with no room for the copy, nothing starts and nothing is deleted.
              let oldestStarted = '';
              const result = updateKeeping(
                (d) => ({ ...d, sessions: [s, ...d.sessions].slice(0, MAX_SESSIONS_KEPT) }),
                (before, after) => {
                  const dropped = droppedSessions(before, after);
                  oldestStarted = dropped?.sessions[0]?.createdAt ?? '';
                  return dropped;
                },
              );
              if (!result.ok && result.reason === 'no-room') {
                setOldest({ moved: false, startedAt: oldestStarted });
                return;
              }
              // Not read yet (a tap before the page had read its sessions): nothing can be dropped unseen,
              // so the session is added without trimming; the next read keeps a copy of any it trims.
              if (!result.ok) update((d) => ({ ...d, sessions: [s, ...d.sessions] }));
              else if (result.backupKey) setOldest({ moved: true, startedAt: oldestStarted });
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
