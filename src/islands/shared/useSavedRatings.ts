/**
 * The learner's self-ratings, read-only, for islands that only show them (the KSB finder). The
 * storage code loads only once ratings exist: now, or later from another tab.
 */
import { useEffect, useState } from 'preact/hooks';
import { hasSaved, keyFor } from '../../lib/storage/keys';
import type { RatingsByKsb } from '../../lib/ratings';
import type { StorageNotice } from '../../lib/storage/notices';

export function useSavedRatings(): { ratings: RatingsByKsb; notice: StorageNotice | undefined } {
  const [ratings, setRatings] = useState<RatingsByKsb>({});
  const [notice, setNotice] = useState<StorageNotice>();
  useEffect(() => {
    let stopped = false;
    let unsubscribe: (() => void) | undefined;
    const start = () => {
      window.removeEventListener('storage', onStorage);
      void import('../../lib/ratings').then((m) => {
        if (!stopped)
          unsubscribe = m.watchRatings((next, problem) => {
            setRatings(next);
            setNotice((current) => problem ?? current);
          });
      });
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key === keyFor('ratings') && event.newValue !== null) start();
    };
    if (hasSaved('ratings')) start();
    else window.addEventListener('storage', onStorage);
    return () => {
      stopped = true;
      window.removeEventListener('storage', onStorage);
      unsubscribe?.();
    };
  }, []);
  return { ratings, notice };
}
