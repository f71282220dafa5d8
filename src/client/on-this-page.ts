/**
 * Marks, in the "On this page" list (integrations/on-this-page.mjs), the section being read: the
 * last heading above the top third of the window. Loaded by site.ts only on pages with the list.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const targets = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));

let queued = false;
function mark(): void {
  queued = false;
  const line = window.innerHeight / 3;
  let current = -1;
  targets.forEach((target, i) => {
    if (target && target.getBoundingClientRect().top <= line) current = i;
  });
  links.forEach((link, i) => (i === current ? link.setAttribute('aria-current', 'true') : link.removeAttribute('aria-current')));
}
const queue = () => {
  if (queued) return;
  queued = true;
  requestAnimationFrame(mark);
};
window.addEventListener('scroll', queue, { passive: true });
window.addEventListener('resize', queue, { passive: true });
mark();
export {}; // a module: site.ts loads it with import()
