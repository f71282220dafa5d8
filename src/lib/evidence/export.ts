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

/** One KSB in the portfolio summary, with the entries that show it (newest first). */
export interface SummaryKsb {
  code: string;
  entries: Array<{ id: string; title: string; dates: string; where?: string }>;
}

/** The portfolio summary, grouped by theme: the printable page and the Markdown file both show this. */
export interface PortfolioSummary {
  made: string;
  entryCount: number;
  covered: number;
  ksbCount: number;
  hours: string;
  themes: Array<{ id: string; name: string; methodCode: string; covered: number; total: number; missing: string[]; ksbs: SummaryKsb[] }>;
}

export function portfolioSummary(log: Pick<EvidenceLog, 'entries' | 'activities'>, ksbs: readonly EvidenceKsb[], today: string): PortfolioSummary {
  const counts = coverageCounts(log, ksbs.map((k) => k.code));
  const newestFirst = [...log.entries].sort(byDateDesc);
  return {
    made: formatDate(today),
    entryCount: log.entries.length,
    covered: [...counts.values()].filter((n) => n > 0).length,
    ksbCount: ksbs.length,
    hours: formatHours(totalHours(log)),
    themes: themeCoverage(ksbs, counts).map((theme) => {
      const themeKsbs = ksbs.filter((k) => k.themeId === theme.id);
      return {
        id: theme.id,
        name: theme.name,
        methodCode: themeKsbs[0]?.methodCode ?? '',
        covered: theme.covered,
        total: theme.total,
        missing: theme.missing,
        ksbs: themeKsbs.map((k) => ({
          code: k.code,
          entries: newestFirst.filter((e) => e.ksbs.includes(k.code)).map((e) => ({ id: e.id, title: e.title, dates: dateText(e), ...(e.where ? { where: e.where } : {}) })),
        })),
      };
    }),
  };
}

/** What the summary says of the learner's own record, on the page and in the file. */
export const SUMMARY_STATUS = 'Made by the apprentice from their own evidence log, kept in their browser: a self-assessment, not checked by the training provider.';

/** The portfolio summary in Markdown: coverage, then each theme with its KSBs and the entries that show them. */
export function portfolioMarkdown(log: Pick<EvidenceLog, 'entries' | 'activities'>, ksbs: readonly EvidenceKsb[], today: string): string {
  const summary = portfolioSummary(log, ksbs, today);
  const lines = [
    '# My evidence: portfolio summary',
    '',
    `ST1398 Machine Learning Engineer, level 6. Summary made on ${summary.made}. ${SUMMARY_STATUS}`,
    '',
    `- ${plural(summary.entryCount, 'evidence entry', 'evidence entries')}; ${summary.covered} of ${plural(summary.ksbCount, 'KSB')} shown by at least one.`,
    `- Off-the-job training logged: ${summary.hours}.`,
    '',
  ];
  for (const theme of summary.themes) {
    lines.push(`## ${md(theme.name)} (${theme.methodCode})`, '', `${theme.covered} of ${theme.total} KSBs have an entry.${theme.missing.length ? ` No evidence logged yet: ${theme.missing.join(', ')}.` : ''}`, '');
    for (const k of theme.ksbs) {
      lines.push(`- **${k.code}**: ${k.entries.length ? k.entries.map((e) => `${md(e.title)} (${e.dates}${e.where ? `; ${md(e.where)}` : ''})`).join('; ') : '*No evidence logged yet*'}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
