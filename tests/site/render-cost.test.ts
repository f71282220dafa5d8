/**
 * What a phone has to lay out while a page loads (issue #20):
 * - no text field sits inside a closed disclosure: Chromium's form scan, when the page has been
 *   read, forces a layout of its own for each one (70 on the KSB step were its longest task);
 * - the KSB step is a small island per theme (with one for its count and one for its "Saved at"
 *   line), never one island of all 70 KSBs;
 * - the KSB list's 70 rows are the page's own HTML, handed to the finder's island as children
 *   (an <astro-slot> it never draws), so hydrating the island does not rebuild them;
 * - the practice page carries none of its questions: its island loads them, from a file of their
 *   own that passes the island's check, when a session starts or opens;
 * - a KSB page's first screen is all it lays out at first: every part below it (each part of the
 *   revision note, from one heading to the next, and each section after "How it is assessed") is
 *   laid out only when near the screen (.laid-out-when-near; integrations/note-parts.mjs).
 */
import { describe, expect, it } from 'vitest';
import { distBuilt, htmlPages, readPage } from '../support/dist';
import { loadAllContent } from '../../src/lib/content/authored-content';
import { parsePracticeTexts } from '../../src/lib/practice-texts';
import { paths } from '../../src/lib/urls';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { createStandard } from '../../src/lib/standard';
import { NOTE_PART_CLASS } from '../../integrations/note-parts.mjs';
import { LAID_OUT_WHEN_NEAR } from '../../src/lib/section-being-read';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

const pages = htmlPages();
const standard = createStandard(loadStandardContent());
const TEXT_FIELD = /<textarea\b|<select\b|<input\b(?![^>]*\btype="(?:radio|checkbox|hidden|submit|button|reset|file|image|range|color)")/;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The opening tags of the element children of the element whose opening tag starts at `start`. */
function childTags(html: string, start: number): string[] {
  const children: string[] = [];
  let depth = 0;
  for (const tag of html.slice(start).matchAll(/<(\/?)([a-z][a-z0-9-]*)\b[^>]*>/g)) {
    const [whole, closing, name] = tag;
    if (VOID.has(name!) || whole.endsWith('/>')) {
      if (depth === 1) children.push(whole);
      continue;
    }
    if (closing) {
      if (--depth === 0) return children;
    } else {
      if (depth === 1) children.push(whole);
      depth++;
    }
  }
  throw new Error(`unclosed element at ${start}`);
}
const hasClass = (tag: string, name: string) => new RegExp(`\\sclass="(?:[^"]*\\s)?${name}(?:\\s[^"]*)?"`).test(tag);

/** The closed <details> of a page, each with what it holds (nested ones included in their parent). */
function closedDisclosures(html: string): string[] {
  const found: string[] = [];
  const tags = [...html.matchAll(/<details\b([^>]*)>|<\/details>/g)];
  const stack: Array<{ start: number; open: boolean }> = [];
  for (const tag of tags) {
    if (tag[0].startsWith('</')) {
      const top = stack.pop();
      if (top && !top.open && !stack.some((s) => !s.open)) found.push(html.slice(top.start, tag.index! + tag[0].length));
    } else stack.push({ start: tag.index!, open: /\sopen(?:[\s=>]|$)/.test(` ${tag[1]}`) });
  }
  return found;
}

