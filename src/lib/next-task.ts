/**
 * Resolves in a later task of the browser's event loop (a macrotask, not a microtask), so the main
 * thread can paint and answer a tap between two pieces of work. Used where a page would otherwise
 * run several long steps back to back on a phone: checking the question bank's index, then drawing
 * what it changes (issue #20: Total Blocking Time). The island runtime's hydration directives do the
 * same in code the build writes into them (NEXT_TASK in integrations/first-round-trip.mjs).
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
