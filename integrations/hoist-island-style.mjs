// @ts-check
/**
 * Astro writes `<style>astro-island,…{display:contents}</style>` just before the first island on a
 * page, which can be inside <section> or <div>: invalid HTML (a <style> belongs in <head>). After the
 * build, this moves that one rule into <head> on every page. Nothing else in the HTML changes.
 */

const ISLAND_STYLE = /<style>astro-island,astro-slot,astro-static-slot\{display:\s*contents\}<\/style>/;

/** Returns the page with the island style moved into <head>, or the page unchanged. */
export function hoistIslandStyle(html) {
  const match = ISLAND_STYLE.exec(html);
  const head = html.indexOf('</head>');
  if (!match || head === -1 || match.index < head) return html;
  const without = html.slice(0, match.index) + html.slice(match.index + match[0].length);
  return without.replace('</head>', `${match[0]}</head>`);
}

/** The step of integrations/finish-pages.mjs. @type {import('./finish-pages.mjs').PageStepFactory} */
export function hoistIslandStyleStep() {
  let moved = 0;
  return {
    name: 'island style',
    page: (html) => {
      const fixed = hoistIslandStyle(html);
      if (fixed !== html) moved++;
      return fixed;
    },
    finish: () => `moved into <head> on ${moved} pages`,
  };
}
