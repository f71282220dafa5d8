import type { AstroIntegration } from 'astro';
export const BABEL_JSX_PLUGIN: string;
export function withoutBabelTransform(plugins: unknown): unknown;
export default function preactWithoutBabel(): AstroIntegration;
