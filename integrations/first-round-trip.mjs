// @ts-check
/**
 * After the build, makes each page renderable from its own HTML (issue #20: a content page within
 * one round trip, about 14 KB):
 * - the CSS the page uses goes inline in <head>, and the site's stylesheets move to the end of
 *   <body>, where they no longer block the first render (Chromium paints what precedes a stylesheet
 *   in the body) but still block every script after them (the HTML standard holds parser-inserted
 *   scripts until such a stylesheet has loaded), so nothing a script adds is shown unstyled. No
 *   script or onload handler is needed: it works with JavaScript off and under the pages' CSP;
 * - those end-of-body stylesheets become one request: one file holding their texts concatenated in
 *   link order (the cascade order), named by its content hash, so every page with the same
 *   stylesheets shares one cached file (a page with a single stylesheet keeps its link). Astro's
 *   per-component files stay in dist/: the inline CSS is computed from them, and Vite's preload
 *   helper fetches an island chunk's CSS by its own name when the island is imported;
 * - Astro's island runtime (the astro-island element and its hydration directives, about 4 KB that
 *   Astro inlines into every page with an island) becomes a cached file, which the site script
 *   loads only when an island is about to be seen (or at once for islands that hydrate on load);
 * - the page's Content-Security-Policy <meta> lists the hashes of the page's own inline scripts and
 *   styles, no more (Astro lists every page's on every page: 2 KB of hashes that do not compress).
 * The page looks the same: the inline CSS holds every rule that could match the page's elements.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, walk } from 'css-tree';
import { withoutBase } from '../src/lib/base-path.mjs';

/** @typedef {{ tags: Set<string>, classes: Set<string>, ids: Set<string> }} Names */

/** The element names, classes and ids that occur anywhere in a page (templates included). */
export function namesIn(html) {
  const body = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
  return {
    tags: new Set([...body.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase())),
    classes: new Set([...body.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/).filter(Boolean))),
    ids: new Set([...body.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])),
  };
}

/**
 * What a selector requires of a page to match any of its elements: every element name, class and id
 * it names. What depends on state or structure (pseudo-classes such as :hover or :checked,
 * pseudo-elements, attributes, combinators) is left out, so a rule for a state the page can reach is
 * kept: the test only ever keeps too much, never too little.
 * @param {import('css-tree').CssNode} selector
 * @returns {Names}
 */
function requiredBy(selector) {
  /** @type {Names} */
  const required = { tags: new Set(), classes: new Set(), ids: new Set() };
  walk(selector, function (node) {
    if (node.type === 'PseudoClassSelector' || node.type === 'PseudoElementSelector' || node.type === 'AttributeSelector') return this.skip;
    if (node.type === 'ClassSelector') required.classes.add(node.name);
    else if (node.type === 'IdSelector') required.ids.add(node.name);
    else if (node.type === 'TypeSelector' && node.name !== '*') required.tags.add(node.name.toLowerCase().replace(/^.*\|/, ''));
  });
  return required;
}

/** Whether a page with these names has everything a selector requires. @param {Names} required @param {Names} names */
const couldMatch = (required, names) =>
  [...required.classes].every((c) => names.classes.has(c)) &&
  [...required.ids].every((i) => names.ids.has(i)) &&
  [...required.tags].every((t) => names.tags.has(t));

/** At-rules whose block holds style rules, filtered rule by rule; any other at-rule is kept whole. */
const GROUPING = new Set(['media', 'layer', 'supports', 'container', 'scope', 'starting-style']);

/**
 * A stylesheet as the pages' filter needs it, made once for all the pages that link it (the build's
 * time): each top-level part its text, a rule with what each of its selectors requires (none: kept
 * on every page), a grouping at-rule with its opening and its parts.
 * @typedef {{ text: string } | { text: string, selectors: Names[] } | { opening: string, parts: Part[] }} Part
 */
/** Each stylesheet's syntax tree, parsed once for all the pages that link it. */
const parsedSheets = new Map();
/** @param {string} css */
function parsedOnce(css) {
  if (!parsedSheets.has(css)) parsedSheets.set(css, parse(css, { positions: true, parseValue: false, parseAtrulePrelude: false, parseCustomProperty: false }));
  return parsedSheets.get(css);
}

