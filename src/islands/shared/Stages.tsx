/**
 * A large part of an island drawn in parts, one part a task (useStages), as a component of its own:
 * each later part re-renders only this part, not the island around it. With the hook in the island,
 * every part re-ran the whole island (its computations and its diff), each time a task long enough
 * for Lighthouse to count it on a phone (issue #20). `onDrawn` is called once all parts are drawn.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useStages } from './useStages';

interface Props {
  parts: number;
  /** False until the part's data is read: nothing is drawn until then (see useStages). */
  start?: boolean;
  onDrawn?: () => void;
  /** Draws the first `drawn` parts (0 before `start`). */
  children: (drawn: number) => ComponentChildren;
}

export function Stages({ parts, start = true, onDrawn, children }: Props) {
  const drawn = useStages(parts, start);
  const done = start && drawn >= parts;
  useEffect(() => {
    if (done) onDrawn?.();
  }, [done]);
  return <>{children(drawn)}</>;
}
