// @ts-check
/**
 * How the browser's code is cut into files (issue #20: "bundle the island's modules into fewer
 * requests"). Left to itself, rolldown gives every set of islands that shares a module a chunk of
 * its own: the progress page fetched 36 files, most under 1 KB, each with about 0.4 KB of headers,
 * and each level of imports another round trip before the island could start.
 *
 * Four groups, in priority order:
 * - `site`: what the script every page runs (src/client/site.ts) imports, and Vite's preload helper.
 *   Pages with no interactive part load only these, so nothing else may join them.
 * - `urls`: what the search dialog shares with the islands (addresses, KSB codes, formatting).
 * - `preact`: Preact, Astro's Preact renderer, and what every island loads with them.
 * - `saved`: the saved-data layer, which every island that reads or saves the learner's data loads.
 * What is left (each island's own code, and what only a few islands share) is chunked as before.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SITE_SCRIPT = resolve(ROOT, 'src/client/site.ts');
/** The search dialog, which the site script loads when search is opened. */
export const SEARCH_DIALOG = resolve(ROOT, 'src/client/search/dialog.ts');

/** The relative modules a source file imports statically (`import … from './x'`, `import './x'`, `export … from './x'`). */
function relativeImportsOf(/** @type {string} */ code) {
  /** @type {string[]} */
  const found = [];
  for (const m of code.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    if (/^\s*(?:import|export)\s+type\b/.test(m[0])) continue;
    if (m[1]) found.push(m[1]);
  }
  return found;
}

/** A relative import's file: the path as written, with .ts, .tsx, .mjs or .js added, or a folder's index. */
function resolveImport(/** @type {string} */ from, /** @type {string} */ spec) {
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}.js`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (!found) throw new Error(`client-chunks: ${from} imports ${spec}, which is not a file`);
  return found;
}

/**
 * Every module a file imports statically, and theirs (the site's own files; a package is left to
 * rolldown, or refused where the file is the site script, which every page runs and must stay tiny).
 */
export function staticClosure(/** @type {string} */ entry, { refusePackages = false } = {}) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = /** @type {string} */ (queue.pop());
    const code = readFileSync(file, 'utf8');
    if (refusePackages && /^\s*(?:import|export)\s+(?!type\b)[^'"]*from\s+['"][^.]/m.test(code))
      throw new Error(`client-chunks: ${file} imports a package, which would load on every page with the site script; keep it to the site's own small modules`);
    for (const spec of relativeImportsOf(code)) {
      const dep = resolveImport(file, spec);
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return seen;
}

const clean = (/** @type {string} */ id) => id.replace(/\?.*$/, '');

/** Files of the site's own code, by path from the project root; the build fails if one is missing. */
export function filesOf(/** @type {string[]} */ paths) {
  return new Set(
    paths.map((p) => {
      const file = resolve(ROOT, p);
      if (!existsSync(file)) throw new Error(`client-chunks: ${p} is named in a chunk group but does not exist (integrations/client-chunks.mjs)`);
      return file;
    }),
  );
}

/**
 * What every island loads besides Preact (its early-input hold, the storage notices' words,
 * addresses, KSB codes), and small helpers several share: each on its own cost a request whose
 * headers (about 0.4 KB) were as large as the helper.
 */
const ISLAND_BASICS = [
  'src/islands/shared/useEarlyInput.ts',
  'src/lib/storage/notices.ts',
  'src/lib/next-task.ts',
  'src/lib/site-json.ts',
  'src/lib/csv.ts',
  'src/lib/standard.ts',
  'src/islands/shared/ReadingNote.tsx',
];
/** What every island that reads or saves the learner's data loads: the saved-data layer, its notices, and the rules by start date. */
const SAVED_DATA = [
  'src/islands/shared/useSavedState.ts',
  'src/lib/storage/saved-fields.ts',
  'src/islands/shared/StorageNotices.tsx',
  'src/islands/shared/download.ts',
  'src/lib/rules/index.ts',
];

/** @typedef {{ name: string, priority: number, test: (id: string) => boolean }} ChunkGroup */

/** rolldown's output.codeSplitting for the client build. @returns {{ groups: ChunkGroup[] }} */
export function clientCodeSplitting() {
  const siteModules = staticClosure(SITE_SCRIPT, { refusePackages: true });
  // What the search dialog shares with the islands (addresses, KSB codes, number formatting): a
  // chunk of its own, or opening search would fetch Preact with them.
  const searchShared = new Set([...staticClosure(SEARCH_DIALOG)].filter((f) => !f.startsWith(dirname(SEARCH_DIALOG)) && !siteModules.has(f)));
  const basics = filesOf(ISLAND_BASICS);
  const saved = filesOf(SAVED_DATA);
  return {
    groups: [
      { name: 'site', priority: 30, test: (/** @type {string} */ id) => siteModules.has(clean(id)) || id.includes('vite/preload-helper') },
      { name: 'urls', priority: 25, test: (/** @type {string} */ id) => searchShared.has(clean(id)) },
      {
        name: 'preact',
        priority: 20,
        test: (/** @type {string} */ id) => /[\\/]node_modules[\\/](preact|@astrojs[\\/]preact)[\\/]/.test(id) || basics.has(clean(id)),
      },
      { name: 'saved', priority: 10, test: (/** @type {string} */ id) => saved.has(clean(id)) },
    ],
  };
}
