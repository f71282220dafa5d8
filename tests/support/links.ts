/**
 * The link checker used over the built site: every internal link and asset resolves to a file,
 * and every #fragment to an id on its target page. External links are not fetched (the site makes
 * no request to other origins; links out are for the reader).
 */
import { idsIn, linksIn, type Site } from './dist';

export function brokenLinks(site: Site, page: string): string[] {
  const broken: string[] = [];
  for (const link of linksIn(site.readPage(page))) {
    if (/^(https?:|mailto:|tel:|data:)/i.test(link) || link.startsWith('//')) continue;
    const hash = link.indexOf('#');
    const pathPart = hash === -1 ? link : link.slice(0, hash);
    const fragment = hash === -1 ? undefined : link.slice(hash + 1);
    const target = pathPart === '' ? page : new URL(pathPart, `http://site${page}`).pathname;
    const file = site.fileFor(target);
    if (!file) {
      broken.push(`${link} (no such page or file)`);
    } else if (fragment !== undefined && file.endsWith('.html')) {
      if (fragment === '') broken.push(`${link} (empty fragment)`);
      else if (!idsIn(site.readPage(target)).has(decodeURIComponent(fragment))) broken.push(`${link} (no element with id "${fragment}")`);
    }
  }
  return broken;
}
