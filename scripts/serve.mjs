#!/usr/bin/env node
/**
 * Serves the built site (dist/) on 127.0.0.1, as a static host would (see site-server.mjs: index
 * pages, 404.html, BASE_PATH, the rules of dist/_headers). Used by `npm start` and by the browser
 * tests.
 *
 *   node scripts/serve.mjs [--port 4321] [--dir dist]
 */
import { createSiteServer, listen } from './site-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

try {
  const dir = option('dir', 'dist');
  const { url } = await listen(createSiteServer({ dir }), Number(option('port', process.env.PORT ?? 4321)));
  console.log(`Serving ${dir} at ${url}`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
