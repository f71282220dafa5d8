/**
 * iCalendar (RFC 5545) files of all-day events, for the planner's "add to calendar" download:
 * CRLF line ends, lines folded at 75 octets, text escaped, a stable UID per event.
 */
export interface CalendarEvent {
  uid: string;
  date: string; // YYYY-MM-DD
  summary: string;
  description?: string | undefined;
}

/** RFC 5545 TEXT: backslash, semicolon and comma escaped; every line break (CRLF, LF or a lone CR) as \n. */
export const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/**
 * A UID that stays the same for the same planned milestone when its date moves, so a calendar
 * that imports the file again updates the event instead of adding a second one.
 */
export function eventUid(id: string, domain = 'st1398-study-guide'): string {
  return `${id}@${domain}`;
}

/** Folds a content line at 75 octets (UTF-8), continuing with a space, as RFC 5545 §3.1 requires. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (iso: string) => iso.replace(/-/g, '');

export function buildIcs(events: readonly CalendarEvent[], options: { calendarName: string; now: Date }): string {
  const stamp = options.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//ST1398 study guide//EPA planner//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.calendarName)}`];
  for (const event of events) {
    const next = new Date(`${event.date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(event.date)}`,
      `DTEND;VALUE=DATE:${compact(next.toISOString().slice(0, 10))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