/** @type {Map<string, Part[]>} */
const planned = new Map();
/** @param {string} css @returns {Part[]} */
function planOf(css) {
  const known = planned.get(css);
  if (known) return known;
  const ast = parsedOnce(css);
  const text = (/** @type {any} */ node) => css.slice(node.loc.start.offset, node.loc.end.offset);
  /** @param {any} list @returns {Part[]} */
  const partsOf = (list) => {
    /** @type {Part[]} */
    const parts = [];
    list.forEach((/** @type {any} */ node) => {
      if (node.type === 'Rule') {
        // A nested rule inside the block could match where its parent does not: keep it whole.
        const nested = node.block.children.some((/** @type {any} */ c) => c.type === 'Rule' || c.type === 'Atrule');
        const selectors = node.prelude.type === 'SelectorList' ? node.prelude.children.toArray() : [];
        parts.push(nested || selectors.length === 0 ? { text: text(node) } : { text: text(node), selectors: selectors.map(requiredBy) });
      } else if (node.type === 'Atrule' && node.block && GROUPING.has(node.name.toLowerCase())) {
        parts.push({ opening: css.slice(node.loc.start.offset, node.block.loc.start.offset), parts: partsOf(node.block.children) });
      } else if (node.type !== 'Raw' || node.value.trim()) parts.push({ text: text(node) });
    });
    return parts;
  };
  const plan = partsOf(/** @type {any} */ (ast).children);
  planned.set(css, plan);
  return plan;
}

/**
 * The rules of a stylesheet that could apply to a page with these names, in their order and cascade
 * layers, each copied byte for byte; at-rules such as @font-face, @keyframes and @layer statements
 * are kept whole.
 * @param {string} css @param {Names} names
 */
export function usedCss(css, names) {
  /** @param {Part[]} parts @returns {string} */
  const keep = (parts) => {
    let out = '';
    for (const part of parts) {
      if ('parts' in part) {
        const inner = keep(part.parts);
        if (inner) out += `${part.opening}{${inner}}`;
      } else if (!('selectors' in part) || part.selectors.some((required) => couldMatch(required, names))) out += part.text;
    }
    return out;
  };
  return keep(planOf(css));
}

const STYLESHEET = /<link rel="stylesheet" href="([^"]+)"\s*\/?>/g;

/**
 * Moves the page's stylesheets from <head> to the end of <body> and puts the rules the page uses
 * inline where the first of them was. `readStylesheet` returns a stylesheet's text from its href.
 * @param {string} html @param {(href: string) => Promise<string>} readStylesheet
 */
export async function inlineUsedCss(html, readStylesheet) {
  const headEnd = html.indexOf('</head>');
  const links = [...html.slice(0, headEnd).matchAll(STYLESHEET)];
  if (links.length === 0) return html;
  const names = namesIn(html);
  const css = (await Promise.all(links.map((l) => readStylesheet(l[1])))).map((sheet) => usedCss(sheet, names)).join('');
  const head = html.slice(0, headEnd).replace(STYLESHEET, (tag) => (tag === links[0][0] ? `<style>${css}</style>` : ''));
  const rest = html.slice(headEnd).replace('</body>', `${links.map((l) => l[0]).join('')}</body>`);
  return head + rest;
}

/** A file's path under the site's base (as Astro writes its own): "_astro/x.css" → "/st1398/_astro/x.css". @param {string} name @param {string} base */
export const underBase = (name, base) => `${base.replace(/\/$/, '')}/${name}`;

/** A file name in _astro/ for generated text, by its content hash (8 base64url characters, as Astro names its own). @param {string} kind @param {string} text @param {string} ext */
export const hashedName = (kind, text, ext) => `_astro/${kind}.${createHash('sha256').update(text).digest('base64url').slice(0, 8)}.${ext}`;

/**
 * At-rules that are valid only at the start of a stylesheet (before any rule): in the middle of a
 * concatenation a browser drops them, and with them whatever they import or declare.
 */
