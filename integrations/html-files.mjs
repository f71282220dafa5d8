// @ts-check
/** Every .html file under a folder (the built site), for the integrations that finish its pages. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** @param {string} dir @returns {AsyncGenerator<string>} */
export async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}
