import type { PageStepFactory } from './finish-pages.mjs';
export const COMPILE_HINT: string;
export function scriptsStartedBy(html: string): Set<string>;
export function staticImportsOf(code: string): string[];
export function withCompileHint(code: string): string;
export const compileHintsStep: PageStepFactory;
