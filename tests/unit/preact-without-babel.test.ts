import { describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import preactWithoutBabel, { BABEL_JSX_PLUGIN } from '../../integrations/preact-without-babel.mjs';

type Plugin = { name?: string; transform?: unknown; config?: (...args: unknown[]) => Record<string, unknown> };

/** Runs the integration's setup hook as Astro would, returning what it asked Astro to merge into the config. */
function setUp(integration: AstroIntegration) {
  const updates: Array<{ vite?: { plugins?: unknown[] } }> = [];
  const setup = integration.hooks['astro:config:setup'] as (options: unknown) => void;
  setup({
    command: 'build',
    updateConfig: (config: { vite?: { plugins?: unknown[] } }) => updates.push(config),
    addRenderer: () => {},
    injectScript: () => {},
    logger: { warn: () => {}, info: () => {} },
  });
  return updates;
}

const plugins = (updates: Array<{ vite?: { plugins?: unknown[] } }>) => updates.flatMap((u) => (u.vite?.plugins ?? []).flat(3)) as Plugin[];

describe('@astrojs/preact without Babel', () => {
  it('keeps every plugin of the preset but takes the transform off its Babel JSX plugin', () => {
    const kept = plugins(setUp(preactWithoutBabel()));
    const jsx = kept.find((p) => p?.name === BABEL_JSX_PLUGIN);
    expect(jsx, 'the preset still has its JSX plugin').toBeDefined();
    expect(jsx?.transform).toBeUndefined();
    // The rest of the preset (options module, environments, dev tools) is untouched.
    expect(kept.map((p) => p?.name)).toEqual(expect.arrayContaining(['@astrojs/preact:opts', '@astrojs/preact:environment']));
  });

  it("asks Vite's own transform for JSX the way the islands are written (preact/jsx-runtime)", () => {
    const jsx = plugins(setUp(preactWithoutBabel())).find((p) => p?.name === BABEL_JSX_PLUGIN);
    const config = jsx?.config?.call({ meta: {} });
    expect(config?.['oxc']).toEqual({ jsx: { runtime: 'automatic', importSource: 'preact' } });
    // The preset's own build settings are still there (its warning filter).
    expect(config?.['build']).toBeDefined();
  });

  it('fails the build, naming this file, if the preset no longer has the plugin it removes Babel from', () => {
    const integration = preactWithoutBabel();
    const done = integration.hooks['astro:config:done'] as (options: unknown) => void;
    // Setup never saw the plugin (as if the preset had renamed it).
    expect(() => done({ config: { integrations: [] }, logger: { warn: () => {} } })).toThrow(/preact-without-babel\.mjs/);
    setUp(integration);
    expect(() => done({ config: { integrations: [] }, logger: { warn: () => {} } })).not.toThrow();
  });
});
