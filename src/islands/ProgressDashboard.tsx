/**
 * /progress/: every KSB with its three signals (self-rating, eligibility evidence answer, quiz
 * mastery), readiness per theme and per method by the rules in src/lib/readiness.ts, what to do
 * next, a CSV of everything and a printable report (one page per method).
 */
import { useEffect, useState } from 'preact/hooks';
import { toCsv } from '../lib/csv';
import { todayIso } from '../lib/dates';
import { eligibilityFeature } from '../lib/eligibility';
import { masteryOf, quizFeature, type QuestionRef } from '../lib/quiz/engine';
import { RATING_LABEL, ratingsFeature } from '../lib/ratings';
import { GROUP_READINESS_LABEL, groupReadiness, KSB_READINESS_LABEL, ksbReadiness, nextSteps, type KsbSignals } from '../lib/readiness';
import { paths, href } from '../lib/urls';
import { downloadText } from './shared/download';
import { StorageNotices } from './shared/StorageNotices';
import { ScrollTable } from './shared/ScrollTable';
import { useSavedState } from './shared/useSavedState';
import { loadIndex } from './quiz/load-questions';
import '../styles/tags.css';
import './ProgressDashboard.css';

interface KsbInfo {
  code: string;
  statement: string;
}
interface ThemeGroup {
  id: string;
  name: string;
  href: string;
  ksbs: KsbInfo[];
}
interface MethodGroup {
  id: string;
  name: string;
  href: string;
  themes: ThemeGroup[];
}

const EVIDENCE_LABEL = { yes: 'Yes', partly: 'Partly', 'not-yet': 'Not yet' } as const;
const pct = (m: number | undefined) => (m === undefined ? 'Not practised' : `${Math.round(m * 100)}%`);

export default function ProgressDashboard({ methods }: { methods: MethodGroup[] }) {
  const ratings = useSavedState(ratingsFeature);
  const eligibility = useSavedState(eligibilityFeature);
  const quiz = useSavedState(quizFeature);
  const [index, setIndex] = useState<QuestionRef[]>();
  const [indexError, setIndexError] = useState(false);
  useEffect(() => {
    loadIndex().then(setIndex, () => setIndexError(true));
  }, []);

  const signalsOf = (code: string): KsbSignals => ({
    code,
    rating: ratings.data.ksbs[code]?.rating,
    evidence: eligibility.data.ksbs[code]?.answer,
    mastery: index ? masteryOf(code, index, quiz.data).score : undefined,
  });
  const all = methods.flatMap((m) => m.themes.flatMap((t) => t.ksbs));
  const steps = nextSteps(methods.flatMap((m) => m.themes.map((t) => ({ name: `${t.name} (${m.id.toUpperCase()})`, signals: t.ksbs.map((k) => signalsOf(k.code)) }))));
  const ready = ratings.ready && eligibility.ready && quiz.ready && (index !== undefined || indexError);

  const downloadCsv = () => {
    const rows = [['KSB', 'Statement', 'Method', 'Theme', 'Self-rating', 'Evidence note', 'Eligibility answer', 'Quiz mastery', 'Readiness']];
    for (const m of methods) {
      for (const t of m.themes) {
        for (const k of t.ksbs) {
          const s = signalsOf(k.code);
          rows.push([k.code, k.statement, m.id.toUpperCase(), t.name, s.rating ? RATING_LABEL[s.rating] : 'Not rated', ratings.data.ksbs[k.code]?.note ?? '', s.evidence ? EVIDENCE_LABEL[s.evidence] : 'Not answered', pct(s.mastery), KSB_READINESS_LABEL[ksbReadiness(s)]]);
        }
      }
    }
    downloadText(`st1398-progress-${todayIso()}.csv`, toCsv(rows), 'text/csv;charset=utf-8');
  };

  return (
    <div class="progress" data-ready={ready ? 'true' : undefined}>
      <StorageNotices problems={[...ratings.problems, ...eligibility.problems, ...quiz.problems]} onDismiss={(kind) => [ratings, eligibility, quiz].forEach((s) => s.dismiss(kind))} />
      {indexError && <p class="notice">Quiz mastery could not be loaded (the question bank did not download), so it is left out below.</p>}

      <section class="no-print" aria-labelledby="next-heading">
        <h2 id="next-heading">What to do next</h2>
        {steps.length === 0 ? (
          <p>Every KSB is ready by the rules below. Keep your quiz reviews going and your evidence notes up to date.</p>
        ) : (
          <ol class="next-steps">
            {steps.map((step) => (
              <li key={step.code}>
                <a href={href(paths.ksb(step.code))}>{step.code}</a>: <strong>{step.action}.</strong> {step.why}
              </li>
            ))}
          </ol>
        )}
        <div class="button-row">
          <button type="button" class="button" onClick={() => window.print()}>
            Print a readiness report
          </button>
          <button type="button" class="button button--secondary" onClick={downloadCsv}>
            Download all {all.length} KSBs (CSV)
          </button>
        </div>
      </section>

      {methods.map((method) => {
        const assessment = groupReadiness(method.themes.flatMap((t) => t.ksbs.map((k) => signalsOf(k.code))));
        return (
          <section class="progress-method" key={method.id} aria-labelledby={`method-${method.id}`}>
            <h2 id={`method-${method.id}`}>
              <a href={method.href}>{method.name}</a>: <span class={`readiness readiness--${assessment.status}`}>{GROUP_READINESS_LABEL[assessment.status]}</span>
            </h2>
            <p>
              {assessment.ready} of {assessment.total} KSBs ready. {assessment.reasons.join('; ')}.
            </p>
            {method.themes.map((theme) => {
              const t = groupReadiness(theme.ksbs.map((k) => signalsOf(k.code)));
              return (
                <section class="progress-theme" key={theme.id} aria-label={`${theme.name} (${method.id.toUpperCase()})`}>
                  <h3 id={`theme-${theme.id}`}>
                    <a href={theme.href}>{theme.name}</a>: <span class={`readiness readiness--${t.status}`}>{GROUP_READINESS_LABEL[t.status]}</span>
                  </h3>
                  <p class="progress-theme__reasons">
                    {t.ready} of {t.total} ready. {t.reasons.join('; ')}.
                  </p>
                  <ScrollTable label={`${theme.name} (${method.id.toUpperCase()}) KSBs`}>
                    <table class="progress-table">
                      <thead>
                        <tr>
                          <th scope="col">KSB</th>
                          <th scope="col">Self-rating</th>
                          <th scope="col">Can evidence in role</th>
                          <th scope="col">Quiz mastery</th>
                          <th scope="col">Readiness</th>
                        </tr>
                      </thead>
                      <tbody>
                        {theme.ksbs.map((k) => {
                          const s = signalsOf(k.code);
                          const r = ksbReadiness(s);
                          return (
                            <tr key={k.code} data-ksb={k.code}>
                              <th scope="row">
                                <a href={href(paths.ksb(k.code))} title={k.statement}>
                                  {k.code}
                                </a>
                              </th>
                              <td>{s.rating ? RATING_LABEL[s.rating] : 'Not rated'}</td>
                              <td>{s.evidence ? EVIDENCE_LABEL[s.evidence] : 'Not answered'}</td>
                              <td>{pct(s.mastery)}</td>
                              <td>
                                <span class={`tag tag--${r}`}>{KSB_READINESS_LABEL[r]}</span>
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </ScrollTable>
                </section>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
