// @vitest-environment happy-dom
/**
 * A shared report says what each state rests on when a part is left out, so a reader never takes a
 * state drawn without it for the apprentice's own; it dates itself where it is read; and an empty
 * part reads as empty, not as "0 of 0".
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportView } from '../../../src/islands/progress/ReportView';
import { emptyEvidence } from '../../../src/lib/evidence/log';
import { plannerRulesOf } from '../../../src/lib/planner';
import { emptyHistory } from '../../../src/lib/quiz/engine';
import { appliedRulesOf } from '../../../src/lib/rules';
import type { Report } from '../../../src/lib/share/report';
import { progressMethods, questionIndex, standard } from './progress-fixtures';

const index = questionIndex;
const methods = progressMethods;
const context = { methods, evidenceKsbs: [], plannerRules: plannerRulesOf(standard), gatewayRules: appliedRulesOf(standard.content.rules) };
const show = async (report: Report) => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(index))),
  );
  render(<ReportView report={report} context={context} />);
  await waitFor(() => expect(document.querySelector('[data-report-overall]')).not.toBeNull());
};
const basis = () => [...document.querySelectorAll('[data-report-basis] li')].map((li) => li.textContent);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a shared report', () => {
  it('says what its states leave out when mock sessions or the checklist are not included', async () => {
    await show({
      madeAt: '2026-12-01T10:00:00.000Z',
      parts: new Set(['ratings', 'quiz', 'evidence']),
      writing: false,
      ratings: { ksbs: {} },
      quiz: emptyHistory(),
      evidence: emptyEvidence(),
    });
    expect(basis()).toEqual([
      'Mock assessment sessions are not included, so a mock answer marked “not yet” does not show as needing work here.',
      'The gateway checklist is not included, so a KSB the apprentice said they can already do, with nothing else, shows as having no evidence here.',
    ]);
  });

  it('says an empty quiz history is empty, not "0 of 0 right"', async () => {
    await show({ madeAt: '2026-12-01T10:00:00.000Z', parts: new Set(['quiz']), writing: false, quiz: emptyHistory() });
    expect(document.querySelector('[data-report-quiz]')!.textContent).toBe('No practice questions answered yet.');
  });

  it('is dated where it is read: made at half past midnight in London is that day, not the day before in UTC', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      await show({ madeAt: '2026-07-31T23:30:00.000Z', parts: new Set(['ratings']), writing: false, ratings: { ksbs: {} } });
      expect(document.querySelector('[data-report-made]')!.getAttribute('data-report-made')).toBe('2026-08-01');
      expect(document.querySelector('[data-report-status]')!.textContent).toMatch(/^Made on 1 August 2026/);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
