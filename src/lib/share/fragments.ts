/**
 * The kinds of link that carry progress, and the fragment name of each ("#move=…", "#report=…").
 * Apart from the code that packs them (./link.ts), so that src/lib/urls.ts can name them without
 * every page loading that code.
 */

/** What a link is for: moving everything to another device, or a read-only report for a tutor. */
export type LinkKind = 'move' | 'report';

export const LINK_FRAGMENT: Record<LinkKind, string> = { move: 'move', report: 'report' };
