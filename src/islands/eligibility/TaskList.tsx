/**
 * The checklist's task list (GOV.UK pattern): each section with its status, and how many of the
 * five are complete. Statuses come from src/lib/eligibility.
 */
import { completedCount, eligibilityFeature, sectionStatuses, STATUS_LABEL } from '../../lib/eligibility';
import { ReadingNote } from '../shared/ReadingNote';
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
      {/* No count or status until the answers are read: "Not started" would claim what no one has checked. */}
      {ready ? (
        <p class="task-list__progress" aria-live="polite">
          {done} of {sections.length} sections completed
        </p>
      ) : (
        <ReadingNote what="saved answers" class="task-list__progress" />
      )}
      <ol class="task-list">
        {sections.map((section) => {
          const status = statuses[section.id];
          const statusId = `status-${section.id}`;
          return (
            <li class="task-list__item" key={section.id}>
              <div class="task-list__name">
                <a href={section.href} aria-describedby={statusId}>
                  {section.title}
                </a>
                <p class="task-list__hint">{section.description}</p>
              </div>
              {ready ? (
                <strong class={`tag tag--${status}`} id={statusId}>
                  {STATUS_LABEL[status]}
                </strong>
              ) : (
                <span id={statusId} />
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
