import type { PageStepFactory } from './finish-pages.mjs';
export const PLACEHOLDER: string;
export const MIN_SECTIONS: number;
export function sectionsOf(html: string): Array<{ id: string; text: string }>;
export function addOnThisPage(html: string): string;
export const onThisPageStep: PageStepFactory;