const ONLY_AT_THE_START = new Set(['charset', 'import', 'namespace']);

/**
 * Why a stylesheet cannot be concatenated after another one (an @import, @charset or @namespace at
 * its top level), or undefined if it can. @param {string} css
 */
export function concatenationProblem(css) {
  const found = new Set();
  // The tree usedCss parsed for the same stylesheet: parsing it again for each page was half a second of the build.
  /** @type {any} */ (parsedOnce(css)).children.forEach((/** @type {any} */ node) => {
    if (node.type === 'Atrule' && ONLY_AT_THE_START.has(node.name.toLowerCase())) found.add(`@${node.name.toLowerCase()}`);
  });
  return found.size ? `${[...found].join(' and ')}, valid only at the start of a stylesheet` : undefined;
}

/** The run of stylesheet links that inlineUsedCss puts at the end of <body>. */
const END_OF_BODY_STYLESHEETS = /((?:<link rel="stylesheet" href="[^"]+"\s*\/?>)+)<\/body>/;

/**
 * Replaces the page's end-of-body stylesheet links (written by inlineUsedCss) with one link to a
 * file holding their texts concatenated in link order, the order of the cascade. Returns the page
 * and that file (`name` under _astro/, named by the hash of `text`, so the same stylesheets make
 * the same file on every page); a page with one stylesheet or none is returned as it is, with no
 * file. Fails, naming the stylesheet, if one cannot be concatenated (concatenationProblem).
 * `readStylesheet` returns a stylesheet's text from its href; the link is under `base`.
 * @param {string} html @param {(href: string) => Promise<string>} readStylesheet @param {string} base
 * @returns {Promise<{ html: string, file?: { name: string, text: string } }>}
 */
export async function combineStylesheets(html, readStylesheet, base) {
  const run = END_OF_BODY_STYLESHEETS.exec(html);
  const hrefs = run ? [...run[1].matchAll(STYLESHEET)].map((m) => m[1]) : [];
  if (!run || hrefs.length < 2) return { html };
  const texts = await Promise.all(hrefs.map(readStylesheet));
  texts.forEach((css, i) => {
    const problem = concatenationProblem(css);
    if (problem) throw new Error(`Cannot combine ${hrefs[i]} with the page's other stylesheets: it has ${problem}.`);
  });
  const text = texts.join('');
  const name = hashedName('styles', text, 'css');
  const link = `<link rel="stylesheet" href="${underBase(name, base)}">`;
  return { html: html.slice(0, run.index) + link + html.slice(run.index + run[1].length), file: { name, text } };
}

/** Where a page names its island runtime file (read by src/client/site.ts as dataset.islandRuntime). */
export const ISLAND_RUNTIME_ATTRIBUTE = 'data-island-runtime';

/** Astro's inline island scripts: the astro-island element, and each hydration directive (visible, load, idle…). */
const ISLAND_SCRIPT = /<script>(\(\(\)=>\{(?:(?!<\/script>)[\s\S])*?(?:customElements\.define\("astro-island"|\(self\.Astro\|\|\(self\.Astro=\{\}\)\))[\s\S]*?)<\/script>/g;

/**
 * Takes Astro's inline island scripts out of the page: returns the page, which names their file on
 * <html data-island-runtime> for the site script to load when an island is near (src/client/site.ts),
 * and the file's text (the scripts in page order); or the page unchanged and no file. `srcFor(text)`
 * names the file.
 * @param {string} html @param {(text: string) => string} srcFor
 * @returns {{ html: string, runtime?: string }}
 */
export function externalIslandRuntime(html, srcFor) {
  const scripts = [...html.matchAll(ISLAND_SCRIPT)];
  if (scripts.length === 0) return { html };
  const runtime = hydrateInTaskOfItsOwn(scripts.map((m) => m[1]).join('\n'));
  const out = html.replace(ISLAND_SCRIPT, '').replace(/<html\b[^>]*/, (tag) => `${tag} ${ISLAND_RUNTIME_ATTRIBUTE}="${srcFor(runtime)}"`);
  return { html: out, runtime };
}

/**
 * Astro's hydration directives (load, idle, visible) import an island's code and hydrate it in one
 * go, `await (await load())()`: evaluating the modules and drawing the island run as one task on
 * the main thread, long on a phone (issue #20: Total Blocking Time). Each becomes "import, then
 * hydrate in a task of its own", so the browser can paint and answer a tap between the two.
 */
const LOAD_THEN_HYDRATE = /await\(await (\w+)\(\)\)\(\)/g;
// The same as nextTask() in src/lib/next-task.ts, as text: it goes into the directives' own code.
export const NEXT_TASK = 'new Promise(($next)=>setTimeout($next))';

/**
 * The island runtime with every directive's load-then-hydrate split by a new task; a runtime with
 * a directive script but none to split means Astro changed how directives hydrate: the build fails
 * rather than silently losing the split.
 * @param {string} runtime
 */
export function hydrateInTaskOfItsOwn(runtime) {
  const directives = runtime.match(/\(self\.Astro\|\|\(self\.Astro=\{\}\)\)\.\w+=/g) ?? [];
  const split = runtime.replace(LOAD_THEN_HYDRATE, (_, load) => `await(await ${load}().then(($hydrate)=>${NEXT_TASK}.then(()=>$hydrate)))()`);
  const count = (runtime.match(LOAD_THEN_HYDRATE) ?? []).length;
  if (count < directives.length) {
    throw new Error(`first-round-trip: ${directives.length - count} of Astro's hydration directives no longer read "await(await load())()"; update hydrateInTaskOfItsOwn`);
  }
  return split;
}

/** A Content-Security-Policy source for inline text. @param {string} text */
export const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Every inline script and style of a page (their text, as the browser hashes it). */
export function inlineCode(html) {
  return {
    scripts: [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]),
    styles: [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]),
  };
}

/**
 * Rewrites the page's CSP <meta> so that script-src and style-src allow 'self' and the hashes of
 * this page's own inline scripts and styles, and nothing else inline.
 * @param {string} html
 */
export function ownHashesOnly(html) {
  const { scripts, styles } = inlineCode(html);
  const hashes = { 'script-src': [...new Set(scripts.map(sha256))], 'style-src': [...new Set(styles.map(sha256))] };
  return html.replace(/(<meta http-equiv="content-security-policy" content=")([^"]*)(")/, (_, open, policy, close) => {
    const directives = policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        if (!(name in hashes)) return d;
        return [name, ...values.filter((v) => !v.startsWith("'sha256-")), ...hashes[/** @type {'script-src' | 'style-src'} */ (name)]].join(' ');
      });
    return `${open}${directives.join('; ')}${close}`;
  });
}

