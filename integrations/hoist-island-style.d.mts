import type { AstroIntegration } from 'astro';
export function hoistIslandStyle(html: string): string;
export default function hoistIslandStyleIntegration(): AstroIntegration;
