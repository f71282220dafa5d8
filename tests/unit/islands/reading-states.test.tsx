// @vitest-environment happy-dom
/**
 * Views that rest on saved data claim nothing until they have read it: the page as built
 * (server-rendered, the first render a hydration must match) says what is being read, never
 * "0 work examples", "No evidence logged yet", "Not started" or "0 of 70 answered"; once read,
 * they give the real figures.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Gateway from '../../../src/islands/eligibility/Gateway';
import EvidenceLog from '../../../src/islands/evidence/EvidenceLog';
import KsbExamples from '../../../src/islands/evidence/KsbExamples';
import PortfolioSummary from '../../../src/islands/evidence/PortfolioSummary';
import ThemeExamples from '../../../src/islands/evidence/ThemeExamples';
import KsbEvidence from '../../../src/islands/eligibility/KsbEvidence';
import KsbEvidenceGroup from '../../../src/islands/eligibility/KsbEvidenceGroup';
import Summary from '../../../src/islands/eligibility/Summary';
import TaskList from '../../../src/islands/eligibility/TaskList';
import ReportHelper from '../../../src/islands/ReportHelper';
import ReportMapping from '../../../src/islands/ReportMapping';
import { staticSlot } from './static-slot';
import { createStandard } from '../../../src/lib/standard';
import { ruleById } from '../../../src/lib/rules';
import { loadStandardContent } from '../../../src/lib/content/standard-content';
import { appliedRulesOf } from '../../../src/lib/rules';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/store';

const content = loadStandardContent();
const rules = appliedRulesOf(content.rules);
const standard = createStandard(content);
// As src/data/evidence.ts gives them to the log's page.
const themes = standard.methods.flatMap((m) => standard.themesOfMethod(m.id).map((t) => ({ id: t.id, name: t.name, method: m.id, methodCode: m.code, href: '/' })));
const ksbs = themes.flatMap((t) =>
  standard.ksbsOfTheme(t.id).map((k) => ({ code: k.code, statement: k.statement, themeId: t.id, theme: t.name, method: t.method, methodCode: t.methodCode })),
);
const entry = (id: string, ksbs: string[]) => ({ id, title: `Work ${id}`, date: '2026-10-01', ksbs, created: '2026-10-01T09:00:00.000Z', updated: '2026-10-01T09:00:00.000Z' });
const saveLog = (entries: unknown[]) =>
  localStorage.setItem(keyFor('evidence'), JSON.stringify({ version: 1, savedAt: '2026-10-01T09:00:00.000Z', data: { entries, activities: [], plan: {} } }));

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
});
afterEach(cleanup);

describe('the gateway’s line from the evidence log', () => {
  it('says it is reading the log as built, with no count, then counts what was read', async () => {
    saveLog([entry('a', ['K1', 'S2']), entry('b', ['K1'])]);
    const html = renderToString(<Gateway nextHref="/n/" rules={rules} rulesHref="/r/" earliestStart="2024-12-18" />);
    const built = visibleText(html);
    expect(built).toContain('Reading your evidence log…');
    expect(built).not.toMatch(/0 work examples|0 KSBs/);
    // Held in place, hidden and out of reach, as it reads with nothing logged: the page below does not move when the count comes.
    expect(html).toMatch(/<div class="reading-hold__content" aria-hidden="true" inert><p>From <a [^>]*>your evidence log<\/a>: 0 work examples showing 0 KSBs/);
    render(<Gateway nextHref="/n/" rules={rules} rulesHref="/r/" earliestStart="2024-12-18" />);
    await waitFor(() => expect(document.querySelector('[data-evidence-counts]')!.textContent).toContain('2 work examples showing 2 KSBs'));
    expect(document.querySelector('[data-evidence-counts]')!.getAttribute('aria-busy')).toBeNull();
  });
});

describe('a KSB page’s examples', () => {
  it('says it is reading the log as built, then that there is none', async () => {
    const built = renderToString(<KsbExamples code="K1" />);
    expect(built).toContain('Reading your evidence log…');
    expect(built).not.toContain('No evidence logged yet');
    render(<KsbExamples code="K1" />);
    await waitFor(() => expect(document.querySelector('[data-examples-for="K1"][data-ready]')!.textContent).toContain('No evidence logged yet.'));
  });
});

describe('the evidence log', () => {
  it('claims no entries, coverage or hours as built; once read, gives them', async () => {
    saveLog([entry('a', ['K1', 'S2'])]);
    const props = { ksbs, themes, offTheJob: ruleById(content.rules, 'off-the-job') };
    const html = renderToString(<EvidenceLog {...props} />);
    const built = visibleText(html);
    expect(built).toContain('Reading your evidence log…');
    expect(built).not.toMatch(/No entries yet|0 of 70 KSBs|No evidence logged yet|0 hours of off-the-job/);
    // The entries and the hours are held in place, hidden and out of reach, as they read with nothing logged.
    const held = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('.reading-hold__content[aria-hidden="true"][inert]')].map((el) => el.textContent);
    expect(held).toEqual([expect.stringMatching(/^No entries yet/), expect.stringMatching(/^0 hours of off-the-job training logged/)]);
    render(<EvidenceLog {...props} />);
    await waitFor(() => expect(document.querySelector('.evidence-log[data-ready]')).not.toBeNull());
    // The coverage is drawn once wanted (useWanted): here, the keyboard used.
    expect(document.querySelector('[data-covered]')).toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    await waitFor(() => expect(document.querySelector('.evidence-log[data-ready] [data-covered]')).not.toBeNull());
    expect(document.querySelector('[data-covered]')!.textContent).toContain('2 of 70 KSBs have at least one entry');
    expect(document.querySelectorAll('.coverage__theme')).toHaveLength(themes.length);
    expect(document.body.textContent).not.toContain('Reading your evidence log…');
    expect(document.querySelector('.evidence-log .reading-hold, .evidence-log [inert]'), 'nothing held once read').toBeNull();
  });
});

describe('a theme’s examples and the portfolio summary', () => {
  it('say they are reading the log as built, with no verdict', () => {
    const theme = renderToString(<ThemeExamples ksbs={['K1', 'S2']} criteria={[]} />);
    expect(theme).toContain('Reading your evidence log…');
    expect(theme).not.toMatch(/No entry in|yet/);
    const summary = renderToString(<PortfolioSummary ksbs={ksbs} />);
    expect(summary).toContain('Reading your evidence log…');
    expect(summary).not.toMatch(/evidence entries|of 70 KSBs/);
  });
});

/** The visible text of a page as built: what is held until read (hidden, inert) is left out. */
const visibleText = (html: string) => {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  for (const held of holder.querySelectorAll('[inert]')) held.remove();
  return holder.textContent ?? '';
};
const saveAnswers = (data: object) =>
  localStorage.setItem(keyFor('eligibility'), JSON.stringify({ version: 2, savedAt: '2026-10-01T09:00:00.000Z', data: { englishMaths: {}, role: {}, ksbs: {}, gateway: {}, ...data } }));