/** The step of integrations/finish-pages.mjs. @type {import('./finish-pages.mjs').PageStepFactory} */
export function firstRoundTripStep({ root, base }) {
  const sheets = new Map();
  const readStylesheet = (/** @type {string} */ href) => {
    if (!sheets.has(href)) sheets.set(href, readFile(join(root, withoutBase(href, base)), 'utf8'));
    return sheets.get(href);
  };
  /** The island runtime files written, by name. */
  const runtimes = new Map();
  const srcFor = (/** @type {string} */ text) => {
    const name = hashedName('islands', text, 'js');
    runtimes.set(name, text);
    return underBase(name, base);
  };
  /** The combined stylesheets written, by name. */
  const combined = new Map();
  let pages = 0;
  return {
    name: 'first round trip',
    page: async (html) => {
      // The inline CSS comes from Astro's own files; only then are the links combined.
      const inlined = await inlineUsedCss(html, readStylesheet);
      const styled = await combineStylesheets(inlined, readStylesheet, base);
      if (styled.file) combined.set(styled.file.name, styled.file.text);
      const done = ownHashesOnly(externalIslandRuntime(styled.html, srcFor).html);
      if (done !== html) pages++;
      return done;
    },
    finish: async () => {
      for (const [name, text] of [...runtimes, ...combined]) await writeFile(join(root, name), text);
      return `${pages} pages: used CSS inline, stylesheets after the content (${combined.size} combined file(s)), ${runtimes.size} island runtime file(s), own CSP hashes`;
    },
  };
}
