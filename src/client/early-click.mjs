/**
 * The one inline script of every page, in the <head>, so that it runs before any module: a button
 * pressed in an interactive part that is not ready yet is marked, for the part to press again when
 * it is (src/islands/shared/useEarlyInput.ts), a form there never submits natively (which would
 * reload the page and lose the answer), and the latest text typed in a field there is kept on the
 * field (`earlyValue`), since Preact sets a textarea's value as it hydrates and what was typed
 * would be gone before the part could replay it. Its hash is allowed by the pages'
 * Content-Security-Policy (astro.config.mjs), so it must stay byte for byte what is rendered: one
 * line, no template.
 */
export const EARLY_CLICK_SCRIPT =
  "addEventListener('click',function(e){var b=e.target&&e.target.closest&&e.target.closest('astro-island[ssr] button');if(!b)return;b.setAttribute('data-early-click','');if(b.type==='submit')e.preventDefault()},true);addEventListener('submit',function(e){if(e.target&&e.target.closest&&e.target.closest('astro-island[ssr]'))e.preventDefault()},true);addEventListener('input',function(e){var t=e.target;if(t.closest&&t.closest('astro-island[ssr]'))t.earlyValue=t.value},true);";