describe('the eligibility checklist', () => {
  const sections = [
    { id: 'english-and-maths' as const, title: 'English and maths', href: '/a/', description: 'a' },
    { id: 'summary' as const, title: 'Summary', href: '/c/', description: 'c' },
  ];
  const stepKsbs = [
    { code: 'K1', kind: 'knowledge' as const, statement: 'Know one.', href: '/ksbs/k1/' },
    { code: 'S1', kind: 'skill' as const, statement: 'Do one.', href: '/ksbs/s1/' },
  ];
  const group = { id: 'a', title: 'Theme A', ksbs: stepKsbs };

  it('task list: no count or status as built, then the real ones', async () => {
    saveAnswers({ englishMaths: { age: '19+', level2: 'yes' } });
    const html = renderToString(<TaskList sections={sections} ksbCodes={['K1']} />);
    const built = visibleText(html);
    expect(built).toContain('Reading your saved answers…');
    expect(built).not.toMatch(/sections completed|Not started|In progress|Completed/);
    // Each status held in place (hidden, as it reads with nothing saved), and no link described by it until it is shown.
    expect(html.match(/<span class="tag tag--not-started reading-hold-inline" aria-hidden="true" inert>Not started<\/span>/g)).toHaveLength(2);
    expect(html).not.toContain('aria-describedby');
    render(<TaskList sections={sections} ksbCodes={['K1']} />);
    await waitFor(() => expect(document.body.textContent).toContain('1 of 2 sections completed'));
    expect(document.getElementById('status-english-and-maths')!.textContent).toBe('Completed');
  });

  it('KSB step: no count in the bar, the filters or the themes as built, then the real ones', async () => {
    saveAnswers({ ksbs: { K1: { opportunity: 'yes' } } });
    const step = (
      <>
        <KsbEvidence codes={['K1', 'S1']}>{staticSlot(<KsbEvidenceGroup group={group} />)}</KsbEvidence>
      </>
    );
    const html = renderToString(step);
    const built = visibleText(html);
    expect(built).toContain('Reading your saved answers…');
    expect(built).not.toMatch(/\bof 2\b|\(\d+\)/);
    // Held in place as they read with nothing saved, hidden and out of reach, so nothing moves when the counts come.
    expect(html).toMatch(/<div class="reading-hold__content" aria-hidden="true" inert><p>.*0 of 2.* answered: 0 yes/);
    expect(html).toContain('<span class="reading-hold-inline" aria-hidden="true" inert>(2)</span>');
    expect(html).toContain('<span class="count reading-hold-inline" aria-hidden="true" inert>(0 of 2 answered)</span>');
    render(step);
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    expect(document.body.textContent).toContain('1 of 2 answered: 1 yes, 0 with changes, 0 no');
    expect(document.body.textContent).toContain('Theme A (1 of 2 answered)');
    expect(document.querySelectorAll('[inert], [aria-hidden]'), 'nothing is held once read').toHaveLength(0);
    expect(document.body.textContent).toContain('Only unanswered (1)');
    // The saved answer is shown in the page's own radios.
    expect((document.getElementById('ksb-K1-yes') as HTMLInputElement).checked).toBe(true);
  });

  it('summary: no verdict, count or "None" as built (held in place, hidden), then the real ones', async () => {
    saveAnswers({ ksbs: { K1: { opportunity: 'no' } } });
    const summary = <Summary ksbs={stepKsbs} checklistHref="/c/" rules={rules} />;
    const html = renderToString(summary);
    const built = visibleText(html);
    expect(built).toContain('Reading your saved answers…');
    expect(built).not.toMatch(/Not started|None:|raise with your employer \(/);
    // What is held is there (so nothing moves when the answers come), hidden and out of reach.
    expect(html).toMatch(/class="reading-hold__content" aria-hidden="true" inert/);
    render(summary);
    await waitFor(() => expect(document.querySelector('.summary-island[data-ready]')).not.toBeNull());
    expect(document.body.textContent).toContain('KSBs to raise with your employer (1)');
    expect(document.querySelector('[inert]')).toBeNull();
    expect(document.getElementById('result-apply')!.textContent).not.toContain('Not started');
  });
});

describe('the AM1 report helper', () => {
  const props = { contents: ['An introduction'], alsoInclude: ['References'], wordCount: 3000, tolerancePercent: 10, ksbs: [{ code: 'K1', statement: 'A statement', theme: 'Theme' }] };
  it('no ticked count, word count or mapping gaps as built, then the real ones', async () => {
    localStorage.setItem(keyFor('report'), JSON.stringify({ version: 1, savedAt: '2026-10-01T09:00:00.000Z', data: { checked: ['An introduction'], text: 'one two three', mapping: {} } }));
    // The helper and, further down, the mapping appendix: two islands sharing the saved report.
    const page = (
      <>
        <ReportHelper {...props} />
        <ReportMapping ksbs={props.ksbs} />
      </>
    );
    const built = visibleText(renderToString(page));
    expect(built).toContain('Reading your saved report checklist…');
    expect(built).toContain('Reading your saved report…');
    expect(built).not.toMatch(/ticked\.|words counted|not yet mapped:|Not yet mapped|Every KSB is mapped/);
    render(page);
    await waitFor(() => expect(document.querySelector('.report-helper[data-ready]')).not.toBeNull());
    await waitFor(() => expect(document.querySelector('.report-mapping[data-ready]')).not.toBeNull());
    expect(document.body.textContent).toContain('1 of 2 ticked.');
    expect(document.body.textContent).toContain('3 words counted');
    expect(document.body.textContent).toContain('1 not yet mapped: K1.');
  });
});
