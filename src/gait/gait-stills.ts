/**
 * The stills of a saved gait analysis: small pictures of the key moments of one stride per foot (initial contact,
 * mid stance, toe off; angle-curves.ts keyFrames) with the skeleton and the measured angles drawn on them, made on
 * the device from the video, so a clinician sees the walk later without the video. The record: type, validator,
 * version. Each picture is a JPEG or WebP of at most STILL_MAX_BYTES, checked by its bytes (not only its declared
 * type); the angles written beside it are the analysis's own at that moment. Pure.
 */
import { z } from 'zod';
import { KEY_EVENTS, type KeyEvent } from './angle-curves.js';

export const GAIT_STILLS_VERSION = 1;
/** A still may weigh at most 60 kB: a 480 px high JPEG at quality 0.7 is about 20-40 kB. */
export const STILL_MAX_BYTES = 60 * 1024;
/** Three moments for each foot. */
export const STILLS_MAX = 6;
/** The longest side of a still, px: enough to see a leg on a tablet, small enough to store. */
export const STILL_MAX_SIDE = 640;
export const STILL_TYPES = ['image/jpeg', 'image/webp'] as const;
export type StillType = (typeof STILL_TYPES)[number];

export interface GaitStill {
  event: KeyEvent;
  side: 'left' | 'right';
  /** Time of the moment in the video, s, and the frame's index in the keypoint series. */
  time: number;
  frame: number;
  /** The angles drawn on the picture, degrees (null when not measured there). */
  angles: { hip_deg: number | null; knee_deg: number | null; ankle_deg: number | null };
  type: StillType;
  width: number;
  height: number;
  /** The picture's bytes, base64. */
  data: string;
}

/** What a list of analyses carries of each still: everything but the picture (fetched on its own). */
export type GaitStillInfo = Omit<GaitStill, 'data'> & { bytes: number };

/** The stored column: the version and the stills. */
export interface GaitStillsRecord {
  version: typeof GAIT_STILLS_VERSION;
  stills: GaitStill[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The number of bytes a base64 text decodes to. */
export function base64Bytes(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

/** Which picture type the first bytes say (JPEG: FF D8 FF; WebP: "RIFF" .... "WEBP"), or null. */
export function sniffStillType(b64: string): StillType | null {
  let head: string;
  try {
    head = atob(b64.slice(0, 16));
  } catch {
    return null;
  }
  const byte = (i: number) => head.charCodeAt(i);
  if (byte(0) === 0xff && byte(1) === 0xd8 && byte(2) === 0xff) return 'image/jpeg';
  if (head.slice(0, 4) === 'RIFF' && head.slice(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

const kb = (n: number): string => `${Math.ceil(n / 1024)} kB`;
const angle = z.number().finite().min(-180).max(180).nullable();

export const GaitStillSchema = z
  .object({
    event: z.enum(KEY_EVENTS as [KeyEvent, ...KeyEvent[]]),
    side: z.enum(['left', 'right']),
    time: z.number().finite().min(0).max(3600),
    frame: z
      .number()
      .int()
      .min(0)
      .max(3600 * 240),
    angles: z.object({ hip_deg: angle, knee_deg: angle, ankle_deg: angle }).strict(),
    type: z.enum(STILL_TYPES, { error: `must be one of ${STILL_TYPES.join(', ')}` }),
    width: z.number().int().min(16).max(STILL_MAX_SIDE),
    height: z.number().int().min(16).max(STILL_MAX_SIDE),
    data: z.string().min(1, 'must hold the picture (base64)'),
  })
  .strict()
  .superRefine((s, ctx) => {
    // Size first, from the text's length alone: an oversized still is refused without decoding it.
    const bytes = base64Bytes(s.data);
    if (bytes > STILL_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['data'],
        message: `the picture is ${kb(bytes)}; a still may be at most ${kb(STILL_MAX_BYTES)} (make it smaller or lower its quality on the device)`,
      });
      return;
    }
    if (s.data.length % 4 !== 0 || !BASE64.test(s.data)) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: "must be the picture's bytes in base64" });
      return;
    }
    const sniffed = sniffStillType(s.data);
    if (sniffed === null) ctx.addIssue({ code: 'custom', path: ['data'], message: `is not a JPEG or WebP picture` });
    else if (sniffed !== s.type)
      ctx.addIssue({ code: 'custom', path: ['type'], message: `says ${s.type} but the picture is ${sniffed}` });
  });

/** The stills a client may send with an analysis: at most one per moment and foot. */
export const GaitStillsInput = z
  .array(GaitStillSchema)
  .max(STILLS_MAX, `must hold at most ${STILLS_MAX} stills (three moments for each foot)`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((s, i) => {
      const key = `${s.side} ${s.event}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i], message: `repeats the ${s.side} ${s.event.replace('_', ' ')}` });
      seen.add(key);
    });
  });

export const GaitStillsRecordSchema = z
  .object({ version: z.literal(GAIT_STILLS_VERSION), stills: GaitStillsInput })
  .strict();

export function stillsRecord(stills: GaitStill[]): GaitStillsRecord {
  return { version: GAIT_STILLS_VERSION, stills };
}

/** A still without its picture, with the picture's size. */
export function stillInfo(s: GaitStill): GaitStillInfo {
  const { data, ...rest } = s;
  return { ...rest, bytes: base64Bytes(data) };
}
