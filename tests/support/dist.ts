/**
 * Reading the built site in dist/ for the site tests: its pages, their links and their ids.
 * Astro writes attributes double-quoted, so small regular expressions are enough here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DIST = join(process.cwd(), 'dist');
export const distBuilt = existsSync(join(DIST, 'index.html'));

/** Every HTML file in dist/, as a site path ("/ksbs/k7/" for dist/ksbs/k7/index.html). */
export function htmlPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(abs);
      } else if (name.endsWith('.html')) {
        pages.push(toSitePath(relative(DIST, abs)));
      }
    }
  };
  walk(DIST);
  return pages.sort();
}

function toSitePath(rel: string): string {
  const path = `/${rel.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The file in dist/ that serves a site path, or undefined when there is none. */
export function fileFor(sitePath: string): string | undefined {
  const clean = decodeURIComponent(sitePath.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/') ? [join(DIST, clean, 'index.html')] : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const cache = new Map<string, string>();
export function readPage(sitePath: string): string {
  const file = fileFor(sitePath);
  if (!file) throw new Error(`No page at ${sitePath}`);
  if (!cache.has(file)) cache.set(file, readFileSync(file, 'utf8'));
  return cache.get(file)!;
}

const decode = (s: string) =>
  s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Values of href and src attributes (decoded). */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!));
}

export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
}

/** The text of an element's content with tags removed and white space collapsed. */
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
