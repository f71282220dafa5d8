// @ts-check
/**
 * Astro writes `<style>astro-island,…{display:contents}</style>` just before the first island on a
 * page, which can be inside <section> or <div>: invalid HTML (a <style> belongs in <head>). After the
 * build, this moves that one rule into <head> on every page. Nothing else in the HTML changes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './html-files.mjs';

const ISLAND_STYLE = /<style>astro-island,astro-slot,astro-static-slot\{display:\s*contents\}<\/style>/;

/** Returns the page with the island style moved into <head>, or the page unchanged. */
export function hoistIslandStyle(html) {
  const match = ISLAND_STYLE.exec(html);
  const head = html.indexOf('</head>');
  if (!match || head === -1 || match.index < head) return html;
  const without = html.slice(0, match.index) + html.slice(match.index + match[0].length);
  return without.replace('</head>', `${match[0]}</head>`);
}


/** @returns {import('astro').AstroIntegration} */
export default function hoistIslandStyleIntegration() {
  return {
    name: 'st1398-hoist-island-style',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let moved = 0;
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const fixed = hoistIslandStyle(html);
          if (fixed !== html) {
            await writeFile(file, fixed);
            moved++;
          }
        }
        logger.info(`moved the island style into <head> on ${moved} pages`);
      },
    },
  };
}
