/** An invitation link as a QR code (PNG), to show on the clinician's screen and to put in the invitation email. */
import QRCode from 'qrcode';

/**
 * The PNG of a QR code holding `text`: error correction M (15 % of the code may be lost or smudged and it still
 * reads), the standard quiet zone of 4 modules, 6 pixels a module (about 300 px square; the screen shows it at
 * 240 px and scales it without blur).
 */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}
