// @vitest-environment happy-dom
/**
 * The quiz page loads its builder, not the quiz: the quiz's code loads when Start is pressed (or
 * about to be). Meanwhile the page says it is loading; if it cannot load, the learner is told,
 * can try again or go back, and nothing is lost.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';

let fail = true;
vi.mock('../../../src/islands/quiz/QuizRunner', () => {
  if (fail) throw new Error('offline');
  return { QuizRunner: ({ scope }: { scope: { label: string } }) => <p data-runner>Runner for {scope.label}</p> };
});

const groups = [{ id: 'k7', label: 'K7', ksbs: ['K7'] }];

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ formatVersion: 1, questions: [] })))));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('QuizBuilder', () => {
  it('says it is loading the quiz; if it cannot, says so; "Back" returns to the builder and "Try again" starts it', async () => {
    fail = true;
    const { default: QuizBuilder } = await import('../../../src/islands/quiz/QuizBuilder');
    render(<QuizBuilder themes={groups} methods={groups} duties={groups} kinds={groups} ksbs={groups} />);
    fireEvent.submit(screen.getByRole('button', { name: 'Start the quiz' }).closest('form')!);
    expect(screen.getByRole('status').textContent).toBe('Loading the quiz…');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/did not load/));
    // "Back to choosing a quiz" returns to the builder, as it was.
    fireEvent.click(screen.getByRole('button', { name: 'Back to choosing a quiz' }));
    fireEvent.submit(screen.getByRole('button', { name: 'Start the quiz' }).closest('form')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/did not load/));
    fail = false;
    vi.resetModules();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(document.querySelector('[data-runner]')?.textContent).toBe('Runner for K7'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('counts the KSBs that need work and the questions due only once it has read them: none as built, none if the question list failed', async () => {
    const { default: QuizBuilder } = await import('../../../src/islands/quiz/QuizBuilder');
    const builder = <QuizBuilder themes={groups} methods={groups} duties={groups} kinds={groups} ksbs={groups} />;
    const html = renderToString(builder);
    const built = html.replace(/<span class="reading-hold-inline" aria-hidden="true" inert>[^<]*<\/span>/g, '');
    expect(built).toContain('KSBs that need work');
    expect(built).not.toMatch(/need work \(|Due for review today \(|\(0/);
    // Each count is held in place, hidden, as it reads with nothing saved: the options do not move when it comes.
    expect(html).toContain('KSBs that need work <span class="reading-hold-inline" aria-hidden="true" inert>(0)</span>');
    expect(html).toContain('Due for review today <span class="reading-hold-inline" aria-hidden="true" inert>(0 questions)</span>');

    render(builder);
    await waitFor(() => expect(document.querySelector('.quiz-builder[data-ready]')).not.toBeNull());
    expect(screen.getByLabelText('KSBs that need work (0)')).toBeTruthy();
    expect(screen.getByLabelText('Due for review today (0 questions)')).toBeTruthy();
    cleanup();

    vi.resetModules();
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('nope', { status: 500 }))));
    const { default: Again } = await import('../../../src/islands/quiz/QuizBuilder');
    render(<Again themes={groups} methods={groups} duties={groups} kinds={groups} ksbs={groups} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/question list did not download/));
    expect(screen.getByLabelText('KSBs that need work')).toBeTruthy();
    expect(screen.getByLabelText('Due for review today')).toBeTruthy();
    expect(document.querySelector('.reading-hold-inline'), 'nothing held when nothing can be read').toBeNull();
  });
});
