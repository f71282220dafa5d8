/**
 * The Content-Security-Policy directives every page has, in one place: the <meta> policy Astro
 * writes (astro.config.mjs, which adds the script and style hashes) and the header policy for hosts
 * that send headers (scripts/write-headers.mjs, which adds what only a header can say).
 */
/** @type {Array<`${'default' | 'img' | 'font' | 'connect' | 'worker' | 'manifest' | 'object'}-src ${string}` | `${'base-uri' | 'form-action'} ${string}`>} */
export const BASE_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];
