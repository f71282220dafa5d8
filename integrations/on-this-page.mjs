// @ts-check
/**
 * "On this page": after the build, fills the placeholder that Base.astro leaves on long pages
 * (`<template data-on-this-page>`) with a list of links to the page's own section headings (every
 * visible <h2 id> in <main>). Shown beside the content on wide screens (src/styles/on-this-page.css),
 * it is plain HTML, so it works without JavaScript; src/client/on-this-page.ts marks the section in
 * view. A page with fewer than MIN_SECTIONS sections gets nothing.
 */

export const PLACEHOLDER = '<template data-on-this-page></template>';
export const MIN_SECTIONS = 3;

const HEADING = /<h2\b([^>]*)>([\s\S]*?)<\/h2>/g;
const attr = (attrs, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** The page's sections: the id and text of each visible <h2 id> inside <main>. */
export function sectionsOf(html) {
  const start = html.indexOf('<main');
  const end = html.indexOf('</main>', start);
  if (start === -1 || end === -1) return [];
  const main = html.slice(start, end);
  return [...main.matchAll(HEADING)]
    .map(([, attrs, inner]) => ({ id: attr(attrs, 'id'), classes: attr(attrs, 'class') ?? '', text: inner.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim() }))
    .filter((h) => h.id && h.text && !h.classes.split(/\s+/).includes('visually-hidden'))
    .map(({ id, text }) => ({ id: /** @type {string} */ (id), text }));
}

/** Returns the page with its "On this page" list filled in (or the placeholder removed), or unchanged. */
export function addOnThisPage(html) {
  if (!html.includes(PLACEHOLDER)) return html;
  const sections = sectionsOf(html);
  if (sections.length < MIN_SECTIONS) return html.replace(PLACEHOLDER, '');
  const items = sections.map((s) => `<li><a href="#${s.id}">${s.text}</a></li>`).join('');
  // Named apart from a page's own short list of links at the top ("On this page"), which it replaces on wide screens.
  const nav = `<nav class="toc" aria-label="Contents of this page" data-pagefind-ignore><h2 class="toc__title">On this page</h2><ul class="toc__list">${items}</ul></nav>`;
  return html.replace(PLACEHOLDER, nav);
}

/** The step of integrations/finish-pages.mjs. @type {import('./finish-pages.mjs').PageStepFactory} */
export function onThisPageStep() {
  let filled = 0;
  return {
    name: 'On this page',
    page: (html) => {
      const done = addOnThisPage(html);
      if (done !== html && done.includes('class="toc"')) filled++;
      return done;
    },
    finish: () => `lists on ${filled} pages`,
  };
}
