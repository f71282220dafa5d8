/** robots.txt: everything may be indexed; the sitemap's absolute URL depends on SITE_URL and BASE_PATH. */
import type { APIRoute } from 'astro';
import { absoluteUrl, paths } from '../lib/urls';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl(paths.sitemapIndex, site!);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
