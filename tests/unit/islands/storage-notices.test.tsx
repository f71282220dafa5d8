// @vitest-environment happy-dom
/**
 * One storage notice per feature per page: when two islands read the same damaged feature, the one
 * that saves it shows the notice; when none saves it, the first; and when that island goes, another
 * takes over, so the notice never disappears while the problem remains.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageNotices } from '../../../src/islands/shared/StorageNotices';

afterEach(cleanup);

const source = (feature: string) => ({
  feature,
  problems: [{ kind: 'unreadable' as const, feature, title: `Your ${feature} could not be read`, message: 'Kept as a backup.', backupKey: `st1398:backup:${feature}:1` }],
  dismiss: () => {},
  discardHeld: () => {},
});

const noticesIn = (id: string) => [...document.querySelectorAll(`#${id} [data-notice]`)].map((n) => n.getAttribute('data-feature'));

describe('storage notices shared between islands', () => {
  it('shows a feature’s notice once: in the island that saves it, else in the first that reads it', () => {
    const ratings = source('ratings');
    const quiz = source('quiz');
    render(
      <div id="reader">
        <StorageNotices states={[]} reads={[ratings, quiz]} />
      </div>,
    );
    render(
      <div id="writer">
        <StorageNotices states={[ratings]} />
      </div>,
    );
    expect(noticesIn('writer')).toEqual(['ratings']);
    expect(noticesIn('reader')).toEqual(['quiz']);
  });

  it('hands the notice to another island when the one showing it goes', async () => {
    const planner = source('planner');
    const first = render(
      <div id="first">
        <StorageNotices states={[]} reads={[planner]} />
      </div>,
    );
    render(
      <div id="second">
        <StorageNotices states={[]} reads={[planner]} />
      </div>,
    );
    expect([noticesIn('first'), noticesIn('second')]).toEqual([['planner'], []]);
    first.unmount();
    await waitFor(() => expect(noticesIn('second')).toEqual(['planner']));
  });

  it('shows a notice about the whole page (nothing can be saved) once, however many features and islands load', () => {
    const blocked = (feature: string) => ({
      ...source(feature),
      problems: [{ kind: 'unavailable' as const, feature, pageWide: true as const, title: 'Your progress will not be saved', message: 'Storage is blocked.' }],
    });
    render(
      <div id="rating">
        <StorageNotices states={[blocked('ratings')]} />
      </div>,
    );
    render(
      <div id="quiz">
        <StorageNotices states={[blocked('quiz')]} reads={[blocked('ratings'), blocked('practice'), blocked('eligibility'), blocked('evidence')]} />
      </div>,
    );
    render(
      <div id="examples">
        <StorageNotices states={[]} reads={[blocked('evidence')]} />
      </div>,
    );
    const all = [...document.querySelectorAll('[data-notice]')];
    expect(all.map((n) => n.querySelector('h2')?.textContent)).toEqual(['Your progress will not be saved']);
  });
});
