/**
 * The KSB step (section 3), one theme, as the page is built: for each of its KSBs, does your role
 * give you the chance to develop and evidence it before the end-point assessment? (Yes / With some
 * changes to my role / No), an optional "I can already do this" tick, and a note; each KSB in plain
 * English with its explanation and the official statement one tap away, opened in place.
 *
 * Rendered with the page and never hydrated (issue #20): the step's island (KsbEvidence), around
 * all the themes, shows the saved answers in these controls and saves what the learner changes
 * (./ksb-step.ts). With nothing saved, what is built is what the learner sees.
 */
import { OPPORTUNITY, OPPORTUNITY_LABEL } from '../../lib/eligibility';
import type { KsbSummary } from '../../lib/eligibility/sections';
import { Radios } from '../shared/fields';
import { KsbExplanation } from './KsbExplanation';
import { groupCount, KSB_STEP } from './ksb-step';
import { HeldInline } from '../shared/ReadingNote';
import '../../styles/ksb-list.css';
import './KsbEvidence.css';

export interface KsbGroup {
  id: string;
  title: string;
  ksbs: KsbSummary[];
}

interface Props {
  group: KsbGroup;
}

const OPTIONS = OPPORTUNITY.map((value) => ({
  value,
  label: OPPORTUNITY_LABEL[value],
}));

/** "Add a note": the question, until the disclosure is opened and the island draws its field (noteFieldOf). */
function KsbNote({ code }: { code: string }) {
  return (
    <details class={KSB_STEP.note}>
      <summary>
        <span class={KSB_STEP.noteLabel}>Add a note</span>
        <span class="visually-hidden">{` for ${code}`}</span>
      </summary>
      <p class="field__label field__label--small">{KSB_STEP.noteQuestion(code)}</p>
    </details>
  );
}

export default function KsbEvidenceGroup({ group }: Props) {
  return (
    <section class={KSB_STEP.group} aria-labelledby={`group-${group.id}`}>
      <h2 id={`group-${group.id}`}>
        {`${group.title} `}
        {/* Held (hidden) as it reads with nothing answered, until the island shows the real count (showAnswers). */}
        <HeldInline ready={false} class="count">
          {groupCount(0, group.ksbs.length)}
        </HeldInline>
      </h2>
      {group.ksbs.map((ksb) => (
        <div class={`${KSB_STEP.item} laid-out-when-near`} key={ksb.code} data-ksb={ksb.code}>
          <Radios
            name={KSB_STEP.radios(ksb.code)}
            legend={
              <>
                <span class="ksb-code">{ksb.code}</span>
                {` ${ksb.summary ?? ksb.statement}`}
              </>
            }
            hint={
              <>
                <KsbExplanation code={ksb.code} />
                <details class="ksb-evidence__statement">
                  <summary>
                    The official wording
                    <span class="visually-hidden">{` of ${ksb.code}`}</span>
                  </summary>
                  <blockquote class="quoted">
                    <p>{ksb.statement}</p>
                  </blockquote>
                  <p>
                    <a href={ksb.href}>
                      {`More about ${ksb.code}: notes, criteria and a quiz`}
                      <span class="visually-hidden">{` (the ${ksb.code} page)`}</span>
                    </a>
                  </p>
                </details>
              </>
            }
            legendClass="field__legend field__legend--ksb"
            options={OPTIONS}
            value={undefined}
            inline
          />
          <div class="choice choice--small">
            <input class="choice__input" type="checkbox" id={KSB_STEP.canAlready(ksb.code)} />
            <label class="choice__label" for={KSB_STEP.canAlready(ksb.code)}>
              I can already do this
              <span class="visually-hidden">{` (${ksb.code})`}</span>
            </label>
          </div>
          <KsbNote code={ksb.code} />
        </div>
      ))}
    </section>
  );
}
