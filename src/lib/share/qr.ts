/**
 * A QR code for a link, as an SVG path (lean-qr: generated in the browser, nothing fetched). A
 * phone camera reads a code up to version 25 (117 modules a side) from a screen reliably; a longer
 * link is refused with its length, and the learner is offered the link or a file instead.
 */
import { correction, generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import { formatNumber, pluralWord } from '../format';

export const QR_MAX_VERSION = 25;
/** The most a version-25 code holds in byte mode at the lowest correction level (ISO/IEC 18004, table 7). */
export const QR_MAX_CHARACTERS = 1_273;

export type QrResult = { ok: true; modules: number; path: string; get: (x: number, y: number) => boolean } | { ok: false; reason: string };

export function qrFor(link: string): QrResult {
  try {
    const code = generate(link, { minCorrectionLevel: correction.L, maxVersion: QR_MAX_VERSION });
    return { ok: true, modules: code.size, path: toSvgPath(code), get: (x, y) => code.get(x, y) };
  } catch {
    return {
      ok: false,
      reason: `The link is ${formatNumber(link.length)} ${pluralWord(link.length, 'character')} long, too long for a QR code a phone can read from a screen (up to about ${formatNumber(QR_MAX_CHARACTERS)}). Copy the link instead, or export a file.`,
    };
  }
}
