/**
 * Serves a built site (dist/) as a static host would: directory paths serve their index.html,
 * unknown paths get 404.html with status 404, BASE_PATH (if the site was built with one) is
 * honoured, and the rules of dist/_headers are applied. Used by scripts/serve.mjs (npm start, the
 * browser tests) and by the bench, which asks for compression, as hosts send it, and counts every
 * byte sent.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { basePathFromEnv, withoutBase } from '../src/lib/base-path.mjs';

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
/** What a host compresses: text. Pagefind's own files (.pagefind, .pf_*) are gzip already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.webmanifest', '.ics', '.csv']);

/**
 * The rules of dist/_headers (as Netlify and Cloudflare Pages read them), so that what is served
 * here, and tested, carries the same headers as a real deployment. A path may match several rules;
 * a header set by more than one is sent once per rule.
 */
function readHeaderRules(root) {
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

/**
 * @typedef {{ path: string, status: number, bodyBytes: number, wireBytes: number }} Sent
 * @param {{ dir?: string, base?: string, compress?: boolean, onSent?: (sent: Sent) => void }} [options]
 *   onSent is called once each response has been written: the body's bytes as sent (compressed if
 *   it was) and every byte written to the connection for it, headers included.
 */
export function createSiteServer({ dir = 'dist', base = basePathFromEnv(), compress = false, onSent } = {}) {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`Nothing to serve: ${root}/index.html does not exist. Run \`npm run build\` first.`);
  }
  const headerRules = readHeaderRules(root);
  const headersFor = (urlPath) => {
    const out = {};
    for (const rule of headerRules) {
      const matches = rule.path.endsWith('*') ? urlPath.startsWith(rule.path.slice(0, -1)) : urlPath === rule.path;
      if (!matches) continue;
      for (const [name, value] of rule.headers) out[name] = out[name] ? [].concat(out[name], value) : value;
    }
    return out;
  };
  const fileFor = (urlPath) => {
    if (!urlPath.startsWith(base)) return undefined;
    const rel = normalize(decodeURIComponent(withoutBase(urlPath, base)));
    if (rel.includes('..')) return undefined;
    const target = join(root, rel);
    if (existsSync(target) && statSync(target).isFile()) return target;
    if (existsSync(join(target, 'index.html'))) return urlPath.endsWith('/') ? join(target, 'index.html') : { redirect: `${urlPath}/` };
    return undefined;
  };

  return createServer((req, res) => {
    // One request at a time per connection (HTTP/1.1), so what the socket gains is this response's.
    const socket = req.socket;
    const wireBefore = socket.bytesWritten;
    let path;
    let bodyBytes = 0;
    res.on('finish', () => onSent?.({ path: path ?? req.url ?? '', status: res.statusCode, bodyBytes, wireBytes: socket.bytesWritten - wireBefore }));
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
    let body = readFileSync(file);
    const gzip = compress && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) body = gzipSync(body);
    res.writeHead(found ? 200 : 404, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      ...headersFor(found ? path : `${base}404.html`),
    });
    if (req.method === 'HEAD') res.end();
    else {
      bodyBytes = body.length;
      res.end(body);
    }
  });
}

/**
 * Starts a server on 127.0.0.1 at `port` (0: a free port the system chooses). Rejects with a
 * message naming the port if it cannot listen there (another server already has it).
 * @returns {Promise<{ server: import("node:http").Server, port: number, origin: string, url: string, close: () => Promise<void> }>}
 */
export function listen(server, port = 0, base = basePathFromEnv()) {
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error) => {
      reject(new Error(error.code === 'EADDRINUSE' ? `Port ${port} is in use by another server: stop it, or choose another port.` : `Could not serve on port ${port}: ${error.message}`));
    });
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolvePromise({
        server,
        port: actual,
        origin: `http://127.0.0.1:${actual}`,
        url: `http://127.0.0.1:${actual}${base}`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}
