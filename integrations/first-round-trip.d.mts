import type { AstroIntegration } from 'astro';
export interface Names {
  tags: Set<string>;
  classes: Set<string>;
  ids: Set<string>;
}
export function namesIn(html: string): Names;
export function usedCss(css: string, names: Names): string;
export function inlineUsedCss(html: string, readStylesheet: (href: string) => Promise<string>): Promise<string>;
export const ISLAND_RUNTIME_ATTRIBUTE: 'data-island-runtime';
export function externalIslandRuntime(html: string, srcFor: (text: string) => string): { html: string; runtime?: string };
export function inlineCode(html: string): { scripts: string[]; styles: string[] };
export function sha256(text: string): string;
export function ownHashesOnly(html: string): string;
export default function firstRoundTripIntegration(): AstroIntegration;
