/**
 * Saved progress carried in a link, with no server: the text is compressed (the browser's
 * CompressionStream), optionally encrypted with a passphrase (Web Crypto: AES-GCM with a key from
 * PBKDF2-SHA-256), and written in the link's fragment (after "#"), which browsers never send to a
 * server. What the link holds is checked on the way back exactly as an imported file is (the
 * caller passes the text to previewImport); this module only packs and unpacks it, and says why
 * when it cannot.
 *
 * Bytes before base64url: [format version][kind][mode], then
 * - mode 0 (plain): an 8-byte SHA-256 check of everything before it and the compressed text, then the text;
 * - mode 1 (passphrase): a 16-byte salt, a 12-byte IV, then the compressed text encrypted (the
 *   header is authenticated with it, so a link cannot be turned from one kind into another).
 */

import { LINK_FRAGMENT, type LinkKind } from './fragments';

export { LINK_FRAGMENT, type LinkKind };
export const LINK_FORMAT_VERSION = 1;
const KIND_BYTE: Record<LinkKind, number> = { move: 1, report: 2 };
const PLAIN = 0;
const ENCRYPTED = 1;
const CHECK_BYTES = 8;
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
/** The most text a link may unpack to: the same limit as an imported file. */
export const MAX_LINK_TEXT_BYTES = 5 * 1024 * 1024;

export type UnpackResult =
  | { ok: true; text: string; encrypted: boolean }
  /** `needsPassphrase`: the link is encrypted and no passphrase (or a wrong one) was given. */
  | { ok: false; reason: string; needsPassphrase?: boolean };

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

async function check(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)).subarray(0, CHECK_BYTES);
}

async function keyFrom(passphrase: string, salt: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: PBKDF2_ITERATIONS }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** Packs `text` for a link's fragment (base64url, no "#"). With a passphrase, it is encrypted. */
export async function packLink(kind: LinkKind, text: string, passphrase?: string): Promise<string> {
  const compressed = await pipe(encoder.encode(text), new CompressionStream('deflate-raw'));
  if (!passphrase) {
    const header = Uint8Array.of(LINK_FORMAT_VERSION, KIND_BYTE[kind], PLAIN);
    return toBase64Url(concat(header, await check(concat(header, compressed)), compressed));
  }
  const header = Uint8Array.of(LINK_FORMAT_VERSION, KIND_BYTE[kind], ENCRYPTED);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: header as BufferSource }, await keyFrom(passphrase, salt), compressed as BufferSource),
  );
  return toBase64Url(concat(header, salt, iv, sealed));
}

const DAMAGED = 'The link is damaged or incomplete (perhaps cut short when it was copied or sent). Ask for the link again, or use a file instead. Nothing was changed.';

/** Unpacks a link's fragment value. Never throws: a link it cannot read gives the reason. */
export async function unpackLink(kind: LinkKind, value: string, passphrase?: string): Promise<UnpackResult> {
  const bytes = fromBase64Url(value.trim());
  if (!bytes || bytes.length < 3) return { ok: false, reason: DAMAGED };
  const [version, kindByte, mode] = bytes as unknown as [number, number, number];
  if (version > LINK_FORMAT_VERSION) {
    return { ok: false, reason: `The link was made by a newer version of this site (link format ${version}). Reload the page to get the latest version, then open the link again. Nothing was changed.` };
  }
  if (version < 1) return { ok: false, reason: DAMAGED };
  if (kindByte !== KIND_BYTE[kind]) {
    const other = (Object.keys(KIND_BYTE) as LinkKind[]).find((k) => KIND_BYTE[k] === kindByte);
    return { ok: false, reason: other ? KIND_MISMATCH[kind] : DAMAGED };
  }
  const header = bytes.subarray(0, 3);
  let compressed: Uint8Array;
  if (mode === PLAIN) {
    const stated = bytes.subarray(3, 3 + CHECK_BYTES);
    compressed = bytes.subarray(3 + CHECK_BYTES);
    const actual = await check(concat(header, compressed));
    if (stated.length !== CHECK_BYTES || actual.some((b, i) => b !== stated[i])) return { ok: false, reason: DAMAGED };
  } else if (mode === ENCRYPTED) {
    if (!passphrase) return { ok: false, needsPassphrase: true, reason: 'This link is protected with a passphrase. Enter the passphrase it was made with.' };
    const salt = bytes.subarray(3, 3 + SALT_BYTES);
    const iv = bytes.subarray(3 + SALT_BYTES, 3 + SALT_BYTES + IV_BYTES);
    const sealed = bytes.subarray(3 + SALT_BYTES + IV_BYTES);
    if (iv.length !== IV_BYTES || sealed.length === 0) return { ok: false, reason: DAMAGED };
    try {
      compressed = new Uint8Array(
        await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: header as BufferSource }, await keyFrom(passphrase, salt), sealed as BufferSource),
      );
    } catch {
      // AES-GCM cannot tell a wrong passphrase from a changed link: both fail its check.
      return { ok: false, needsPassphrase: true, reason: 'That passphrase does not open this link, or the link was changed after it was made. Check the passphrase (capitals count) and try again. Nothing was changed.' };
    }
  } else return { ok: false, reason: DAMAGED };
  try {
    const text = decoder.decode(await pipe(compressed, new DecompressionStream('deflate-raw'), MAX_LINK_TEXT_BYTES));
    return { ok: true, text, encrypted: mode === ENCRYPTED };
  } catch (error) {
    return { ok: false, reason: error instanceof RangeError ? 'The link holds more than any progress from this site could. Nothing was changed.' : DAMAGED };
  }
}

const KIND_MISMATCH: Record<LinkKind, string> = {
  move: 'This is a link to a progress report, made to be read, not to move progress: open it as it was sent. Nothing was changed.',
  report: 'This is a link to move progress to another device, not a report: open it on “Your saved progress” to see what it holds. Nothing was changed.',
};

/** The value of `#<name>=<value>` in a location's hash, or undefined. */
export function fragmentValue(hash: string, kind: LinkKind): string | undefined {
  const prefix = `#${LINK_FRAGMENT[kind]}=`;
  return hash.startsWith(prefix) ? hash.slice(prefix.length) : undefined;
}

