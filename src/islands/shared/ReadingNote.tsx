/**
 * What an island says in place of a figure while it reads what is saved in this browser ("Reading
 * your evidence log…"): never a count or an empty state before it knows. Hidden when scripting is
 * off (`.reading-note`, src/styles/utilities.css), where nothing will be read.
 */
import type { ComponentChildren } from 'preact';

export function ReadingNote({ what, class: className }: { what: string; class?: string }) {
  return <p class={className ? `reading-note ${className}` : 'reading-note'}>{`Reading your ${what}…`}</p>;
}

/**
 * Content that rests on saved data, held until it has been read: drawn as the page was built but
 * hidden (`inert`, so not focusable or read out), with "Reading your …" over it. It keeps its place,
 * so the page does not move when the real content comes; with JavaScript off none of it shows.
 */
export function HeldUntilRead({ ready, what, children }: { ready: boolean; what: string; children: ComponentChildren }) {
  if (ready) return <>{children}</>;
  return (
    <div class="reading-hold">
      <ReadingNote what={what} />
      <div class="reading-hold__content" aria-hidden="true" inert>
        {children}
      </div>
    </div>
  );
}

/** The class that holds a figure in a line (src/styles/utilities.css). */
const HELD_INLINE_CLASS = 'reading-hold-inline';

/**
 * A figure in a line of text (a count in a heading or a label), held like HeldUntilRead: written as
 * it would read with nothing saved, hidden and out of reach until what is saved has been read, so
 * the line does not change length, and the page below it move, when the real figure comes.
 */
export function HeldInline({ ready, class: className, children }: { ready: boolean; class?: string; children: ComponentChildren }) {
  // The same span either way: shown, its text changes in place, and nothing is added to the page.
  if (ready) return <span class={className}>{children}</span>;
  return (
    <span class={className ? `${className} ${HELD_INLINE_CLASS}` : HELD_INLINE_CLASS} aria-hidden="true" inert>
      {children}
    </span>
  );
}

/**
 * Shows a figure held as built (HeldInline) from a script that draws it itself, outside Preact (the
 * checklist's theme counts): what HeldInline adds to hold it is taken off here, in the same file.
 */
export function showHeldInline(element: Element): void {
  element.classList.remove(HELD_INLINE_CLASS);
  element.removeAttribute('aria-hidden');
  element.removeAttribute('inert');
}
