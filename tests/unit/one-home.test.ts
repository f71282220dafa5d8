/**
 * One home for everything: each rule, pattern and address is defined once, and the imports between
 * folders point one way (pages → layouts/components/islands/client → data → lib), with no cycles.
 * These tests read the source as text, so a second definition fails here before it drifts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}
const sources = files(SRC).filter((f) => /\.(ts|tsx|astro|mjs|css)$/.test(f));
const code = sources.filter((f) => !f.endsWith('.css'));
const rel = (f: string) => relative(process.cwd(), f);
const text = new Map(sources.map((f) => [f, readFileSync(f, 'utf8')]));
/** Node code outside src/ that runs at build, serve or bench time. */
const nodeCode = [...files(resolve('scripts')), ...files(resolve('integrations')), resolve('astro.config.mjs')].filter((f) => /\.(ts|mjs)$/.test(f));
/** Lines that match, as "file:line: text", leaving out comments. */
function matches(pattern: RegExp, except: string[] = [], among: string[] = code): string[] {
  return among
    .filter((f) => !except.includes(rel(f)))
    .flatMap((f) =>
      (text.get(f) ?? readFileSync(f, 'utf8'))
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) && !/^\s*(\*|\/\/|\/\*)/.test(line) ? [`${rel(f)}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe('one home for every address', () => {
  it('writes no internal path literal outside src/lib/urls.ts', () => {
    const literal = /['"`]\/(ksbs|epa|duties|eligibility|quiz|progress|practice|my-data|providers|glossary|careers|about|search|print|api|evidence|changes|report)\/|['"`]\/(favicon\.(?:svg|png)|sitemap-index\.xml|sw\.js)['"`]/;
    expect(matches(literal, ['src/lib/urls.ts'])).toEqual([]);
  });

  it('derives the deployment sub-path in one place', () => {
    expect(matches(/BASE_URL/, ['src/lib/urls.ts'])).toEqual([]);
  });

  it('reads BASE_PATH and ends it in "/" in one module (src/lib/base-path.mjs), for src/, scripts/ and the config alike', () => {
    const home = ['src/lib/base-path.mjs'];
    expect(matches(/\bBASE_PATH\b/, home, [...code, ...nodeCode])).toEqual([]);
    // The normalisation by hand: .replace(/\/?$/, '/') or base.endsWith('/') ? base : `${base}/`.
    expect(matches(/\\\/\?\$\/|\bbase\w*\.endsWith\(['"]\/['"]\)/i, home, [...code, ...nodeCode])).toEqual([]);
  });
});

describe('one home for full addresses', () => {
  it('builds a full address of this site only with absoluteUrl (src/lib/urls.ts), and takes the base off only with withoutBase', () => {
    // new URL(…, site), the origin glued to a path by hand, or the base sliced off by its length.
    // Resolving an href against the browser's location stays allowed: that is where the page is served.
    const byHand = [
      /new URL\([^)]*\b(?:site|SITE_URL)\b/i,
      /import\.meta\.env\.SITE\b/,
      /\$\{[^}]*\bsite\b[!?]?(?:\.(?:origin|href))?\s*\}\s*\//i,
      /\bsite\b[!?]?(?:\.(?:origin|href))?\s*\+|\+\s*(?:\w+\.)*site\b/i,
      /\.slice\(\s*\w*base\w*\.length/i,
    ];
    expect(byHand.flatMap((pattern) => matches(pattern, ['src/lib/urls.ts', 'src/lib/base-path.mjs'], [...code, ...nodeCode]))).toEqual([]);
  });
});

describe('one home for every rule and pattern', () => {
  it('writes the KSB code pattern once (src/lib/ksb-code.ts)', () => {
    // Any case and letter order: [KSB], [ksb] with an i flag, [SKB] are all a second copy.
    expect(matches(/\[[ksb]{3}\]/i, ['src/lib/ksb-code.ts'])).toEqual([]);
  });

  it('lower-cases a KSB code for a URL in one function (ksbSlug)', () => {
    expect(matches(/\b(?:code|ksb)\.toLowerCase\(\)/i, ['src/lib/ksb-code.ts'])).toEqual([]);
  });

  it('lists the checklist sections once (src/lib/eligibility/sections.ts)', () => {
    expect(matches(/'english-and-maths'\s*\|/, [])).toEqual([]);
  });

  it('writes no rule figure of the specification into code ("12 months", "20%")', () => {
    expect(matches(/\b12 months\b|\b20%/, [])).toEqual([]);
  });

  it('writes numbers with one helper (formatNumber in src/lib/format.ts), not Intl, which is slow to start on a phone', () => {
    // count.toLocaleString('en-GB'), x.toLocaleString(…, { maximumFractionDigits }); dates (new Date(…).toLocaleString) are not numbers.
    expect(matches(/[\w\]]\.toLocaleString\(|maximumFractionDigits|Intl\.NumberFormat/, ['src/lib/format.ts'])).toEqual([]);
  });

  it('pluralises with one helper (src/lib/format.ts)', () => {
    // n === 1 ? 'KSB' : 'KSBs', n !== 1 ? 's' : '', n > 1 ? 's' : '' and the like, in either quote.
    expect(matches(/(?:[!=]== ?1|>=? ?[12]) ?\? ?['"]/, ['src/lib/format.ts'])).toEqual([]);
  });
});

describe('what the comments name', () => {
  it('names only files and folders of src/ that exist (a moved folder leaves no stale pointer)', () => {
    const named = [...code, ...nodeCode, resolve('.ci/run'), resolve('README.md')].flatMap((f) =>
      [...(text.get(f) ?? readFileSync(f, 'utf8')).matchAll(/\bsrc\/[\w./[\]-]+/g)].map((m) => [rel(f), m[0].replace(/[.,]+$/, '')] as const),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(([, path]) => !existsSync(resolve(path))).map(([f, path]) => `${f}: ${path}`)).toEqual([]);
  });
});

describe('small files', () => {
  it('keeps every file in src/ within 400 lines, stylesheets included', () => {
    const long = sources.map((f) => [rel(f), text.get(f)!.split('\n').length] as const).filter(([, n]) => n > 400);
    expect(long.map(([f, n]) => `${f}: ${n} lines`)).toEqual([]);
  });
});

/* ────────────────────────── Which way the imports point ────────────────────────── */

/** Layers from the bottom: a file may import its own layer or a lower one, never a higher one. */
const LAYERS: Array<[string, number]> = [
  ['src/lib/', 0],
  ['src/data/', 1],
  ['src/content.config.ts', 1],
  ['src/client/', 2],
  ['src/islands/', 2],
  ['src/components/', 3],
  ['src/layouts/', 3],
  ['src/pages/', 4],
];
const layerOf = (file: string) => LAYERS.find(([prefix]) => rel(file).startsWith(prefix))?.[1];

function importsOf(file: string): string[] {
  const body = text.get(file)!;
  const specs = [...body.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|import\s+['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );
  return specs.map((spec) => {
    const base = resolve(dirname(file), spec);
    const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.astro`, join(base, 'index.ts')];
    return candidates.find((c) => text.has(c)) ?? base;
  });
}

describe('imports point one way', () => {
  it('never imports from a higher layer (lib imports nothing above it; islands never import pages)', () => {
    const upward: string[] = [];
    for (const file of code) {
      const from = layerOf(file);
      if (from === undefined) continue;
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (to !== undefined && to > from) upward.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps islands and browser scripts apart (neither imports the other)', () => {
    const sideways = code.flatMap((file) =>
      importsOf(file)
        .filter((t) => (rel(file).startsWith('src/islands/') && rel(t).startsWith('src/client/')) || (rel(file).startsWith('src/client/') && rel(t).startsWith('src/islands/')))
        .map((t) => `${rel(file)} → ${rel(t)}`),
    );
    expect(sideways).toEqual([]);
  });

  it("keeps each island's parts its own: an island folder imports another only through src/islands/shared/", () => {
    const folderOf = (f: string) => rel(f).match(/^src\/islands\/([^/]+)\//)?.[1];
    const across = [...code, ...sources.filter((f) => f.endsWith('.css'))].flatMap((file) => {
      const from = folderOf(file);
      if (from === undefined) return [];
      return importsOf(file)
        .filter((t) => {
          const to = folderOf(t);
          return to !== undefined && to !== from && to !== 'shared';
        })
        .map((t) => `${rel(file)} → ${rel(t)}`);
    });
    expect(across).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map(code.map((f) => [f, importsOf(f).filter((t) => text.has(t))]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
