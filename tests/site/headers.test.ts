/**
 * The response headers the build writes for Netlify and Cloudflare Pages (dist/_headers, from
 * scripts/write-headers.mjs), read as those hosts read them: a path pattern, then indented
 * "Name: value" lines; a header applies to every path its pattern matches ("*" matches the rest).
 * Every page gets a Content-Security-Policy that forbids framing and WebAssembly; only Pagefind's
 * files may compile WebAssembly; every response gets the usual security headers; the hashed
 * /_astro/ assets are cached for good and the service worker never is. And the policy in each
 * page's <meta> allows exactly that page's inline scripts and styles, by hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, distBuilt, htmlPages, readPage } from '../support/dist';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

type Rule = { pattern: string; headers: Record<string, string> };

function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const match = /^\s+([A-Za-z-]+):\s*(.*)$/.exec(line);
    expect(match, `a header line: ${line}`).not.toBeNull();
    expect(rules.length, `header before any path: ${line}`).toBeGreaterThan(0);
    rules.at(-1)!.headers[match![1]!.toLowerCase()] = match![2]!;
  }
  return rules;
}

const rules = parseHeaders(readFileSync(join(DIST, '_headers'), 'utf8'));
const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
/** Every header a path gets, as the hosts combine the rules that match it. */
const headersFor = (path: string) => Object.assign({}, ...rules.filter((r) => matches(r.pattern, path)).map((r) => r.headers)) as Record<string, string>;
const directives = (policy: string | undefined) => new Map((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));

describe('dist/_headers', () => {
  it('is made of path patterns, each with at least one header', () => {
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) {
      expect(rule.pattern, 'a site path').toMatch(/^\//);
      expect(Object.keys(rule.headers).length, rule.pattern).toBeGreaterThan(0);
    }
  });

  it('sends the usual security headers with every response', () => {
    for (const path of ['/', '/ksbs/k1/', '/_astro/x.js', '/sw.js', '/pagefind/pagefind-worker.js', '/favicon.svg']) {
      const headers = headersFor(path);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
      // The site uses none of these features: each is turned off.
      for (const feature of ['camera', 'microphone', 'geolocation']) expect(headers['permissions-policy'], path).toContain(`${feature}=()`);
    }
  });

  it('gives every page a Content-Security-Policy: only this site’s code, no framing, no plugins, no WebAssembly', () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const policy = directives(headersFor(page)['content-security-policy']);
      expect(policy.get('default-src'), page).toEqual(["'self'"]);
      expect(policy.get('script-src')?.[0], page).toBe("'self'");
      expect(policy.get('script-src'), page).not.toContain("'unsafe-eval'");
      expect(policy.get('script-src'), page).not.toContain("'wasm-unsafe-eval'");
      expect(policy.get('object-src'), page).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), page).toEqual(["'none'"]);
      expect(policy.get('base-uri'), page).toEqual(["'self'"]);
    }
  });

  it('allows WebAssembly for Pagefind’s files only', () => {
    const search = directives(headersFor('/pagefind/pagefind-worker.js')['content-security-policy']);
    expect(search.get('script-src')).toContain("'wasm-unsafe-eval'");
    const withWasm = rules.filter((r) => r.headers['content-security-policy']?.includes('wasm-unsafe-eval')).map((r) => r.pattern);
    expect(withWasm).toEqual(['/pagefind/*']);
  });

  it('caches the content-hashed /_astro/ assets for a year, unchanging, and never the service worker', () => {
    expect(headersFor('/_astro/client.AbC123.js')['cache-control']).toMatch(/(^|, )max-age=31536000(,|$)/);
    expect(headersFor('/_astro/client.AbC123.js')['cache-control']).toContain('immutable');
    const sw = headersFor('/sw.js')['cache-control'] ?? '';
    expect(sw).toMatch(/no-cache|no-store|max-age=0/);
    expect(sw).not.toContain('immutable');
    // Nothing else is cached for good: a page or a search index would never update.
    const immutable = rules.filter((r) => r.headers['cache-control']?.includes('immutable')).map((r) => r.pattern);
    expect(immutable).toEqual(['/_astro/*']);
  });
});

describe('each page’s own Content-Security-Policy (<meta>)', () => {
  const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const pages = htmlPages();

  it('allows every inline script and style on the page by its hash, and no other inline code', () => {
    for (const page of pages) {
      const html = readPage(page);
      const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html);
      expect(meta, `${page}: a CSP <meta>`).not.toBeNull();
      const policy = directives(meta![1]);
      const scripts = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]!));
      const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!));
      const hashes = (name: string) => (policy.get(name) ?? []).filter((v) => v.startsWith("'sha256-")).sort();
      expect(hashes('script-src'), `${page}: script hashes`).toEqual([...new Set(scripts)].sort());
      expect(hashes('style-src'), `${page}: style hashes`).toEqual([...new Set(styles)].sort());
      // Nothing inline runs or applies without its hash.
      for (const name of ['script-src', 'style-src']) {
        expect(policy.get(name)?.[0], `${page}: ${name}`).toBe("'self'");
        expect(policy.get(name), `${page}: ${name}`).not.toContain("'unsafe-inline'");
      }
      expect(html, `${page}: no inline event handler`).not.toMatch(/<[^>]+\son[a-z]+=/);
    }
  });
});
