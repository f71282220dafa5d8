/** The build step that moves Astro's island style rule into <head>. */
import { describe, expect, it } from 'vitest';
import { hoistIslandStyle } from '../../integrations/hoist-island-style.mjs';

const STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

describe('hoistIslandStyle', () => {
  it('moves the rule from the body into the head', () => {
    const page = `<html><head><title>x</title></head><body><section>${STYLE}<astro-island></astro-island></section></body></html>`;
    expect(hoistIslandStyle(page)).toBe(`<html><head><title>x</title>${STYLE}</head><body><section><astro-island></astro-island></section></body></html>`);
  });
  it('leaves pages without islands, or already fixed, as they are', () => {
    const plain = '<html><head></head><body><p>hi</p></body></html>';
    expect(hoistIslandStyle(plain)).toBe(plain);
    const fixed = `<html><head>${STYLE}</head><body></body></html>`;
    expect(hoistIslandStyle(fixed)).toBe(fixed);
  });
});
