/**
 * Reading a built site (dist/ by default) for the site tests: its pages, their links and their ids.
 * Astro writes attributes double-quoted, so small regular expressions are enough here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Site {
  dir: string;
  /** Every HTML file, as a site path ("/ksbs/k7/" for ksbs/k7/index.html). */
  htmlPages(): string[];
  /** The file that serves a site path, or undefined when there is none. */
  fileFor(sitePath: string): string | undefined;
  readPage(sitePath: string): string;
}

export function openSite(dir: string): Site {
  const cache = new Map<string, string>();
  const fileFor = (sitePath: string) => {
    const clean = decodeURIComponent(sitePath.split('#')[0]!.split('?')[0]!);
    const candidates = clean.endsWith('/') ? [join(dir, clean, 'index.html')] : [join(dir, clean), join(dir, clean, 'index.html')];
    return candidates.find((c) => existsSync(c) && statSync(c).isFile());
  };
  return {
    dir,
    htmlPages() {
      const pages: string[] = [];
      const walk = (folder: string) => {
        for (const name of readdirSync(folder)) {
          const abs = join(folder, name);
          if (statSync(abs).isDirectory()) {
            if (name !== '_astro' && name !== 'pagefind') walk(abs);
          } else if (name.endsWith('.html')) {
            const path = `/${relative(dir, abs).split(sep).join('/')}`;
            pages.push(path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);
          }
        }
      };
      walk(dir);
      return pages.sort();
    },
    fileFor,
    readPage(sitePath) {
      const file = fileFor(sitePath);
      if (!file) throw new Error(`No page at ${sitePath}`);
      if (!cache.has(file)) cache.set(file, readFileSync(file, 'utf8'));
      return cache.get(file)!;
    },
  };
}

export const DIST = join(process.cwd(), 'dist');
export const distBuilt = existsSync(join(DIST, 'index.html'));
const dist = openSite(DIST);
export const htmlPages = () => dist.htmlPages();
export const fileFor = (sitePath: string) => dist.fileFor(sitePath);
export const readPage = (sitePath: string) => dist.readPage(sitePath);

const decode = (s: string) =>
  s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Values of href and src attributes (decoded): the links a reader follows and the assets a page names. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!));
}

/**
 * Every address a page makes the browser fetch or go to: href and src, an island's component-url,
 * renderer-url and before-hydration-url, form action and formaction, poster, each srcset candidate,
 * and url() in its inline styles (decoded).
 */
export function referencesIn(html: string): string[] {
  const attributes = [...html.matchAll(/\s(href|src|action|formaction|poster|component-url|renderer-url|before-hydration-url|srcset)="([^"]*)"/g)].flatMap((m) => {
    const value = decode(m[2]!);
    // srcset: comma-separated candidates, each an address and an optional size ("a.png 2x, b.png 400w").
    return m[1] === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean) : [value];
  });
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>|\sstyle="([^"]*)"/g)].flatMap((m) => cssUrls(decode(m[1] ?? m[2]!)));
  return [...attributes, ...styles];
}

/** The addresses in a stylesheet's url(…) and @import, except data: URIs. */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)].map((m) => m[2] ?? m[4]!).filter((u) => !/^data:/i.test(u));
}

/**
 * The module specifiers a built script imports (static, dynamic and bare `import "…"`) that are
 * paths, relative or absolute. A pattern, not a parser: text in a string that looks like an import
 * counts as one, which can only add a broken link to the report, never hide one.
 */
export function scriptImports(js: string): string[] {
  return [...js.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)(["'])((?:\.{1,2}\/|\/)[^"'\s]*)\1/g)].map((m) => m[2]!);
}

/** Every stylesheet and script file of a built site, as site paths ("/_astro/x.css"). */
export function assetFiles(site: Site): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const abs = join(folder, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.(css|m?js)$/.test(name)) found.push(`/${relative(site.dir, abs).split(sep).join('/')}`);
    }
  };
  walk(site.dir);
  return found.sort();
}

export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
}

/** Text with tags removed and white space collapsed. */
export function textOf(html: string): string {
  return decode(
    html
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The inner HTML of <main>. */
export function mainOf(html: string): string {
  const match = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html);
  if (!match) throw new Error('page has no <main>');
  return match[1]!;
}
