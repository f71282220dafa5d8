import type { AstroIntegration, HookParameters } from 'astro';
import type { Plugin } from 'vite';
export const BABEL_JSX_PLUGIN: string;
export const OPTIONS_MODULE: string;
export function withoutBabelTransform(plugins: unknown): unknown;
export function buildPlugins(): Plugin[];
export function withoutBabel(integration: AstroIntegration): {
  setUp: (options: HookParameters<'astro:config:setup'>) => void | Promise<void>;
  done: (options: HookParameters<'astro:config:done'>) => void | Promise<void>;
};
export default function preactWithoutBabel(): AstroIntegration;
