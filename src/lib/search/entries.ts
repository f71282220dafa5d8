/** Builds the finder's entries from the standard and the revision notes' front matter. */
import type { NoteFrontmatter } from '../content/schemas';
import type { Standard } from '../standard';
import type { FinderEntry, FinderListEntry } from './finder';
import type { FinderWordsFile } from './finder-search';

export function finderEntries(standard: Standard, notes: ReadonlyArray<Pick<NoteFrontmatter, 'ksb' | 'keywords' | 'summary'>>): FinderEntry[] {
  const byKsb = new Map(notes.map((n) => [n.ksb, n]));
  return standard.ksbs.map((ksb) => {
    const theme = standard.themeAssessing(ksb.code);
    const note = byKsb.get(ksb.code);
    return {
      code: ksb.code,
      kind: ksb.kind,
      statement: ksb.statement,
      method: theme.method,
      theme: theme.id,
      themeName: theme.name,
      duties: standard.dutiesListing(ksb.code).map((d) => d.number),
      keywords: note?.keywords ?? [],
      summary: note?.summary,
    };
  });
}

/** What the list needs as the page loads (the search words load when the learner types). */
export function finderListEntries(entries: readonly FinderEntry[]): FinderListEntry[] {
  return entries.map(({ code, kind, statement, method, theme, duties }) => ({ code, kind, statement, method, theme, duties }));
}

/** /ksbs/finder.json: the words each KSB is also found by. */
export function finderWordsFile(entries: readonly FinderEntry[]): FinderWordsFile {
  return { words: Object.fromEntries(entries.map(({ code, themeName, keywords, summary }) => [code, { themeName, keywords, ...(summary === undefined ? {} : { summary }) }])) };
}
