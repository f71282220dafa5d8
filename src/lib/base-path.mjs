/**
 * The deployment sub-path (BASE_PATH), in one place for everything that runs: astro.config.mjs
 * reads it for the build, src/lib/urls.ts normalises Vite's BASE_URL with the same rule, and the
 * scripts that serve, measure, cache and send headers for dist/ (scripts/*.mjs) read it here.
 * Plain JavaScript so that Node runs it without a build; no imports, safe in the browser.
 */

/** "/" or "/st1398/" → always ends in "/": "/st1398" → "/st1398/". @param {string} base @returns {string} */
export function normaliseBase(base) {
  return base.endsWith('/') ? base : `${base}/`;
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
