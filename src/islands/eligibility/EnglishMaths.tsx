/** Section 1: English and maths. States the rule that applies, quoting the specification. */
import { eligibilityFeature, englishMathsQuestions, englishMathsResult } from '../../lib/eligibility';
import { Radios, SavedStatus, YES_NO } from '../shared/fields';
import { ContinueLink } from './ContinueLink';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { useEarlyInput } from '../shared/useEarlyInput';
import './EnglishMaths.css';

interface Props {
  /** The EPA specification's two rules, word for word. */
  rules: { aged16to18: string; aged19plus: string };
  sourceName: string;
  /** The occupational standard's general rule, word for word. */
  standardRule: string;
  standardSourceName: string;
  nextHref: string;
}

export default function EnglishMaths({ rules, sourceName, standardRule, standardSourceName, nextHref }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(eligibilityFeature);
  const { data, ready, update } = saved;
  const answers = data.englishMaths;
  const set = (change: Partial<typeof answers>) =>
    update((d) => ({ ...d, englishMaths: { ...d.englishMaths, ...change } }));
  const result = englishMathsResult(answers);
  const questions = englishMathsQuestions(answers);
  return (
    <div ref={early} class="checklist-form" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      <Radios
        name="age"
        legend="How old will you be on the day your apprenticeship starts?"
        options={[
          { value: '16-18', label: '16 to 18' },
          { value: '19+', label: '19 or over' },
        ]}
        value={answers.age}
        onChange={(age) => set({ age })}
      />
      <Radios
        name="level2"
        legend="Do you have English and maths qualifications at level 2 or above?"
        hint="For example GCSE grade 4 (C) or above, or Functional Skills level 2."
        options={YES_NO}
        value={answers.level2}
        onChange={(level2) => set({ level2 })}
        inline
      />
      {questions.includes('ehcp') && (
        <Radios
          name="ehcp"
          legend="Do you have an education, health and care plan or a legacy statement?"
          options={YES_NO}
          value={answers.ehcp}
          onChange={(ehcp) => set({ ehcp })}
          inline
        />
      )}
      {questions.includes('bsl') && (
        <Radios
          name="bsl"
          legend="Is British Sign Language (BSL) your primary language?"
          options={YES_NO}
          value={answers.bsl}
          onChange={(bsl) => set({ bsl })}
          inline
        />
      )}
      <SavedStatus state={saved} />

      <section class="result-panel" aria-labelledby="em-result" aria-live="polite">
        <h2 id="em-result">What this means for you</h2>
        {result.outcome === 'answer-questions' ? (
          <p>Answer the questions above to see the rule that applies to you.</p>
        ) : (
          <>
            <p>
              <strong>
                {
                  {
                    met: 'You meet the English and maths requirement.',
                    'exempt-by-agreement': 'You can be exempt, by agreement with your employer.',
                    'must-achieve': 'You need to achieve English and maths before the end-point assessment.',
                  }[result.outcome]
                }
              </strong>
            </p>
            {result.rule &&
              (result.outcome === 'met' ? (
                // The specification's rule is about those without level 2: not this learner's case.
                <details class="source-detail" data-rule-not-applying>
                  <summary>The rule for apprentices without level 2 (it does not apply to you)</summary>
                  <figure class="quote">
                    <blockquote class="quoted">
                      <p>{rules[result.rule]}</p>
                    </blockquote>
                    <figcaption>{sourceName}</figcaption>
                  </figure>
                </details>
              ) : (
                <figure class="quote" data-rule-applying>
                  <blockquote class="quoted">
                    <p>{rules[result.rule]}</p>
                  </blockquote>
                  <figcaption>{sourceName}</figcaption>
                </figure>
              ))}
            <h3>What to do</h3>
            <ul>
              {result.actions.map((action) => (
                <li key={action}>{action}</li>
              ))}
            </ul>
          </>
        )}
        <details class="source-detail">
          <summary>The occupational standard’s general rule</summary>
          <p>
            The standard (2024) states one rule for everyone. The EPA specification (May 2025) is later and splits it by age; this checklist
            applies the specification’s rule.
          </p>
          <figure class="quote">
            <blockquote class="quoted">
              <p>{standardRule}</p>
            </blockquote>
            <figcaption>{standardSourceName}</figcaption>
          </figure>
        </details>
      </section>
      <ContinueLink href={nextHref} />
    </div>
  );
}
