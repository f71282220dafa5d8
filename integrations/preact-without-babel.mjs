// @ts-check
/**
 * @astrojs/preact, with JSX compiled by Vite's own transform (oxc) instead of Babel.
 *
 * @astrojs/preact always hands @preact/preset-vite a `babel` option, and the preset then runs Babel
 * over every .ts, .tsx and .js file of the project, in both the server and the client build, only
 * to turn JSX into `jsx()` calls (Babel's other work here, hook names, is for dev tools). That was
 * about 4 s of a 20 s build on the 2-core machines (CPU profile, issue 20). Vite's transform reads the
 * same setting from tsconfig.json (`"jsx": "react-jsx"`, `"jsxImportSource": "preact"`), as Vitest
 * already does for the islands' tests, so the output is the same `preact/jsx-runtime` calls.
 *
 * For `astro build` the preset is not even loaded: importing it loads Babel and Preact's fast
 * refresh, about 0.3 s of every build for plugins that do nothing there. The build gets what the
 * integration gives it: the same renderer, its options module, and the preset's JSX settings.
 * `astro dev` (and `astro sync`, `astro check`) get the whole integration, with the preset's
 * Babel transform left out and everything else (fast refresh, dependency pre-bundling) kept.
 */
import { getRenderer } from '@astrojs/preact/container-renderer';

/** The preset's plugin whose transform is Babel's (see @preact/preset-vite, `vite:preact-jsx`). */
export const BABEL_JSX_PLUGIN = 'vite:preact-jsx';

/** JSX as the islands are written (tsconfig.json), compiled by Vite's transform. */
const OXC_JSX = { jsx: { runtime: 'automatic', importSource: 'preact' } };

/**
 * The preset's plugins with the Babel one kept for its build settings but without its transform.
 * @param {unknown} plugins
 * @returns {unknown}
 */
export function withoutBabelTransform(plugins) {
  if (Array.isArray(plugins)) return plugins.map(withoutBabelTransform);
  if (plugins && typeof plugins === 'object' && 'name' in plugins && plugins.name === BABEL_JSX_PLUGIN) {
    const { transform: _babel, config, ...rest } = /** @type {{ transform?: unknown, config?: Function }} */ (plugins);
    return {
      ...rest,
      /** The preset's build settings, with JSX for Vite's transform (the preset leaves it out when it uses Babel). */
      config(/** @type {unknown[]} */ ...args) {
        return { ...config?.apply(this, args), oxc: OXC_JSX };
      },
    };
  }
  return plugins;
}

/** The options module @astrojs/preact's server renderer imports: no include or exclude filter, as @astrojs/preact writes it then. */
export const OPTIONS_MODULE = 'astro:preact:opts';

/**
 * What `astro build` needs of the integration and its preset: the options module and JSX for Vite's
 * transform. (The preset also hides a warning about packages' "use client" directives: see onLog in
 * astro.config.mjs.)
 * @returns {import('vite').Plugin[]}
 */
export function buildPlugins() {
  const resolved = `\0${OPTIONS_MODULE}`;
  return [
    {
      name: '@astrojs/preact:opts',
      resolveId: { filter: { id: new RegExp(`^${OPTIONS_MODULE}$`) }, handler: () => resolved },
      load: { filter: { id: new RegExp(`^\\0${OPTIONS_MODULE}$`) }, handler: () => ({ code: 'export default {include:void 0,exclude:void 0}' }) },
    },
    { name: 'st1398:preact-jsx', config: () => ({ oxc: OXC_JSX }) },
  ];
}

/**
 * An @astrojs/preact integration's setup and done hooks, its preset's Babel transform taken off.
 * @param {import('astro').AstroIntegration} integration
 */
export function withoutBabel(integration) {
  const setup = integration.hooks['astro:config:setup'];
  if (!setup) throw new Error('@astrojs/preact has no astro:config:setup hook: integrations/preact-without-babel.mjs needs updating');
  let replaced = false;
  /** @param {Parameters<NonNullable<import('astro').AstroIntegration['hooks']['astro:config:setup']>>[0]} options */
  const setUp = (options) =>
    setup({
      ...options,
      updateConfig: (config) => {
        const plugins = config.vite?.plugins;
        if (plugins) {
          replaced ||= plugins.flat(3).some((p) => p && typeof p === 'object' && 'name' in p && p.name === BABEL_JSX_PLUGIN);
          config = { ...config, vite: { ...config.vite, plugins: /** @type {any} */ (withoutBabelTransform(plugins)) } };
        }
        return options.updateConfig(config);
      },
    });
  /** @param {Parameters<NonNullable<import('astro').AstroIntegration['hooks']['astro:config:done']>>[0]} options */
  const done = (options) => {
    // A newer preset may rename its plugin: then Babel would silently come back, or JSX break.
    if (!replaced) throw new Error(`@preact/preset-vite has no "${BABEL_JSX_PLUGIN}" plugin any more: integrations/preact-without-babel.mjs needs updating`);
    return integration.hooks['astro:config:done']?.(options);
  };
  return { setUp, done };
}

/** @returns {import('astro').AstroIntegration} */
export default function preactWithoutBabel() {
  /** @type {ReturnType<typeof withoutBabel> | undefined} */
  let full;
  return {
    name: '@astrojs/preact',
    hooks: {
      'astro:config:setup': async (options) => {
        if (options.command === 'build') {
          options.addRenderer(getRenderer(false));
          options.updateConfig({ vite: { plugins: buildPlugins() } });
          return;
        }
        // The whole integration, loaded only now.
        const { default: preact } = await import('@astrojs/preact');
        full = withoutBabel(preact());
        return full.setUp(options);
      },
      'astro:config:done': (options) => full?.done(options),
    },
  };
}
