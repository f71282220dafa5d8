// @ts-check
/**
 * The steps that finish each built page (hoist-island-style, on-this-page, first-round-trip,
 * compile-hints), run in one pass: each page is read once, handed through the steps in order, and written once if any
 * step changed it, several pages at a time. Each step used to be an integration of its own reading
 * and writing all the pages in turn: three reads and writes of every page, one at a time, about two
 * seconds of the build on these machines, mostly waiting for the disk.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './html-files.mjs';

/**
 * One step: `page` returns the page's new HTML (or the same string when it has nothing to do);
 * `finish`, after every page, writes any files the step made and returns the line to log.
 * @typedef {{ name: string, page: (html: string) => string | Promise<string>, finish: () => string | Promise<string> }} PageStep
 * @typedef {(site: { root: string, base: string }) => PageStep} PageStepFactory
 */

/** Pages finished at once: enough to keep the disk busy while a page is being worked on. */
export const PAGES_AT_ONCE = 8;

/**
 * Runs the steps over every .html file under `root`, in order for each page; returns each step's
 * line and how many pages were written.
 * @param {string} root @param {PageStep[]} steps
 */
export async function finishPages(root, steps) {
  const files = [];
  for await (const file of htmlFiles(root)) files.push(file);
  let written = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = /** @type {string} */ (files[next++]);
      const html = await readFile(file, 'utf8');
      let done = html;
      for (const step of steps) done = await step.page(done);
      if (done !== html) {
        await writeFile(file, done);
        written++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGES_AT_ONCE, files.length) }, worker));
  const lines = [];
  for (const step of steps) lines.push(`${step.name}: ${await step.finish()}`);
  return { pages: files.length, written, lines };
}

/** @param {PageStepFactory[]} factories @returns {import('astro').AstroIntegration} */
export default function finishPagesIntegration(factories) {
  let base = '/';
  return {
    name: 'st1398-finish-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { pages, written, lines } = await finishPages(
          root,
          factories.map((make) => make({ root, base })),
        );
        for (const line of lines) logger.info(line);
        logger.info(`${written} of ${pages} pages finished in one pass`);
      },
    },
  };
}
