// @vitest-environment happy-dom
/**
 * Views that rest on the evidence log claim nothing until they have read it: the page as built
 * (server-rendered, the first render a hydration must match) says the log is being read, never
 * "0 work examples" or "No evidence logged yet"; once read, they give the real figures.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Gateway from '../../../src/islands/eligibility/Gateway';
import EvidenceLog from '../../../src/islands/evidence/EvidenceLog';
import KsbExamples from '../../../src/islands/evidence/KsbExamples';
import PortfolioSummary from '../../../src/islands/evidence/PortfolioSummary';
import ThemeExamples from '../../../src/islands/evidence/ThemeExamples';
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
    const built = renderToString(<Gateway nextHref="/n/" rules={rules} rulesHref="/r/" />);
    expect(built).toContain('reading it…');
    expect(built).not.toMatch(/0 work examples|0 KSBs/);
    render(<Gateway nextHref="/n/" rules={rules} rulesHref="/r/" />);
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
    const built = renderToString(<EvidenceLog {...props} />);
    expect(built).toContain('Reading your evidence log…');
    expect(built).not.toMatch(/No entries yet|0 of 70 KSBs|No evidence logged yet|0 hours of off-the-job/);
    render(<EvidenceLog {...props} />);
    await waitFor(() => expect(document.querySelector('.evidence-log[data-ready]')).not.toBeNull());
    expect(document.querySelector('[data-covered]')!.textContent).toContain('2 of 70 KSBs have at least one entry');
    expect(document.querySelectorAll('.coverage__theme')).toHaveLength(themes.length);
    expect(document.body.textContent).not.toContain('Reading your evidence log…');
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
