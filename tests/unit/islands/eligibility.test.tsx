// @vitest-environment happy-dom
/**
 * The eligibility islands in a simulated DOM: answers save through the storage layer, a damaged
 * saved value gives a notice with a download, and blocked storage still lets the page work.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/store';
import { IMPORTED_EVENT } from '../../../src/islands/shared/useSavedState';
import EnglishMaths from '../../../src/islands/eligibility/EnglishMaths';
import KsbEvidence from '../../../src/islands/eligibility/KsbEvidence';
import KsbEvidenceGroup from '../../../src/islands/eligibility/KsbEvidenceGroup';
import TaskList from '../../../src/islands/eligibility/TaskList';
import { staticSlot } from './static-slot';

const KEY = keyFor('eligibility');
const rules = { aged16to18: 'Rule for 16 to 18.', aged19plus: 'Rule for 19 and over.' };
const emProps = { rules, sourceName: 'The spec', standardRule: 'General rule.', standardSourceName: 'The standard', nextHref: '/next/' };

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
});
afterEach(cleanup);

const saved = () => JSON.parse(localStorage.getItem(KEY) ?? 'null');

describe('English and maths section', () => {
  it('saves each answer and states the rule that applies, quoting it', async () => {
    render(<EnglishMaths {...emProps} />);
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    fireEvent.click(screen.getByLabelText('19 or over'));
    fireEvent.click(document.getElementById('level2-no')!);
    expect(saved()).toMatchObject({ version: 2, data: { englishMaths: { age: '19+', level2: 'no' } } });
    expect(screen.getByText('You can be exempt, by agreement with your employer.')).toBeTruthy();
    expect(screen.getByText('Rule for 19 and over.')).toBeTruthy();
    // EHCP and BSL are asked only without level 2.
    expect(screen.getByText(/education, health and care plan/)).toBeTruthy();
  });

  it('shows what was saved before', async () => {
    localStorage.setItem(KEY, JSON.stringify({ version: 1, savedAt: 'x', data: { englishMaths: { age: '16-18', level2: 'yes' }, role: {}, ksbs: {}, gateway: {} } }));
    render(<EnglishMaths {...emProps} />);
    await waitFor(() => expect((screen.getByLabelText('16 to 18') as HTMLInputElement).checked).toBe(true));
    expect(screen.getByText('You meet the English and maths requirement.')).toBeTruthy();
    // The rule for those without level 2 does not apply: it is behind a disclosure, not shown as theirs.
    const rule = screen.getByText('Rule for 16 to 18.');
    expect(rule.closest('details[data-rule-not-applying]')).not.toBeNull();
    expect(rule.closest('details')!.open).toBe(false);
  });

  it('shows the rule that applies, in the open, when level 2 is missing', async () => {
    localStorage.setItem(KEY, JSON.stringify({ version: 2, savedAt: 'x', data: { englishMaths: { age: '19+', level2: 'no', ehcp: 'no', bsl: 'no' }, role: {}, ksbs: {}, gateway: {} } }));
    render(<EnglishMaths {...emProps} />);
    await waitFor(() => expect(screen.getByText('You can be exempt, by agreement with your employer.')).toBeTruthy());
    const rule = screen.getByText('Rule for 19 and over.');
    expect(rule.closest('figure[data-rule-applying]')).not.toBeNull();
    expect(rule.closest('details')).toBeNull();
  });

  it('recovers from a damaged saved value: notice, a way to restore or download the kept copy, page still works', async () => {
    localStorage.setItem(KEY, '{"version":1,"data":{"englishMaths":');
    render(<EnglishMaths {...emProps} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not be read');
    expect(screen.getByRole('link', { name: 'Restore or download it' }).getAttribute('href')).toBe('/my-data/#backups');
    const backups = Object.keys(localStorage).filter((k) => k.startsWith('st1398:backup:eligibility:'));
    expect(backups).toHaveLength(1);
    expect(localStorage.getItem(backups[0]!)).toBe('{"version":1,"data":{"englishMaths":');
    fireEvent.click(screen.getByLabelText('16 to 18'));
    expect(saved()).toMatchObject({ data: { englishMaths: { age: '16-18' } } });
  });
});

describe('KSB evidence section', () => {
  const ksbs = [
    { code: 'K1', kind: 'knowledge' as const, statement: 'Know one.', href: '/ksbs/k1/' },
    { code: 'S1', kind: 'skill' as const, statement: 'Do one.', href: '/ksbs/s1/' },
    { code: 'B1', kind: 'behaviour' as const, statement: 'Be one.', href: '/ksbs/b1/' },
  ];
  const groups = [
    { id: 'a', title: 'Theme A', ksbs: ksbs.slice(0, 2) },
    { id: 'b', title: 'Theme B', ksbs: ksbs.slice(2) },
  ];
  /** The step as the page has it: one island around the themes, which are the page's HTML (never re-rendered). */
  const renderStep = () =>
    render(
      <KsbEvidence codes={ksbs.map((k) => k.code)}>
        {staticSlot(
          <>
            {groups.map((group) => (
              <KsbEvidenceGroup key={group.id} group={group} />
            ))}
          </>,
        )}
      </KsbEvidence>,
    );
  /** The KSBs the learner sees (a hidden one, or one in a hidden theme, is not seen). */
  const shownCodes = () => [...document.querySelectorAll('[data-ksb]')].filter((el) => !el.closest('[hidden]')).map((el) => el.getAttribute('data-ksb'));
  it('counts answers per theme and filters to unanswered and to gaps', async () => {
    renderStep();
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    fireEvent.click(document.getElementById('ksb-K1-yes')!);
    fireEvent.click(document.getElementById('ksb-S1-with-changes')!);
    expect(screen.getByText(/answered: 1 yes, 1 with changes, 0 no/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Theme A \(2 of 2 answered\)/ })).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Only unanswered/));
    expect(shownCodes()).toEqual(['B1']);
    // Theme A has nothing left to show: it is hidden with its heading.
    expect(document.getElementById('group-a')!.closest('section')!.hidden).toBe(true);
    fireEvent.click(screen.getByLabelText(/Only “with changes” or “no”/));
    expect(shownCodes()).toEqual(['S1']);
    fireEvent.click(document.getElementById('can-S1')!);
    // The note's field is drawn only once its disclosure is opened (a closed one costs a phone a layout).
    expect(document.getElementById('note-S1')).toBeNull();
    const disclosure = document.querySelector<HTMLDetailsElement>('[data-ksb="S1"] .ksb-evidence__note')!;
    disclosure.open = true;
    fireEvent(disclosure, new Event('toggle'));
    await waitFor(() => expect(document.getElementById('note-S1')).not.toBeNull());
    fireEvent.input(document.getElementById('note-S1')!, { target: { value: 'Only in a pilot' } });
    expect(saved().data.ksbs.S1).toEqual({ opportunity: 'with-changes', canAlready: true, note: 'Only in a pilot' });
  });
  it('"Next unanswered" moves to the first KSB with no answer', async () => {
    renderStep();
    await waitFor(() => expect(document.querySelector('.checklist-form[data-ready]')).not.toBeNull());
    fireEvent.click(document.getElementById('ksb-K1-no')!);
    fireEvent.click(screen.getByRole('button', { name: 'Next unanswered' }));
    expect(document.activeElement).toBe(document.getElementById('ksb-S1-yes'));
  });
  it('"Next unanswered" under the “with changes or no” filter lifts it, so the KSB it moves to is on show', async () => {
    renderStep();
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    fireEvent.click(document.getElementById('ksb-K1-no')!);
    fireEvent.click(screen.getByLabelText(/Only “with changes” or “no”/));
    expect(shownCodes()).toEqual(['K1']);
    fireEvent.click(screen.getByRole('button', { name: 'Next unanswered' }));
    expect(shownCodes()).toEqual(['K1', 'S1', 'B1']);
    expect((screen.getByLabelText('All KSBs') as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(document.getElementById('ksb-S1-yes'));
  });
  it('the KSBs are the page’s HTML: the island keeps every one as built, and shows answers saved elsewhere in them', async () => {
    renderStep();
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    const built = [...document.querySelectorAll('[data-ksb], input, details')];
    expect(built.length).toBeGreaterThan(3 * 6);
    fireEvent.click(document.getElementById('ksb-K1-yes')!);
    fireEvent.click(screen.getByLabelText(/Only unanswered/));
    fireEvent.click(screen.getByLabelText('All KSBs'));
    // Another tab (or an import) saves: the same controls now show its answers, and the counts follow.
    localStorage.setItem(KEY, JSON.stringify({ version: 2, savedAt: 'x', data: { englishMaths: {}, role: {}, gateway: {}, ksbs: { S1: { opportunity: 'no', canAlready: true, note: 'Elsewhere' }, B1: { earlier: 'partly' } } } }));
    window.dispatchEvent(new Event(IMPORTED_EVENT));
    await waitFor(() => expect((document.getElementById('ksb-S1-no') as HTMLInputElement).checked).toBe(true));
    expect((document.getElementById('ksb-K1-yes') as HTMLInputElement).checked).toBe(false);
    expect((document.getElementById('can-S1') as HTMLInputElement).checked).toBe(true);
    expect((document.getElementById('note-S1') as HTMLTextAreaElement).value).toBe('Elsewhere');
    expect(document.querySelector('[data-ksb="S1"] .ksb-evidence__note summary')!.textContent).toBe('Your note for S1');
    expect(document.querySelector('[data-ksb="B1"]')!.textContent).toContain('Your answer to the earlier question was “Partly”.');
    expect(screen.getByRole('heading', { name: /Theme A \(1 of 2 answered\)/ })).toBeTruthy();
    expect(screen.getByText(/answered: 0 yes, 0 with changes, 1 no/)).toBeTruthy();
    for (const element of built) expect(element.isConnected, element.outerHTML.slice(0, 60)).toBe(true);
  });
  it('carries version 1 answers over with a notice, showing each earlier answer beside its KSB', async () => {
    localStorage.setItem(KEY, JSON.stringify({ version: 1, savedAt: 'x', data: { englishMaths: {}, role: {}, gateway: {}, ksbs: { K1: { answer: 'yes' }, S1: { answer: 'partly' }, B1: { answer: 'not-yet', note: 'Not in my team' } } } }));
    renderStep();
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    expect(document.querySelector('[data-migration-note]')?.textContent).toContain('“Not yet” needs your new answer');
    expect((document.getElementById('ksb-K1-yes') as HTMLInputElement).checked).toBe(true);
    expect((document.getElementById('can-K1') as HTMLInputElement).checked).toBe(true);
    expect((document.getElementById('ksb-S1-with-changes') as HTMLInputElement).checked).toBe(true);
    expect(document.querySelector('[data-ksb="B1"] input:checked')).toBeNull();
    expect(document.querySelector('[data-ksb="B1"]')!.textContent).toContain('Your answer to the earlier question was “Not yet”.');
    expect((document.getElementById('note-B1') as HTMLTextAreaElement).value).toBe('Not in my team');
  });
});

