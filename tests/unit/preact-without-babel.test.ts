import { describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import preactWithoutBabel, { BABEL_JSX_PLUGIN, OPTIONS_MODULE, withoutBabel } from '../../integrations/preact-without-babel.mjs';

type Hook = { filter?: { id?: RegExp }; handler: (...args: unknown[]) => unknown };
type Plugin = { name?: string; transform?: unknown; config?: (...args: unknown[]) => Record<string, unknown>; resolveId?: Hook; load?: Hook };
type Update = { vite?: { plugins?: unknown[] } };

/** Runs the integration's setup hook as Astro would for a command, returning what it asked Astro to merge into the config and the renderers it added. */
async function setUp(integration: AstroIntegration, command: 'build' | 'dev' = 'dev') {
  const updates: Update[] = [];
  const renderers: unknown[] = [];
  const setup = integration.hooks['astro:config:setup'] as (options: unknown) => Promise<void> | void;
  await setup({
    command,
    updateConfig: (config: Update) => updates.push(config),
    addRenderer: (renderer: unknown) => renderers.push(renderer),
    injectScript: () => {},
    logger: { warn: () => {}, info: () => {} },
  });
  return { updates, renderers };
}

const plugins = (updates: Update[]) => updates.flatMap((u) => (u.vite?.plugins ?? []).flat(3)) as Plugin[];

/** The options module's code as a plugin list serves it: resolve the import, then load what it resolved to. */
async function optionsModule(list: Plugin[]) {
  const opts = list.find((p) => p?.name === '@astrojs/preact:opts');
  const hook = (h: Hook | undefined, id: string) => (h?.filter?.id && !h.filter.id.test(id) ? undefined : h?.handler(id));
  const id = (await hook(opts?.resolveId, OPTIONS_MODULE)) as string;
  const loaded = (await hook(opts?.load, id)) as { code: string } | undefined;
  return loaded?.code;
}

describe('@astrojs/preact without Babel: astro dev, sync and check', () => {
  it('keeps every plugin of the preset but takes the transform off its Babel JSX plugin', async () => {
    const kept = plugins((await setUp(preactWithoutBabel())).updates);
    const jsx = kept.find((p) => p?.name === BABEL_JSX_PLUGIN);
    expect(jsx, 'the preset still has its JSX plugin').toBeDefined();
    expect(jsx?.transform).toBeUndefined();
    // The rest of the preset (options module, environments, fast refresh, dev tools) is untouched.
    expect(kept.map((p) => p?.name)).toEqual(expect.arrayContaining(['@astrojs/preact:opts', '@astrojs/preact:environment', 'prefresh']));
  });

  it("asks Vite's own transform for JSX the way the islands are written (preact/jsx-runtime)", async () => {
    const jsx = plugins((await setUp(preactWithoutBabel())).updates).find((p) => p?.name === BABEL_JSX_PLUGIN);
    const config = jsx?.config?.call({ meta: {} });
    expect(config?.['oxc']).toEqual({ jsx: { runtime: 'automatic', importSource: 'preact' } });
    // The preset's own build settings are still there (its warning filter).
    expect(config?.['build']).toBeDefined();
  });

  it('fails, naming this file, if the preset no longer has the plugin it removes Babel from', async () => {
    const options = { command: 'dev', addRenderer: () => {}, injectScript: () => {}, logger: { warn: () => {}, info: () => {} } };
    const doneOptions = { config: { integrations: [] }, logger: { warn: () => {} } };
    // A preset whose JSX plugin has another name.
    const renamed = withoutBabel({
      name: '@astrojs/preact',
      hooks: { 'astro:config:setup': ({ updateConfig }) => void updateConfig({ vite: { plugins: [{ name: 'vite:preact-jsx-renamed' }] } }) },
    });
    await renamed.setUp({ ...options, updateConfig: () => ({}) } as never);
    expect(() => renamed.done(doneOptions as never)).toThrow(/preact-without-babel\.mjs/);
    // The real one.
    const integration = preactWithoutBabel();
    await setUp(integration);
    expect(() => (integration.hooks['astro:config:done'] as (options: unknown) => void)(doneOptions)).not.toThrow();
  });
});

describe('@astrojs/preact without Babel: astro build', () => {
  it('adds the same renderer as @astrojs/preact does for a build', async () => {
    const { renderers } = await setUp(preactWithoutBabel(), 'build');
    const { renderers: official } = await setUp(preactWithoutBabel(), 'dev');
    expect(renderers).toEqual([{ name: '@astrojs/preact', clientEntrypoint: '@astrojs/preact/client.js', serverEntrypoint: '@astrojs/preact/server.js' }]);
    // In dev the integration itself adds it, with its development client.
    expect(official).toEqual([{ name: '@astrojs/preact', clientEntrypoint: '@astrojs/preact/client-dev.js', serverEntrypoint: '@astrojs/preact/server.js' }]);
  });

  it('serves the options module exactly as @astrojs/preact does, and JSX as the islands are written', async () => {
    const build = plugins((await setUp(preactWithoutBabel(), 'build')).updates);
    const dev = plugins((await setUp(preactWithoutBabel(), 'dev')).updates);
    expect(await optionsModule(build)).toBe(await optionsModule(dev));
    expect(await optionsModule(build)).toMatch(/^export default /);
    const configs = build.map((p) => p.config?.()).filter(Boolean);
    expect(configs).toContainEqual({ oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } });
  });

  it('loads none of the preset: no Babel, fast refresh or dev tools plugin', async () => {
    const names = plugins((await setUp(preactWithoutBabel(), 'build')).updates).map((p) => p.name);
    expect(names).not.toContain(BABEL_JSX_PLUGIN);
    expect(names).not.toContain('prefresh');
    expect(names).not.toContain('preact:devtools');
    // And the done hook, with no preset loaded, has nothing to check.
    const integration = preactWithoutBabel();
    await setUp(integration, 'build');
    expect(() =>
      (integration.hooks['astro:config:done'] as (options: unknown) => void)({ config: { integrations: [] }, logger: { warn: () => {} } }),
    ).not.toThrow();
  });
});
