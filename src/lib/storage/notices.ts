/**
 * What the learner is told about their saved progress, in one place: every page that loads a
 * feature (an island, or a script that only shows saved ratings) turns the load or save result
 * into the same notice, so nothing is backed up, set aside or refused without the page saying so.
 */
import { inSentence } from '../format';
import type { FeatureDefinition, LoadResult, SaveResult } from './store';

export type NoticeKind = 'unavailable' | 'salvaged' | 'unreadable' | 'held' | 'newer' | 'save-failed';

export interface StorageNotice {
  kind: NoticeKind;
  feature: string;
  title: string;
  message: string;
  /** The damaged text, when it could not be copied to a backup: offered for download. */
  raw?: string;
  /** The backup holding the original, restorable from the "your data" page. */
  backupKey?: string;
  /**
   * True when the notice is about the whole page, not one feature (the browser lets the site save
   * nothing at all): the page shows it once, however many features it loads.
   */
  pageWide?: true;
}

const lower = inSentence;

/** The notice for a load result, or undefined when all is well. */
export function loadNotice<T>(definition: FeatureDefinition<T>, result: LoadResult<T>, persistent = true): StorageNotice | undefined {
  const what = `Your saved ${lower(definition.label)}`;
  const base = { feature: definition.feature };
  switch (result.status) {
    case 'salvaged':
      return {
        ...base,
        kind: 'salvaged',
        title: 'Part of your saved progress could not be read',
        message: `${what}: ${result.summary} The original is kept as a backup: you can download it or restore it from “Your saved data”.`,
        backupKey: result.backupKey,
      };
    case 'unreadable':
      return {
        ...base,
        kind: 'unreadable',
        title: 'Your saved progress could not be read',
        message: `${what} could not be read (${result.reason}), so this part of the site has started again. The saved copy is kept as a backup: you can download it or try to restore it from “Your saved data”.`,
        backupKey: result.backupKey,
      };
    case 'held':
      return {
        ...base,
        kind: 'held',
        title: 'Saving is paused: your saved progress could not be read',
        message: `${what} could not be read (${result.reason}), and there was no room to keep a copy, so it has been left exactly as it was and nothing you do here will be saved over it. Download it to keep it, then choose whether to discard it and start saving again.`,
        raw: result.raw,
      };
    case 'newer':
      return {
        ...base,
        kind: 'newer',
        title: 'Saved by a newer version of the site',
        message: `${what} was saved by a newer version of the site: reload the page to use it. Nothing has been changed, and nothing you do here will be saved over it.`,
      };
    case 'unavailable':
      return {
        ...base,
        kind: 'unavailable',
        title: 'Your saved progress could not be read',
        message: `Your browser would not let this page read ${lower(what)}, so nothing is being saved, to avoid overwriting it. You can use this page, but changes last only until you close it. Try reloading.`,
      };
    default:
      return persistent
        ? undefined
        : {
            ...base,
            kind: 'unavailable',
            pageWide: true,
            title: 'Your progress will not be saved',
            message:
              'Your browser is not letting this site save anything (storage is blocked or you are in a private window). You can use this page, but your answers will be lost when you close it.',
          };
  }
}

/** The notice for a save that did not happen, or undefined when it was saved. */
export function saveNotice(definition: FeatureDefinition<unknown>, result: SaveResult): StorageNotice | undefined {
  if (result.ok) return undefined;
  return { feature: definition.feature, kind: 'save-failed', title: 'Your last change was not saved', message: result.message };
}

/**
 * Where on "Your saved data" a notice's learner can act: a held value or newer data is listed with
 * Download and Discard (`held`); a backup with Restore, Download and Delete (`backups`).
 */
export function noticeLink(notice: Pick<StorageNotice, 'kind'>): { section: 'held' | 'backups'; text: string } {
  if (notice.kind === 'held') return { section: 'held', text: 'Download or discard it on “Your saved data”' };
  if (notice.kind === 'newer') return { section: 'held', text: 'See your saved data' };
  return { section: 'backups', text: 'See your saved data' };
}
