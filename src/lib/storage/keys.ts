/**
 * The names of the saved-progress keys, and a presence check. Kept free of imports so that the
 * script every page runs can ask "has anything been saved?" without loading the storage layer.
 */
export const NAMESPACE = 'st1398:v1';
export const BACKUP_PREFIX = 'st1398:backup:';

export const keyFor = (feature: string) => `${NAMESPACE}:${feature}`;

/**
 * Whether anything is saved for a feature, without reading it. Lets a page skip loading the code
 * that shows saved progress when there is none. Blocked storage counts as nothing saved.
 */
export function hasSaved(feature: string, storage?: Pick<Storage, 'getItem'>): boolean {
  try {
    return (storage ?? window.localStorage).getItem(keyFor(feature)) !== null;
  } catch {
    return false;
  }
}
