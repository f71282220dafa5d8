#!/usr/bin/env node
/**
 * Serves the built site (dist/) on 127.0.0.1, as a static host would: directory paths serve their
 * index.html, unknown paths get 404.html with status 404, and BASE_PATH (if the site was built
 * with one) is honoured. Used by `npm start` and by the browser tests.
 *
 *   node scripts/serve.mjs [--port 4321] [--dir dist]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { basePathFromEnv } from '../src/lib/base-path.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option('port', process.env.PORT ?? 4321));
const root = resolve(option('dir', 'dist'));
const base = basePathFromEnv();

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error(`Nothing to serve: ${root}/index.html does not exist. Run \`npm run build\` first.`);
  process.exit(1);
}

/**
 * The rules of dist/_headers (as Netlify and Cloudflare Pages read them), so that what is served
 * here, and tested, carries the same headers as a real deployment. A path may match several rules;
 * a header set by more than one is sent once per rule.
 */
function readHeaderRules() {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}
const headerRules = readHeaderRules();
function headersFor(urlPath) {
  const out = {};
  for (const rule of headerRules) {
    const matches = rule.path.endsWith('*') ? urlPath.startsWith(rule.path.slice(0, -1)) : urlPath === rule.path;
    if (!matches) continue;
    for (const [name, value] of rule.headers) out[name] = out[name] ? [].concat(out[name], value) : value;
  }
  return out;
}

function fileFor(urlPath) {
  if (!urlPath.startsWith(base)) return undefined;
  const rel = normalize(decodeURIComponent(urlPath.slice(base.length - 1)));
  if (rel.includes('..')) return undefined;
  const target = join(root, rel);
  if (existsSync(target) && statSync(target).isFile()) return target;
  if (existsSync(join(target, 'index.html'))) return urlPath.endsWith('/') ? join(target, 'index.html') : { redirect: `${urlPath}/` };
  return undefined;
}

const server = createServer((req, res) => {
  let path;
  try {
    path = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    res.writeHead(400).end('Bad request');
    return;
  }
  const found = fileFor(path);
  if (found && typeof found === 'object') {
    res.writeHead(301, { Location: found.redirect }).end();
    return;
  }
  const file = found ?? join(root, '404.html');
  const status = found ? 200 : 404;
  res.writeHead(status, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    ...headersFor(found ? path : `${base}404.html`),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`);
});
