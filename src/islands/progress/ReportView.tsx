/**
 * A shared progress report, drawn from its snapshot: what it is (the apprentice's own
 * self-assessment, as of the day it was made) and what it rests on, readiness by method and theme
 * (the same view and model as /progress/), then each included part: ratings, quiz answers, the
 * evidence log's coverage, the checklist's gaps and the planned dates. Text from the snapshot is
 * only ever rendered as text.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDate } from '../../lib/dates';
import { gatewayReadiness, ksbGaps, OPPORTUNITY_LABEL, REASON_PREFIX, VERDICT_LABEL } from '../../lib/eligibility';
import { dateText, portfolioSummary } from '../../lib/evidence/export';
import { inSentence, plural } from '../../lib/format';
import { GROUP_STATUS_LABEL, groupReadiness } from '../../lib/learner/model';
import { plan } from '../../lib/planner';
import type { BankIndex } from '../../lib/quiz/bank';
import { loadBankIndex } from '../../lib/quiz/load-bank';
import { RATING_LABEL } from '../../lib/rating-scale';
import { missingParts, quizFigures, ratingGroups, reportDay, reportModel, type Report } from '../../lib/share/report';
import { REPORT_PARTS } from '../../lib/share/snapshot';
import { Readiness, statesOf } from './Readiness';
import type { ProgressMethod } from '../../lib/learner/progress-groups';
import type { EvidenceKsb } from '../../lib/evidence/coverage';
import type { PlannerRules } from '../../lib/planner';
import type { AppliedRules } from '../../lib/rules';
import '../../styles/tags.css';
import '../ProgressDashboard.css';
import './report.css';

/** What the report page passes from the build: the standard's grouping and the rules its sections apply. */
export interface ReportContext {
  methods: ProgressMethod[];
  evidenceKsbs: EvidenceKsb[];
  plannerRules: PlannerRules;
  gatewayRules: AppliedRules;
}

