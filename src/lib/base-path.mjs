/**
 * The deployment sub-path (BASE_PATH), in one place for everything that runs: astro.config.mjs
 * reads it for the build (and takes it off the sitemap's addresses with withoutBase), src/lib/urls.ts
 * normalises Vite's BASE_URL with the same rule, and the
 * scripts that serve, measure, cache and send headers for dist/ (scripts/*.mjs) read it here.
 * Plain JavaScript so that Node runs it without a build; no imports, safe in the browser.
 */

/** "/" or "/st1398/" → always ends in "/": "/st1398" → "/st1398/". @param {string} base @returns {string} */
export function normaliseBase(base) {
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * The permanent path of a served address, the base taken off: "/st1398/ksbs/s24/" → "/ksbs/s24/"
 * under "/st1398/"; a path outside the base is returned unchanged.
 * @param {string} pathname @param {string} base @returns {string}
 */
export function withoutBase(pathname, base) {
  const prefix = normaliseBase(base).slice(0, -1);
  return prefix && pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}

/**
 * The environment for a build under `base`: what a script sets to build a sub-path variant.
 * @param {string} base @returns {Record<string, string>}
 */
export function basePathEnv(base) {
  return { BASE_PATH: normaliseBase(base) };
}

/**
 * The sub-path the site is built for, from the environment (BASE_PATH, default "/"), ending in "/".
 * @param {Record<string, string | undefined>} [env] @returns {string}
 */
export function basePathFromEnv(env = process.env) {
  return normaliseBase(env.BASE_PATH || '/');
}
