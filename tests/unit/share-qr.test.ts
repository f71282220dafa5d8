/** The QR code of a link reads back as the link (decoded by jsQR, an independent reader); a link too long for one is refused with its length. */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QR_MAX_CHARACTERS, qrFor } from '../../src/lib/share/qr';

/** Reading all of content/ or decoding a 1,273-character QR code: seconds on a loaded 2-core machine, so more than the 5 s default. */
const SLOW_TEST_MS = 60_000;

function decode(result: Extract<ReturnType<typeof qrFor>, { ok: true }>): string | undefined {
  const scale = 4;
  const pad = 4;
  const side = (result.modules + pad * 2) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const on = result.get(Math.floor(x / scale) - pad, Math.floor(y / scale) - pad);
      pixels.set(on ? [0, 0, 0, 255] : [255, 255, 255, 255], (y * side + x) * 4);
    }
  }
  return jsQR(pixels, side, side)?.data;
}

describe('a QR code of a link', () => {
  it('reads back as the link, short or at the limit', () => {
    for (const length of [80, 600, QR_MAX_CHARACTERS]) {
      const link = `https://study.example.org/my-data/#move=${'aB3_-'.repeat(400)}`.slice(0, length);
      const qr = qrFor(link);
      if (!qr.ok) throw new Error(qr.reason);
      expect(qr.path).toMatch(/^M[\d ]+L/);
      expect(decode(qr)).toBe(link);
    }
  }, SLOW_TEST_MS);

  it('is refused for a longer link, saying how long it is', () => {
    const qr = qrFor('x'.repeat(QR_MAX_CHARACTERS + 1));
    expect(qr).toEqual({ ok: false, reason: expect.stringContaining('The link is 1,274 characters long, too long for a QR code') });
  });
});
