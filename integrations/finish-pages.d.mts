import type { AstroIntegration } from 'astro';
export interface PageStep {
  name: string;
  page: (html: string) => string | Promise<string>;
  finish: () => string | Promise<string>;
}
export type PageStepFactory = (site: { root: string; base: string }) => PageStep;
export const PAGES_AT_ONCE: number;
export function finishPages(root: string, steps: PageStep[]): Promise<{ pages: number; written: number; lines: string[] }>;
export default function finishPagesIntegration(factories: PageStepFactory[]): AstroIntegration;
