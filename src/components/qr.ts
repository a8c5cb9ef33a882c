// QR codes for share links, drawn locally (uqr encodes; we draw one SVG path, so nothing is fetched and
// no markup is built from text). Past QR_MAX_VERSION a code is too dense for a phone to read off a
// projector or a laptop screen, so the caller is told the link is too long and offers the file instead.
import { encode } from 'uqr';

/** Version 25 = 117×117 modules, up to 1,273 bytes at error-correction level L. */
export const QR_MAX_VERSION = 25;
/** Quiet zone around the code, in modules (the QR standard asks for 4). */
export const QR_BORDER = 4;

export interface QrDrawing {
  /** Modules per side, quiet zone included: the SVG viewBox is 0 0 size size. */
  size: number;
  /** One path of unit squares, one per dark module. */
  d: string;
  version: number;
}

/** The QR drawing of `text`, or null when it does not fit in QR_MAX_VERSION. */
export function qrDrawing(text: string): QrDrawing | null {
  let qr: ReturnType<typeof encode>;
  try {
    qr = encode(text, { ecc: 'L', maxVersion: QR_MAX_VERSION, border: QR_BORDER });
  } catch {
    return null;
  }
  if (qr.version > QR_MAX_VERSION) return null;
  let d = '';
  qr.data.forEach((row, y) => {
    // Runs of dark modules become one rectangle each: a much shorter path than one square per module.
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size: qr.size, d, version: qr.version };
}
