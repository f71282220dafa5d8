/**
 * Fetches one of the site's own JSON files (a path from src/lib/urls.ts, under the base path).
 * Rejects when it cannot be fetched or the server says no; the caller checks the shape.
 */
import { href } from './urls';

export async function fetchSiteJson(path: string): Promise<unknown> {
  const response = await fetch(href(path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}
