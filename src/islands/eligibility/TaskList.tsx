/**
 * The checklist's task list (GOV.UK pattern): each section with its status, and how many of the
 * five are complete. Statuses come from src/lib/eligibility.
 */
import { completedCount, eligibilityFeature, sectionStatuses, STATUS_LABEL } from '../../lib/eligibility';
import { HeldInline, HeldUntilRead } from '../shared/ReadingNote';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import type { SectionLink } from '../../lib/eligibility/sections';
import { useEarlyInput } from '../shared/useEarlyInput';
import '../../styles/tags.css';
import './TaskList.css';

interface Props {
  sections: SectionLink[];
  ksbCodes: string[];
}

export default function TaskList({ sections, ksbCodes }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(eligibilityFeature);
  const { data, ready } = saved;
  const statuses = sectionStatuses(data, ksbCodes);
  const done = completedCount(statuses);
  return (
    <div ref={early} class="task-list-island" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      {/* No count or status until the answers are read: "Not started" would claim what no one has
          checked. Each is held in place meanwhile (hidden), so nothing moves when they come. */}
      <HeldUntilRead ready={ready} what="saved answers">
        <p class="task-list__progress" aria-live="polite">
          {done} of {sections.length} sections completed
        </p>
      </HeldUntilRead>
      <ol class="task-list">
        {sections.map((section) => {
          const status = statuses[section.id];
          const statusId = `status-${section.id}`;
          return (
            <li class="task-list__item" key={section.id}>
              <div class="task-list__name">
                {/* Described by its status only once there is one: a held tag is not read out. */}
                <a href={section.href} aria-describedby={ready ? statusId : undefined}>
                  {section.title}
                </a>
                <p class="task-list__hint">{section.description}</p>
              </div>
              {ready ? (
                <strong class={`tag tag--${status}`} id={statusId}>
                  {STATUS_LABEL[status]}
                </strong>
              ) : (
                // Held in place (hidden), as it reads with nothing saved (the answers before they are read), so
                // the list does not move when the statuses come.
                <HeldInline ready={false} class={`tag tag--${status}`}>
                  {STATUS_LABEL[status]}
                </HeldInline>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
