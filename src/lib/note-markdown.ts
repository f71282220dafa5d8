/**
 * A revision note's prose as data a page can draw without an HTML parser: one section of the note's
 * Markdown (`noteSection`), and that Markdown read as blocks (`readNoteMarkdown`). It reads the
 * subset the notes' prose sections use, and nothing more: paragraphs, bulleted (`- `) and numbered
 * (`1. `) lists whose items may run on indented lines, **bold** and *italic*. Anything else is kept
 * as its text. The checklist shows "In plain English" this way (src/islands/eligibility), from the
 * KSB's JSON (`plainEnglish`).
 */

export interface Run {
  text: string;
  strong?: true;
  em?: true;
}
export type NoteBlock = { kind: 'p'; runs: Run[] } | { kind: 'ul' | 'ol'; items: Run[][] };

/** The Markdown under `## heading` in a note's body, up to the next level-2 heading (trimmed; '' if absent). */
export function noteSection(body: string, heading: string): string {
  const parts = body.split(/^## +/m);
  const part = parts.find((p) => p.split('\n', 1)[0]!.trim() === heading);
  return part === undefined ? '' : part.slice(part.indexOf('\n') + 1).trim();
}

/** Inline Markdown as runs: **bold** and *italic* (not nested); other characters as they are. */
export function readRuns(text: string): Run[] {
  const runs: Run[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(?!\s)(.+?)(?<!\s)\*/g;
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    runs.push(m[1] !== undefined ? { text: m[1], strong: true } : { text: m[2]!, em: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

const BULLET = /^[-*] +/;
const NUMBER = /^\d+\. +/;

/** A note's Markdown as paragraphs and lists. */
export function readNoteMarkdown(markdown: string): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  let paragraph: string[] = [];
  let list: { kind: 'ul' | 'ol'; items: string[][] } | undefined;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'p', runs: readRuns(paragraph.join(' ')) });
    if (list) blocks.push({ kind: list.kind, items: list.items.map((item) => readRuns(item.join(' '))) });
    paragraph = [];
    list = undefined;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const kind = BULLET.test(line) ? 'ul' : NUMBER.test(line) ? 'ol' : undefined;
    if (kind) {
      if (!list || list.kind !== kind) flush();
      list ??= { kind, items: [] };
      list.items.push([line.replace(kind === 'ul' ? BULLET : NUMBER, '')]);
    } else if (list && /^\s/.test(raw)) {
      list.items.at(-1)!.push(line);
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
