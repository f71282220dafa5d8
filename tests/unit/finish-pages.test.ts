import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishPages, PAGES_AT_ONCE, type PageStep } from '../../integrations/finish-pages.mjs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'finish-pages-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const page = (path: string, html: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), html);
};
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** A step that appends its mark to pages containing `when`, and records the order it saw pages in. */
function marking(mark: string, when: string, seen: string[] = []): PageStep {
  let changed = 0;
  return {
    name: mark,
    page: async (html) => {
      seen.push(html);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (!html.includes(when)) return html;
      changed++;
      return `${html}${mark}`;
    },
    finish: () => `${changed} changed`,
  };
}

describe('finishing the built pages in one pass', () => {
  it('hands each page through every step in order, each step seeing the one before it', async () => {
    page('index.html', '<p>home</p>');
    page('ksbs/k1/index.html', '<p>K1</p>');
    page('styles.css', 'p{}');
    const secondSaw: string[] = [];
    const result = await finishPages(root, [marking('[a]', '<p>'), marking('[b]', '[a]', secondSaw)]);
    expect(read('index.html')).toBe('<p>home</p>[a][b]');
    expect(read('ksbs/k1/index.html')).toBe('<p>K1</p>[a][b]');
    expect(secondSaw.sort()).toEqual(['<p>K1</p>[a]', '<p>home</p>[a]']);
    expect(read('styles.css')).toBe('p{}');
    expect(result).toEqual({ pages: 2, written: 2, lines: ['[a]: 2 changed', '[b]: 2 changed'] });
  });

  it('writes a page only if a step changed it', async () => {
    page('a/index.html', '<p>a</p>');
    page('b/index.html', '<i>b</i>');
    const longAgo = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(root, 'b/index.html'), longAgo, longAgo);
    const result = await finishPages(root, [marking('[a]', '<p>')]);
    expect(result.written).toBe(1);
    expect(statSync(join(root, 'b/index.html')).mtime).toEqual(longAgo);
    expect(read('b/index.html')).toBe('<i>b</i>');
  });

  it('finishes every page when there are more than it works on at once', async () => {
    const count = PAGES_AT_ONCE * 3 + 1;
    for (let i = 0; i < count; i++) page(`p${i}/index.html`, `<p>${i}</p>`);
    const result = await finishPages(root, [marking('!', '<p>')]);
    expect(result).toMatchObject({ pages: count, written: count });
    for (let i = 0; i < count; i++) expect(read(`p${i}/index.html`)).toBe(`<p>${i}</p>!`);
  });

  it('fails the build when a step fails on a page', async () => {
    page('index.html', '<p>home</p>');
    const failing: PageStep = { name: 'bad', page: () => Promise.reject(new Error('cannot combine x.css')), finish: () => '' };
    await expect(finishPages(root, [failing])).rejects.toThrow('cannot combine x.css');
  });
});
