/** One logged example in a short list (KSB page, theme page): title, when, where, and a link to the log. */
import { dateText } from '../../lib/evidence/export';
import type { EvidenceEntry } from '../../lib/evidence/log';
import { href, paths } from '../../lib/urls';

export function ExampleItem({ entry }: { entry: EvidenceEntry }) {
  return (
    <li class="example" data-entry={entry.id}>
      <strong>{entry.title}</strong> <span class="example__meta">({dateText(entry)})</span>
      {entry.where && <span class="example__meta"> · {entry.where}</span>}
      {entry.action && <p class="example__action">{entry.action}</p>}
    </li>
  );
}

export const evidenceHref = (code?: string) => href(code ? paths.evidenceFor(code) : paths.evidence);