export function ReportView({ report, context }: { report: Report; context: ReportContext }) {
  const [bank, setBank] = useState<BankIndex | 'failed'>();
  useEffect(() => {
    loadBankIndex().then(setBank, () => setBank('failed'));
  }, []);
  const index = bank && bank !== 'failed' ? bank : undefined;
  const model = useMemo(() => reportModel(report, index), [report, index]);
  const { methods } = context;
  const codes = methods.flatMap((m) => m.themes.flatMap((t) => t.ksbs.map((k) => k.code)));
  const day = reportDay(report);
  const overall = groupReadiness(statesOf(model, codes.map((code) => ({ code }))));
  const missing = missingParts(report, REPORT_PARTS);

  return (
    <article class="report progress" data-report-made={day}>
      <p class="report__status" data-report-status>
        Made on {formatDate(day)} from the apprentice’s own progress on this study site. It is their <strong>self-assessment</strong>: their own
        ratings, their answers to this site’s practice questions, mock assessments they marked themselves and their own evidence log. It is not a
        result from their training provider or end-point assessment organisation. Sections are worded as the apprentice sees them: “you” is the
        apprentice.
      </p>
      <ul class="report__scope">
        <li data-report-parts>Includes: {REPORT_PARTS.filter((f) => report.parts.has(f.feature)).map((f) => inSentence(f.label)).join(', ')}.</li>
        {missing.length > 0 && <li data-report-missing>Not included: {missing.map(inSentence).join(', ')}.</li>}
        <li>{report.writing ? 'Includes what the apprentice wrote (notes, titles and stories).' : 'What the apprentice wrote is not included: it shows as “(not shared)”.'}</li>
      </ul>
      <div class="button-row no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          Print the report
        </button>
      </div>

      <section aria-labelledby="report-readiness">
        <h2 id="report-readiness">Readiness</h2>
        {/* Every state rests on the question list (which questions and mock criteria cover each KSB): none is claimed without it. */}
        {bank === undefined ? (
          <p role="status">Loading the question list…</p>
        ) : bank === 'failed' ? (
          <p class="notice notice--warning" role="alert" data-bank-failed>
            The question list did not download (are you offline?), so no KSB’s state can be worked out here: each rests on which questions test it
            and which KSBs the mock-assessment marks count towards. The parts below do not need it. Reload the page to try again.
          </p>
        ) : (
          <>
            <p data-report-overall>
              All {overall.total} KSBs: <span class={`readiness readiness--${overall.status}`}>{GROUP_STATUS_LABEL[overall.status]}</span> (
              {overall.reasons.join(', ')}).
            </p>
            <ReadinessBasis report={report} />
          </>
        )}
      </section>
      {index && <Readiness methods={methods} model={model} />}

      {report.ratings && (
        <section aria-labelledby="report-ratings">
          <h2 id="report-ratings">Self-ratings</h2>
          <dl class="report__facts">
            {ratingGroups(report.ratings, codes).map((g) => (
              <div key={g.rating ?? 'none'} data-rating-group={g.rating ?? 'none'}>
                <dt>
                  {g.rating ? RATING_LABEL[g.rating] : 'Not rated'} ({g.codes.length})
                </dt>
                <dd>{g.codes.join(', ')}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {report.quiz && <QuizSection figures={quizFigures(report.quiz)} />}

      {report.evidence && <EvidenceSection report={report} context={context} day={day} />}

      {report.eligibility && (
        <section aria-labelledby="report-gateway">
          <h2 id="report-gateway">Gateway checklist</h2>
          {(() => {
            const gateway = gatewayReadiness(report.eligibility, codes, day, context.gatewayRules);
            const gaps = ksbGaps(report.eligibility, codes);
            return (
              <>
                <p data-report-gateway={gateway.verdict}>
                  Am I ready for the gateway? <strong>{VERDICT_LABEL[gateway.verdict]}</strong>
                </p>
                <ul class="reasons">
                  {gateway.reasons.map((r) => (
                    <li key={r.text} class={`reason reason--${r.kind}`}>
                      {REASON_PREFIX[r.kind]}
                      {r.text}
                    </li>
                  ))}
                </ul>
                <p>
                  {gaps.length === 0
                    ? 'No KSB is marked as needing changes to the role, or as one the role gives no chance to evidence.'
                    : `KSBs to raise with the employer: ${gaps.map((g) => `${g.code} (${inSentence(OPPORTUNITY_LABEL[g.opportunity])})`).join(', ')}.`}
                </p>
              </>
            );
          })()}
        </section>
      )}

      {report.planner && (
        <section aria-labelledby="report-dates">
          <h2 id="report-dates">Planned dates</h2>
          {(() => {
            const dates = plan(report.planner, context.plannerRules).dates;
            return dates.length === 0 ? (
              <p>No dates planned yet.</p>
            ) : (
              <dl class="report__facts" data-report-dates>
                {dates.map((d) => (
                  <div key={d.id}>
                    <dt>{d.label}</dt>
                    <dd>
                      {d.qualifier && `${d.qualifier} `}
                      {formatDate(d.date)}
                    </dd>
                  </div>
                ))}
              </dl>
            );
          })()}
        </section>
      )}
    </article>
  );
}

/** What the states above rest on, when a part they use is missing: never let a missing part read as "nothing done". */
function ReadinessBasis({ report }: { report: Report }) {
  const notes: string[] = [];
  if (!report.parts.has('quiz')) notes.push('The quiz history is not included, so no KSB can show as secure here: secure needs quiz answers.');
  if (!report.parts.has('evidence'))
    notes.push('The evidence log is not included, so KSBs the professional discussion assesses are not checked for a work example here (on the apprentice’s own page, one without an example is not secure).');
  if (!report.parts.has('ratings')) notes.push('Self-ratings are not included, so a low rating does not show as needing work here.');
  if (!report.parts.has('practice'))
    notes.push('Mock assessment sessions are not included, so a mock answer marked “not yet” does not show as needing work here.');
  if (!report.parts.has('eligibility'))
    notes.push('The gateway checklist is not included, so a KSB the apprentice said they can already do, with nothing else, shows as having no evidence here.');
  if (notes.length === 0) return <p>Each KSB’s state is worked out as on the apprentice’s own progress page, as of the day the report was made.</p>;
  return (
    <ul class="report__basis" data-report-basis>
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

function QuizSection({ figures }: { figures: ReturnType<typeof quizFigures> }) {
  return (
    <section aria-labelledby="report-quiz">
      <h2 id="report-quiz">Practice questions</h2>
      <p data-report-quiz>
        {figures.questions === 0 ? (
          'No practice questions answered yet.'
        ) : (
          <>
            {plural(figures.questions, 'question')} answered ({plural(figures.answers, 'answer')} in all); {figures.lastRight} of {figures.questions} right
            the last time they were answered.
          </>
        )}
      </p>
    </section>
  );
}

function EvidenceSection({ report, context, day }: { report: Report; context: ReportContext; day: string }) {
  const log = report.evidence!;
  const summary = portfolioSummary(log, context.evidenceKsbs, day);
  return (
    <section aria-labelledby="report-evidence">
      <h2 id="report-evidence">Evidence log</h2>
      <p data-report-evidence>
        {plural(summary.entryCount, 'evidence entry', 'evidence entries')}; {summary.covered} of {plural(summary.ksbCount, 'KSB')} shown by at least one.
        Off-the-job training logged: {summary.hours}.
      </p>
      <ul>
        {summary.themes.map((t) => (
          <li key={t.id}>
            {t.name} ({t.methodCode}): {t.covered} of {t.total}
            {t.missing.length > 0 && <>; none yet for {t.missing.join(', ')}</>}.
          </li>
        ))}
      </ul>
      {report.writing && log.entries.length > 0 && (
        <ul class="report__entries">
          {log.entries.map((e) => (
            <li key={e.id}>
              <strong>{e.title}</strong> ({dateText(e)}): {e.ksbs.join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