describe('what a page lays out while it loads', () => {
  it('has no text field inside a closed disclosure, on any page', () => {
    const offending = pages.filter((page) => closedDisclosures(readPage(page)).some((d) => TEXT_FIELD.test(d)));
    expect(offending).toEqual([]);
  });

  it('finds closed disclosures and the fields in them (the check above can fail)', () => {
    const sample = '<details><summary>Add a note</summary><textarea id="n"></textarea></details><details open><textarea></textarea></details>';
    expect(closedDisclosures(sample).filter((d) => TEXT_FIELD.test(d))).toHaveLength(1);
  });

  it('keeps the KSB step’s 70 KSBs as the page’s HTML, in one island’s slot, with no island per theme', () => {
    const html = readPage('/eligibility/ksbs/');
    const islands = [...html.matchAll(/<astro-island\b[^>]*component-url="[^"]*\/(KsbEvidence\w*)\.[^"]*"/g)].map((m) => m[1]);
    expect(islands).toEqual(['KsbEvidence', 'KsbEvidenceSaved']);
    const island = html.slice(html.indexOf('<astro-island'), html.indexOf('</astro-slot>'));
    const slot = island.slice(island.indexOf('<astro-slot>'));
    expect([...slot.matchAll(/<div class="ksb-evidence__item laid-out-when-near" data-ksb="/g)], 'each laid out only when near the screen').toHaveLength(70);
    expect([...slot.matchAll(/<section class="ksb-evidence__group"/g)].length).toBeGreaterThan(5);
    expect([...html.matchAll(/\sdata-ksb="/g)]).toHaveLength(70);
  });

  it('keeps the KSB list as the page’s HTML, in the finder’s slot, not drawn by its island', () => {
    const html = readPage('/ksbs/');
    const island = html.slice(html.indexOf('<astro-island'), html.lastIndexOf('</astro-island>'));
    const slot = island.slice(island.indexOf('<astro-slot>'), island.indexOf('</astro-slot>'));
    expect([...slot.matchAll(/<li data-ksb="/g)]).toHaveLength(70);
    expect([...html.matchAll(/\sdata-ksb="/g)]).toHaveLength(70);
  });

  it('keeps the practice questions out of the practice page, in the file its island loads', () => {
    const prompts = loadAllContent().authored.practicePrompts;
    const html = readPage('/practice/');
    const file = parsePracticeTexts(JSON.parse(readPage(paths.practiceTextsJson)));
    expect(file.prompts.map((p) => p.id).sort()).toEqual(prompts.map((p) => p.id).sort());
    expect(prompts.filter((p) => html.includes(JSON.stringify(p.prompt).slice(1, -1)) || html.includes(p.id)).map((p) => p.id)).toEqual([]);
    expect(html).not.toContain('&quot;prompts&quot;');
  });

  it('lays out at first only a KSB page’s first screen: each part of its note, and each section after “How it is assessed”, only when near the screen', () => {
    expect(`.${NOTE_PART_CLASS}`, 'the class the notes are built with is the one the page script knows').toBe(LAID_OUT_WHEN_NEAR);
    for (const { code } of standard.ksbs) {
      const html = readPage(paths.ksb(code));
      const article = childTags(html, html.indexOf('<article class="ksb-page"'));
      const sections = article.filter((tag) => tag.startsWith('<section'));
      expect(
        sections.slice(0, 3).map((tag) => /\sid="([^"]*)"/.exec(tag)?.[1]),
        code,
      ).toEqual(['statement', 'assessment', 'notes']);
      for (const section of sections.slice(3)) expect(hasClass(section, NOTE_PART_CLASS), `${code}: ${section}`).toBe(true);
      const notes = html.indexOf('<section id="notes"');
      const parts = childTags(html, notes).filter((tag) => !/^<h2[^>]*visually-hidden|^<p class="notes__label"/.test(tag));
      // The note's four parts, its key terms and related KSBs (where it has them), its further reading.
      expect(parts.length, code).toBeGreaterThanOrEqual(5);
      for (const part of parts) expect(part, code).toBe(`<div class="${NOTE_PART_CLASS}">`);
      // Each part starts with its heading: the heading a link jumps to lays its part out.
      let at = notes;
      for (let i = 0; i < parts.length; i++) {
        at = html.indexOf(`<div class="${NOTE_PART_CLASS}">`, at + 1);
        expect(childTags(html, at)[0], `${code}, part ${i + 1}`).toMatch(/^<h2 id="/);
      }
    }
  });

  it('finds an element’s children, and a section not laid out when near (the check above can fail)', () => {
    const sample = '<article><section id="a"><p>x<br></p><img src="i"></section><div class="b laid-out-when-near c"><h2>t</h2></div></article>';
    expect(childTags(sample, 0)).toEqual(['<section id="a">', '<div class="b laid-out-when-near c">']);
    expect(childTags(sample, sample.indexOf('<section'))).toEqual(['<p>', '<img src="i">']);
    expect(hasClass('<div class="b laid-out-when-near c">', NOTE_PART_CLASS)).toBe(true);
    expect(hasClass('<div class="not-laid-out-when-near">', NOTE_PART_CLASS)).toBe(false);
  });
});
