/** The files the site offers for download are safe to open: calendar text escaping and UIDs, CSV formula guard. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toCsv, cell } from '../../src/lib/csv';
import { buildIcs, escapeText, eventUid } from '../../src/lib/ics';

describe('calendar files', () => {
  it('escapes every kind of line break, including a lone carriage return', () => {
    expect(escapeText('a\r\nb\nc\rd')).toBe('a\\nb\\nc\\nd');
    expect(escapeText('x;y,z\\')).toBe('x\\;y\\,z\\\\');
    const ics = buildIcs([{ uid: 'u@x', date: '2027-03-01', summary: 'Line\rbreak' }], { calendarName: 'C', now: new Date('2026-11-30T10:00:00Z') });
    expect(ics).toContain('SUMMARY:Line\\nbreak\r\n');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\r/);
  });

  it('folds a long line at 75 octets, never inside a character, and ical.js reads the text back whole', () => {
    const summary = `Gateway meeting: bring the portfolio; £ and é and 🎓 and ＝, commas, a back\\slash. ${'Long text '.repeat(12)}end`;
    const description = `First line\r\nsecond line; ${'ünïcödé 🎓 '.repeat(10)}\nlast, line`;
    const ics = buildIcs([{ uid: 'u@x', date: '2027-03-01', summary, description }], { calendarName: 'C', now: new Date('2026-11-30T10:00:00Z') });
    const lines = ics.split('\r\n');
    expect(lines.filter((l) => l.startsWith(' ')).length, 'the long lines are folded').toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics, 'no character split in two').not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe(summary);
    expect(event.getFirstPropertyValue('description')).toBe(description.replace(/\r\n/g, '\n'));
  });

  it('gives a milestone the same UID whatever its date, so a re-import updates the event', () => {
    expect(eventUid('gateway')).toBe('gateway@st1398-study-guide');
    expect(eventUid('gateway')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('CSV formula guard', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\0=1', "'\0=1"],
    ['＝HYPERLINK("x")', '"\'＝HYPERLINK(""x"")"'],
    ['  =1+2', "'  =1+2"],
    ['\u3000=1', "'\u3000=1"],
    ['plain text', 'plain text'],
    ['a = b', 'a = b'],
  ])('%j becomes %j', (input, output) => {
    expect(cell(input)).toBe(output);
  });

  it('leaves numbers as numbers', () => {
    expect(cell(-5)).toBe('-5');
  });

  it('quotes per RFC 4180 and ends lines with CRLF', () => {
    expect(toCsv([['a,b', 'say "hi"'], ['x', undefined]])).toBe('\uFEFF"a,b","say ""hi"""\r\nx,\r\n');
  });
});
