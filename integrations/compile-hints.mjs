// @ts-check
/**
 * After the build, marks the JavaScript that every page runs while it loads for eager compilation
 * (issue #20). V8 compiles a function only when it is first called, on the main thread; hydrating an
 * island calls hundreds for the first time, and compiling them was about half of each island's
 * start on these machines (a long task on a phone). A file that starts with the comment
 * `//# allFunctionsCalledOnLoad` (V8's explicit compile hints, Chromium 136 and later) is compiled
 * whole as it arrives, on a background thread while it streams in. Other browsers ignore the comment.
 *
 * What a page runs on load: its module scripts, its islands' components and their renderer, the
 * island runtime (first-round-trip.mjs), and everything those import statically. Files imported
 * only later (the search dialog, exports, what a tap loads) are left as they are, so they cost
 * nothing until used. Marking a file does not change its name: the name is the hash of Vite's
 * output, and the mark is the same on every build.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withoutBase } from '../src/lib/base-path.mjs';
import { ISLAND_RUNTIME_ATTRIBUTE } from './first-round-trip.mjs';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** The site-relative addresses of the scripts a page starts on load (as written in its HTML). */
export function scriptsStartedBy(html) {
  const found = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) found.add(m[1]);
  for (const m of html.matchAll(/<astro-island\b[^>]*>/g)) {
    for (const attr of m[0].matchAll(/\s(?:component|renderer)-url="([^"]+)"/g)) found.add(attr[1]);
  }
  const runtime = html.match(new RegExp(`<html\\b[^>]*\\s${ISLAND_RUNTIME_ATTRIBUTE}="([^"]+)"`))?.[1];
  if (runtime) found.add(runtime);
  return found;
}

/** The files a built chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), by name. */
export function staticImportsOf(code) {
  return [...code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w{}$,\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)].map((m) => /** @type {string} */ (m[1]));
}

/** The code with the hint first (once). */
export function withCompileHint(code) {
  return code.startsWith(COMPILE_HINT) ? code : COMPILE_HINT + code;
}

/**
 * Collects the scripts each page starts, then marks them and all they import statically.
 * @type {import('./finish-pages.mjs').PageStepFactory}
 */
export const compileHintsStep = ({ root, base }) => {
  const entries = new Set();
  return {
    name: 'compile hints',
    page: (html) => {
      for (const src of scriptsStartedBy(html)) entries.add(withoutBase(src, base));
      return html;
    },
    finish: async () => {
      const dir = join(root, '_astro');
      /** @type {string[]} */
      const queue = [];
      for (const path of entries) {
        if (!path.startsWith('/_astro/') || !path.endsWith('.js'))
          throw new Error(`compile hints: a page starts ${path}, which is not a built script in /_astro/`);
        queue.push(path.slice('/_astro/'.length));
      }
      const marked = new Set();
      while (queue.length > 0) {
        const name = /** @type {string} */ (queue.pop());
        if (marked.has(name)) continue;
        marked.add(name);
        const file = join(dir, name);
        const code = await readFile(file, 'utf8').catch(() => {
          throw new Error(`compile hints: ${name} is started or imported on load but is not in dist/_astro/`);
        });
        queue.push(...staticImportsOf(code));
        await writeFile(file, withCompileHint(code));
      }
      return `${marked.size} scripts run on load marked for eager compilation`;
    },
  };
};
