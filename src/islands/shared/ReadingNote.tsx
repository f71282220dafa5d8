/**
 * What an island says in place of a figure while it reads what is saved in this browser ("Reading
 * your evidence log…"): never a count or an empty state before it knows. Hidden when scripting is
 * off (`.reading-note`, src/styles/utilities.css), where nothing will be read.
 */
export function ReadingNote({ what, class: className }: { what: string; class?: string }) {
  return <p class={className ? `reading-note ${className}` : 'reading-note'}>{`Reading your ${what}…`}</p>;
}
