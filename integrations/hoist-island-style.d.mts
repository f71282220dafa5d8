import type { PageStepFactory } from './finish-pages.mjs';
export function hoistIslandStyle(html: string): string;
export const hoistIslandStyleStep: PageStepFactory;
