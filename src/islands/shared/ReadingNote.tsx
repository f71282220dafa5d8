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
