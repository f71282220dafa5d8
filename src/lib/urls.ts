/**
 * Every internal URL the site promises. Training providers link to these: a path, once published,
 * never changes. Paths are root-relative; `withBase` adds the deployment sub-path (BASE_PATH).
 */
import type { MethodId } from './content/schemas';

export const paths = {
  home: '/',
  about: '/about/',
  ksbs: '/ksbs/',
  ksb: (code: string) => `/ksbs/${code.toLowerCase()}/`,
  duties: '/duties/',
  duty: (number: number) => `/duties/${number}/`,
  epa: '/epa/',
  gateway: '/epa/gateway/',
  grading: '/epa/grading/',
  method: (method: MethodId) => `/epa/${method}/`,
  theme: (theme: { method: MethodId; slug: string }) => `/epa/${theme.method}/${theme.slug}/`,
  standardJson: '/api/standard.json',
} as const;

/**
 * Prefixes a root-relative path with the site's base ("/" or "/some/sub-path/"). Anything that is
 * not root-relative (an external URL, a "#fragment", a relative path) is returned unchanged.
 */
export function withBase(path: string, base: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmedBase}${path}`;
}

/** Pages of tools that save progress in the browser. */
export const toolPaths = {
  eligibility: '/eligibility/',
  eligibilitySection: (section: 'english-and-maths' | 'role' | 'ksbs' | 'gateway' | 'summary') => `/eligibility/${section}/`,
  myData: '/my-data/',
} as const;