describe('task list', () => {
  it('shows each section’s status and how many are complete', async () => {
    localStorage.setItem(KEY, JSON.stringify({ version: 1, savedAt: 'x', data: { englishMaths: { age: '19+', level2: 'yes' }, role: { mlRole: 'yes' }, ksbs: {}, gateway: {} } }));
    const sections = [
      { id: 'english-and-maths' as const, title: 'English and maths', href: '/a/', description: 'a' },
      { id: 'role' as const, title: 'Role', href: '/b/', description: 'b' },
      { id: 'summary' as const, title: 'Summary', href: '/c/', description: 'c' },
    ];
    render(<TaskList sections={sections} ksbCodes={['K1']} />);
    await screen.findByText('1 of 3 sections completed');
    expect(document.getElementById('status-english-and-maths')!.textContent).toBe('Completed');
    expect(document.getElementById('status-role')!.textContent).toBe('In progress');
    // The summary is open once anything is answered: it says what is missing rather than refusing.
    expect(document.getElementById('status-summary')!.textContent).toBe('In progress');
    expect(screen.getByRole('link', { name: 'Summary' }).getAttribute('href')).toBe('/c/');
  });
});

describe('date parts', async () => {
  const { isoToParts, partsToIso } = await import('../../../src/lib/dates');
  it('splits and joins dates the way the GOV.UK date input shows them', () => {
    expect(isoToParts('2025-09-01')).toEqual({ day: '1', month: '9', year: '2025' });
    expect(isoToParts(undefined)).toEqual({ day: '', month: '', year: '' });
    expect(partsToIso({ day: '1', month: '9', year: '2025' })).toBe('2025-09-01');
    expect(partsToIso({ day: ' 31 ', month: '12', year: '2025' })).toBe('2025-12-31');
    expect(partsToIso({ day: '1', month: 'Sept', year: '2025' })).toBeUndefined();
    expect(partsToIso({ day: '1', month: '9', year: '25' })).toBeUndefined();
  });
});
