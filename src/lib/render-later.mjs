/**
 * Long pages drawn in steps. A part of a page marked `data-render-later` is not laid out while the
 * page loads: the browser skips it (content-visibility: hidden, src/styles/utilities.css) and this
 * inline script, in the <head> of pages that have such parts, draws them one at a time, one per
 * frame, from the moment the page has been read (readyState "interactive": not DOMContentLoaded,
 * which waits for the page's modules, perhaps on a slow network). On a phone, laying out the 70-item checklist at once was
 * several long tasks (issue #20); in steps, each is short and the page answers taps in between.
 *
 * It runs only with JavaScript (the flag on <html> that the CSS needs is set here, so with JavaScript
 * off every part is drawn at once), and needs no module, so a page whose code fails to load still
 * shows everything. Parts added later (an island re-rendering) are drawn when the last step clears
 * the flag. Its hash is allowed by the pages' Content-Security-Policy (astro.config.mjs): one line,
 * no template.
 */
export const RENDER_LATER_ATTRIBUTE = 'data-render-later';

export const RENDER_LATER_SCRIPT =
  "(function(){var a='data-render-later',d=document,r=d.documentElement;r.setAttribute(a,'');d.addEventListener('readystatechange',function s(){d.removeEventListener('readystatechange',s);var l=[].slice.call(d.body.querySelectorAll('['+a+']'));(function n(){var e=l.shift();if(!e){r.removeAttribute(a);return}e.removeAttribute(a);requestAnimationFrame(function(){setTimeout(n)})})()})})();";
