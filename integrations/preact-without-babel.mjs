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
 * Everything else of the integration (the renderer, its options module, dependency pre-bundling)
 * is kept as it is; only the preset's Babel transform is left out.
 */
import preact from '@astrojs/preact';

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

/** @returns {import('astro').AstroIntegration} */
export default function preactWithoutBabel() {
  const integration = preact();
  const setup = integration.hooks['astro:config:setup'];
  if (!setup) throw new Error('@astrojs/preact has no astro:config:setup hook: integrations/preact-without-babel.mjs needs updating');
  let replaced = false;
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:config:setup': (options) =>
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
        }),
      'astro:config:done': (options) => {
        // A newer preset may rename its plugin: then Babel would silently come back, or JSX break.
        if (!replaced)
          throw new Error(`@preact/preset-vite has no "${BABEL_JSX_PLUGIN}" plugin any more: integrations/preact-without-babel.mjs needs updating`);
        return integration.hooks['astro:config:done']?.(options);
      },
    },
  };
}
