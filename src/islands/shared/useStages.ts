/**
 * Draws a large view in parts, one part a task: returns how many of its parts to draw now, 1 on the
 * first render and one more after each task until all are drawn. A phone then paints and answers a
 * tap between parts instead of drawing them all in one long task (issue #20). For views drawn after
 * the page has loaded (not hydrated: a hydrating island must draw all of the page as built at once):
 * with `start` false (say, until the saved data is read) it draws nothing, and starts when it turns.
 */
import { useEffect, useState } from 'preact/hooks';
import { nextTask } from '../../lib/next-task';

export function useStages(parts: number, start = true): number {
  const [drawn, setDrawn] = useState(1);
  useEffect(() => {
    if (!start || drawn >= parts) return;
    let live = true;
    void nextTask().then(() => {
      if (live) setDrawn((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [drawn, parts, start]);
  return start ? Math.min(drawn, parts) : 0;
}
