/**
 * The link checker used over the built site: every internal link and asset a page names (see
 * referencesIn: islands' scripts, form actions, srcset and inline url() too) resolves to a file,
 * and every #fragment to an id on its target page. External links are not fetched (the site makes
 * no request to other origins; links out are for the reader). assetLinks does the same for what
 * built stylesheets and scripts import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetFiles, cssUrls, idsIn, referencesIn, scriptImports, type Site } from './dist';

export function brokenLinks(site: Site, page: string): string[] {
  const broken: string[] = [];
  for (const link of referencesIn(site.readPage(page))) {
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

/** Every address a built stylesheet (url(), @import) or script (import specifiers) names, as "file → address" with the address resolved. */
export function assetLinks(site: Site): Array<{ file: string; ref: string; resolved: string }> {
  return assetFiles(site).flatMap((file) => {
    const text = readFileSync(join(site.dir, file), 'utf8');
    const refs = file.endsWith('.css') ? cssUrls(text) : scriptImports(text);
    return refs.filter((ref) => !/^(https?:)?\/\//i.test(ref)).map((ref) => ({ file, ref, resolved: new URL(ref, `http://site${file}`).pathname }));
  });
}

/** The asset links that resolve to no file. */
export function brokenAssetLinks(site: Site): string[] {
  return assetLinks(site)
    .filter(({ resolved }) => !site.fileFor(resolved))
    .map(({ file, ref }) => `${file}: ${ref} (no such file)`);
}
