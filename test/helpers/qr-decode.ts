/** For tests: reads a QR code out of a PNG (pngjs decodes the image, jsQR finds and reads the code). */
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS: under Node's ES modules its default import is module.exports, whose `default` is the function.
const jsQR = jsQRModule.default;

/** The text held by the QR code in this PNG, or null when none is found. */
export function decodeQrPng(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return (
    jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data ??
    null
  );
}

/** The PNG of a data: URL (data:image/png;base64,...). */
export function pngOfDataUrl(url: string): Buffer {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(url);
  if (!m) throw new Error(`not a PNG data URL: ${url.slice(0, 40)}`);
  return Buffer.from(m[1]!, 'base64');
}
