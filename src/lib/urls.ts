/**
 * Every internal address the site has, and the one rule for the deployment sub-path (BASE_PATH).
 * Training providers link to these: a path, once published, never changes. Nothing else in src/
 * writes an internal path literal (a test checks), so a change of address is one edit here.
 *
 * `paths` are root-relative and base-free (the permanent address). `href()` adds the base for a
 * link; `absoluteUrl()` makes a full address for canonical links, JSON and the sitemap.
 */
import type { SectionId } from './eligibility/sections';
import { ksbSlug } from './ksb-code';
import type { MethodId } from './content/schemas';
import { normaliseBase, withoutBase as withoutGivenBase } from './base-path.mjs';
import { LINK_FRAGMENT, type LinkKind } from './share/fragments';
import { PAGEFIND_WORKER_FILE } from './search/pagefind-files.mjs';

const PAGEFIND_DIR = '/pagefind/';

export const paths = {
  home: '/',
  about: '/about/',
  ksbs: '/ksbs/',
  ksb: (code: string) => `/ksbs/${ksbSlug(code)}/`,
  /** A KSB's revision notes, from their first section. */
  ksbNotes: (code: string) => `/ksbs/${ksbSlug(code)}/#in-plain-english`,
  /** The KSB finder with its filters in the query string. */
  ksbFinder: (query: Record<string, string>) => `/ksbs/?${new URLSearchParams(query).toString()}`,
  duties: '/duties/',
  duty: (number: number) => `/duties/${number}/`,
  epa: '/epa/',
  gateway: '/epa/gateway/',
  grading: '/epa/grading/',
  planner: '/epa/planner/',
  am1Report: '/epa/am1/report/',
  method: (method: MethodId) => `/epa/${method}/`,
  theme: (theme: { method: MethodId; slug: string }) => `/epa/${theme.method}/${theme.slug}/`,
  eligibility: '/eligibility/',
  eligibilitySection: (section: SectionId) => `/eligibility/${section}/`,
  quiz: '/quiz/',
  practice: '/practice/',
  progress: '/progress/',
  evidence: '/evidence/',
  /** The evidence log with a new entry started for a KSB. */
  evidenceFor: (code: string) => `/evidence/?add=${encodeURIComponent(code)}#entries`,
  /** The evidence log as a printable portfolio summary, grouped by theme. */
  evidenceSummary: '/evidence/summary/',
  myData: '/my-data/',
  /** A list on /my-data/: saved progress the site cannot use as it is (`held`), or the backup copies. */
  myDataSection: (section: 'held' | 'backups' | 'move' | 'share') => `/my-data/#${section}`,
  /** The read-only report a learner shares (its snapshot is in the link's fragment). */
  report: '/report/',
  /** A link that carries progress in its fragment (src/lib/share/link.ts): to move it to another device, or to show a report. */
  progressLink: (kind: LinkKind, value: string) => `${kind === 'move' ? '/my-data/' : '/report/'}#${LINK_FRAGMENT[kind]}=${value}`,
  offline: '/offline/',
  search: (query?: Record<string, string>) => (query ? `/search/?${new URLSearchParams(query).toString()}` : '/search/'),
  glossary: '/glossary/',
  glossaryTerm: (slug: string) => `/glossary/#${slug}`,
  careers: '/careers/',
  providers: '/providers/',
  changes: '/changes/',
  /** A rule the site applies, with its versions, sources and check date, on the changes page. */
  rule: (id: string) => `/changes/#rule-${id}`,
  printDuty: (number: number) => `/print/duties/${number}/`,
  printTheme: (themeId: string) => `/print/themes/${themeId}/`,
  standardJson: '/api/standard.json',
  ksbJson: (code: string) => `/api/ksbs/${ksbSlug(code)}.json`,
  questionIndexJson: '/api/questions/index.json',
  questionsJson: (code: string) => `/api/questions/${ksbSlug(code)}.json`,
  /** The KSB finder's search words (keywords, summaries, theme names), loaded when the learner types. Not part of the published API. */
  finderWordsJson: '/ksbs/finder.json',
  /** The mock assessments' questions and the criteria they draw on, loaded when a session starts or opens. Not part of the published API. */
  practiceTextsJson: '/practice/questions.json',
  /** The JSON Schema of a published JSON file (src/lib/api-schemas.ts). */
  jsonSchema: (name: 'standard' | 'ksb' | 'question-index' | 'questions' | 'export') => `/api/schemas/${name}.schema.json`,
  /** The icon pages link: a PNG drawn from /favicon.svg by scripts/favicon.mjs (cheaper to decode than the SVG). */
  favicon: '/favicon.png',
  sitemapIndex: '/sitemap-index.xml',
  serviceWorker: '/sw.js',
  /** Pagefind's files: the search worker (pagefind-worker.js), the index and its WebAssembly. */
  pagefindDir: PAGEFIND_DIR,
  /** Pagefind's search worker, started when search is first asked for (src/client/site.ts). */
  pagefindWorker: `${PAGEFIND_DIR}${PAGEFIND_WORKER_FILE}`,
} as const;

export { normaliseBase };

/** The deployment sub-path, ending in "/" (Vite's BASE_URL, set from BASE_PATH at build). */
export const BASE = normaliseBase(import.meta.env.BASE_URL ?? '/');

/**
 * Prefixes a root-relative path with a base ("/" or "/some/sub-path/"). Anything that is not
 * root-relative (an external URL, a "#fragment", a relative path) is returned unchanged.
 */
export function withBase(path: string, base: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  return `${normaliseBase(base).slice(0, -1)}${path}`;
}

/** The permanent path of a served address: "/st1398/ksbs/s24/" → "/ksbs/s24/". */
export function withoutBase(pathname: string, base: string = BASE): string {
  return withoutGivenBase(pathname, base);
}

/** A link to a page of this site: the permanent path with the deployment sub-path in front. */
export function href(path: string): string {
  return withBase(path, BASE);
}

/**
 * The full address of a page of this site: `site` is the public origin (SITE_URL). The base is
 * added exactly once, here, whatever the caller passes.
 */
export function absoluteUrl(path: string, site: string | URL, base: string = BASE): string {
  return new URL(withBase(path, base), site).href;
}
