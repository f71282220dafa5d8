// @vitest-environment happy-dom
/**
 * The eligibility islands in a simulated DOM: answers save through the storage layer, a damaged
 * saved value gives a notice with a download, and blocked storage still lets the page work.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/store';
import EnglishMaths from '../../../src/islands/eligibility/EnglishMaths';
import KsbEvidence from '../../../src/islands/eligibility/KsbEvidence';
import TaskList from '../../../src/islands/eligibility/TaskList';

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
    expect(saved()).toMatchObject({ version: 1, data: { englishMaths: { age: '19+', level2: 'no' } } });
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
  it('counts answers per group and filters to unanswered and to gaps', async () => {
    render(<KsbEvidence ksbs={ksbs} nextHref="/next/" />);
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    fireEvent.click(document.getElementById('ksb-K1-yes')!);
    fireEvent.click(document.getElementById('ksb-S1-partly')!);
    expect(screen.getByText(/answered: 1 yes, 1 partly, 0 not yet/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Only unanswered/));
    expect(document.querySelectorAll('[data-ksb]').length).toBe(1);
    expect(document.querySelector('[data-ksb="B1"]')).not.toBeNull();
    fireEvent.click(screen.getByLabelText(/Only gaps/));
    expect([...document.querySelectorAll('[data-ksb]')].map((e) => e.getAttribute('data-ksb'))).toEqual(['S1']);
    fireEvent.input(document.getElementById('note-S1')!, { target: { value: 'Only in a pilot' } });
    expect(saved().data.ksbs.S1).toEqual({ answer: 'partly', note: 'Only in a pilot' });
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
    expect(document.getElementById('status-summary')!.textContent).toBe('Cannot start yet');
    expect(screen.queryByRole('link', { name: 'Summary' })).toBeNull();
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
