/** Builds the finder's entries from the standard and the revision notes' front matter. */
import type { NoteFrontmatter } from '../content/schemas';
import type { Standard } from '../standard';
import type { FinderEntry } from './finder';

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
