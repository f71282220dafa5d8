/**
 * Marks, in the "On this page" list (integrations/on-this-page.mjs), the section being read: the
 * first heading in the top third of the window, or else the section running on from above
 * (src/lib/section-being-read.ts). Loaded by site.ts only on pages with the list.
 */
import { headingTop, sectionBeingRead } from '../lib/section-being-read';

const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const targets = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));

let queued = false;
function mark(): void {
  queued = false;
  const current = sectionBeingRead(
    targets.map((target) => (target ? headingTop(target) : undefined)),
    window.innerHeight / 3,
  );
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
