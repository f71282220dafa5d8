/**
 * Every criterion that cites a KSB, pass then distinction, quoted word for word. On a KSB page it
 * stands inside the revision note's "What the assessor looks for" section (the note places it with
 * <AssessorCriteria />), and carries the page's permanent anchors #criteria, #pass-criteria and
 * #distinction-criteria.
 */
import type { Criterion, Theme } from '../lib/standard';
import CriteriaList from './CriteriaList';
import './CopyLink.css';

export interface KsbCriteriaProps {
  code: string;
  pass: readonly Criterion[];
  distinction: readonly Criterion[];
  themeOf: (criterion: Criterion) => Theme;
  theme: Theme;
  themeHasDistinction: boolean;
  /** Heading level for "Pass" and "Distinction". */
  level?: 2 | 3;
}

export default function KsbCriteria({ code, pass, distinction, themeOf, theme, themeHasDistinction, level = 3 }: KsbCriteriaProps) {
  const H = `h${level}` as 'h3';
  return (
    <div id="criteria" class="ksb-criteria">
      <p class="statement-link">
        <a class="copy-link no-print" href="#criteria" data-copy-link data-pagefind-ignore>
          Copy link<span class="visually-hidden"> to this section: Criteria</span>
        </a>
      </p>
      <H id="pass-criteria">Pass criteria that cite {code}</H>
      {/* Criteria are found by search on their theme's page, not repeated on each KSB they cite. */}
      {pass.length ? (
        <div data-pagefind-ignore>
          <CriteriaList criteria={pass} current={code} themeOf={themeOf} />
        </div>
      ) : (
        <p>No pass criterion cites {code}.</p>
      )}
      <H id="distinction-criteria">Distinction criteria that cite {code}</H>
      {distinction.length ? (
        <div data-pagefind-ignore>
          <CriteriaList criteria={distinction} current={code} themeOf={themeOf} />
        </div>
      ) : (
        <p>
          No distinction criterion cites {code}.{' '}
          {themeHasDistinction
            ? `The ${theme.name} theme’s distinction criteria cite other KSBs.`
            : `The specification gives no distinction criteria for the ${theme.name} theme (“None.”).`}
        </p>
      )}
    </div>
  );
}
