/**
 * The learner model, read-only, for islands that only show states (the KSB finder). Its code loads
 * only once something the model reads is saved: now, or later from another tab.
 */
import { useEffect, useState } from 'preact/hooks';
import { hasLearnerData, isLearnerKey } from '../../lib/learner/presence';
import type { WatchedLearner } from '../../lib/learner/watch';

export function useSavedLearner(): WatchedLearner | undefined {
  const [learner, setLearner] = useState<WatchedLearner>();
  useEffect(() => {
    let stopped = false;
    let unsubscribe: (() => void) | undefined;
    const start = () => {
      window.removeEventListener('storage', onStorage);
      void import('../../lib/learner/watch').then((m) => {
        if (!stopped) unsubscribe = m.watchLearner(setLearner);
      });
    };
    const onStorage = (event: StorageEvent) => {
      if (isLearnerKey(event.key) && event.newValue !== null) start();
    };
    if (hasLearnerData()) start();
    else window.addEventListener('storage', onStorage);
    return () => {
      stopped = true;
      window.removeEventListener('storage', onStorage);
      unsubscribe?.();
    };
  }, []);
  return learner;
}
