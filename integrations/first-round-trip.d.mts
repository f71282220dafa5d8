import type { PageStepFactory } from './finish-pages.mjs';
export interface Names {
  tags: Set<string>;
  classes: Set<string>;
  ids: Set<string>;
}
export function namesIn(html: string): Names;
export function usedCss(css: string, names: Names): string;
export function inlineUsedCss(html: string, readStylesheet: (href: string) => Promise<string>): Promise<string>;
export function underBase(name: string, base: string): string;
export function hashedName(kind: string, text: string, ext: string): string;
export function concatenationProblem(css: string): string | undefined;
export function combineStylesheets(
  html: string,
  readStylesheet: (href: string) => Promise<string>,
  base: string,
): Promise<{ html: string; file?: { name: string; text: string } }>;
export const ISLAND_RUNTIME_ATTRIBUTE: 'data-island-runtime';
export const NEXT_TASK: string;
export function hydrateInTaskOfItsOwn(runtime: string): string;
export function externalIslandRuntime(html: string, srcFor: (text: string) => string): { html: string; runtime?: string };
export function inlineCode(html: string): { scripts: string[]; styles: string[] };
export function sha256(text: string): string;
export function ownHashesOnly(html: string): string;
export const firstRoundTripStep: PageStepFactory;
