/**
 * The evidence log out of the browser: a CSV of entries (one row per entry, its KSBs in one
 * column; through src/lib/csv.ts, so formula-like text is defused) and a portfolio summary in
 * Markdown grouped by theme, for a progress review with the tutor and employer.
 */
import { toCsv } from '../csv';
import { formatDate } from '../dates';
import { plural } from '../format';
import { compareKsbCodes } from '../standard';
import type { EvidenceKsb } from './coverage';
import { coverageCounts, themeCoverage } from './coverage';
import { byDateDesc, STORY_LABEL, STORY_PARTS, type EvidenceEntry, type EvidenceLog } from './log';
import { formatHours, totalHours } from './otj';

export const dateText = (e: Pick<EvidenceEntry, 'date' | 'end'>) => (e.end && e.end !== e.date ? `${formatDate(e.date)} to ${formatDate(e.end)}` : formatDate(e.date));

export function evidenceCsv(log: Pick<EvidenceLog, 'entries'>): string {
  const header = ['Title', 'From', 'To', 'KSBs', ...STORY_PARTS.map((p) => STORY_LABEL[p]), 'Where the evidence is', 'Off-the-job hours'];
  const rows = [...log.entries].sort(byDateDesc).map((e) => [
    e.title,
    e.date,
    e.end ?? '',
    [...e.ksbs].sort(compareKsbCodes).join(' '),
    ...STORY_PARTS.map((p) => e[p] ?? ''),
    e.where ?? '',
    e.otjHours ?? '',
  ]);
  return toCsv([header, ...rows]);
}

const md = (s: string) => s.replace(/([\\`*_[\]#|<>])/g, '\\$1').replace(/\r?\n/g, ' ').trim();

/** The portfolio summary: coverage, then each theme with its KSBs and the entries that show them. */
export function portfolioMarkdown(log: Pick<EvidenceLog, 'entries' | 'activities'>, ksbs: readonly EvidenceKsb[], today: string): string {
  const counts = coverageCounts(log, ksbs.map((k) => k.code));
  const themes = themeCoverage(ksbs, counts);
  const covered = [...counts.values()].filter((n) => n > 0).length;
  const lines = [
    '# My evidence: portfolio summary',
    '',
    `ST1398 Machine Learning Engineer, level 6. Summary made on ${formatDate(today)}.`,
    '',
    `- ${plural(log.entries.length, 'evidence entry', 'evidence entries')}; ${covered} of ${plural(ksbs.length, 'KSB')} shown by at least one.`,
    `- Off-the-job training logged: ${formatHours(totalHours(log))}.`,
    '',
  ];
  for (const theme of themes) {
    const themeKsbs = ksbs.filter((k) => k.themeId === theme.id);
    lines.push(`## ${md(theme.name)} (${themeKsbs[0]?.methodCode ?? ''})`, '', `${theme.covered} of ${theme.total} KSBs have an entry.${theme.missing.length ? ` No evidence logged yet: ${theme.missing.join(', ')}.` : ''}`, '');
    for (const k of themeKsbs) {
      const entries = log.entries.filter((e) => e.ksbs.includes(k.code)).sort(byDateDesc);
      lines.push(`- **${k.code}**: ${entries.length ? entries.map((e) => `${md(e.title)} (${dateText(e)}${e.where ? `; ${md(e.where)}` : ''})`).join('; ') : '*No evidence logged yet*'}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
