/**
 * Coverage: every KSB as a cell coloured by how many entries show it (the count is written in the
 * cell, so the colour is never the only sign), and per theme the KSBs with none yet.
 */
import { Fragment } from 'preact';
import { coverageBand, methodCoverage, themeCoverage, type EvidenceKsb } from '../../lib/evidence/coverage';
import { plural, pluralWord } from '../../lib/format';
import { href, paths } from '../../lib/urls';

interface Props {
  ksbs: readonly EvidenceKsb[];
  counts: ReadonlyMap<string, number>;
  themeHref: Record<string, string>;
  onFilterKsb: (code: string) => void;
  onAddFor: (code: string) => void;
  /** The share of the themes to draw (0 to 1; all unless given), for drawing it in parts (useStages). */
  drawn?: number;
}

export function Coverage({ ksbs, counts, themeHref, onFilterKsb, onAddFor, drawn = 1 }: Props) {
  const themes = themeCoverage(ksbs, counts);
  const methods = methodCoverage(themes);
  const covered = [...counts.values()].filter((n) => n > 0).length;
  return (
    <div class="coverage">
      <p class="coverage__total" data-covered={covered}>
        {/* Each run of text one string: the page as built joins adjacent texts, and hydrating them
            apart would rebuild the text node by node (tests/browser/hydration.spec.ts). */}
        <strong>{`${covered} of ${plural(ksbs.length, 'KSB')}`}</strong>
        {` ${pluralWord(covered, 'has', 'have')} at least one entry. ${methods.map((m) => `${m.name}: ${m.covered} of ${m.total}.`).join(' ')}`}
      </p>
      <p class="coverage__key" aria-hidden="true">
        <span class="coverage__swatch coverage__cell--0">0</span>
        {' none yet '}
        <span class="coverage__swatch coverage__cell--1">1</span>
        {' one '}
        <span class="coverage__swatch coverage__cell--2">2</span>
        {' two '}
        <span class="coverage__swatch coverage__cell--3">3+</span>
        {' three or more'}
      </p>
      {themes.slice(0, Math.ceil(themes.length * drawn)).map((t) => (
        <section key={t.id} class="coverage__theme" aria-labelledby={`coverage-${t.id}`} data-theme={t.id}>
          <h3 id={`coverage-${t.id}`} class="coverage__name">
            <a href={themeHref[t.id]}>{t.name}</a> <span class="coverage__method">{t.method.toUpperCase()}</span>
          </h3>
          <ul class="coverage__grid" aria-label={`${t.name}: entries per KSB`}>
            {ksbs
              .filter((k) => k.themeId === t.id)
              .map((k) => {
                const n = counts.get(k.code) ?? 0;
                return (
                  <li key={k.code}>
                    <button
                      type="button"
                      class={`coverage__cell coverage__cell--${coverageBand(n)}`}
                      data-ksb={k.code}
                      data-count={n}
                      onClick={() => (n > 0 ? onFilterKsb(k.code) : onAddFor(k.code))}
                      title={k.statement}
                    >
                      <span class="coverage__code">{k.code}</span>
                      <span class="coverage__count">{n > 0 ? plural(n, 'entry', 'entries') : 'none'}</span>
                      <span class="visually-hidden">{n > 0 ? `: show ${pluralWord(n, 'it', 'them')}` : `: add an entry for ${k.code}`}</span>
                    </button>
                  </li>
                );
              })}
          </ul>
          <p class="coverage__gaps">
            {t.missing.length === 0 ? (
              'Every KSB of this theme has an entry.'
            ) : (
              <>
                {'No evidence logged yet: '}
                {t.missing.map((code, i) => (
                  <Fragment key={code}>
                    {i > 0 && ', '}
                    <a href={href(paths.ksb(code))}>{code}</a>
                  </Fragment>
                ))}
                .
              </>
            )}
          </p>
        </section>
      ))}
    </div>
  );
}
