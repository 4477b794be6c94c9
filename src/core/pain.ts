/**
 * Pain on the 0-10 numeric rating scale (NPRS), and what counts as a real change. DOMAIN.md §7 [39].
 */
import { z } from 'zod';
import {
  NPRS_MCID_FRACTION,
  NPRS_MCID_POINTS,
  PAIN_DURING_ACCEPTABLE_MAX,
  PAIN_DURING_SAFE_MAX,
} from './clinical-constants.js';
import { nprs } from './record-fields.js';

export const PAIN_SITES = ['back', 'neck', 'foot'] as const;
export type PainSite = (typeof PAIN_SITES)[number];

/** Body-map regions a person can mark (front/back diagram). The arms and hands are there because neck pain often
 * spreads into them; they are not links of the foot-to-neck chain (chain.ts REGION_SEGMENT). */
export const BODY_REGIONS = [
  'foot-sole',
  'heel',
  'ankle',
  'knee',
  'hip',
  'pelvis',
  'low-back',
  'mid-back',
  'neck',
  'shoulder',
  'upper-arm',
  'forearm',
  'hand',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];
export type Side = 'left' | 'right' | 'both' | 'centre';

/** Kinds of pain a person can pick on the pain map (plain words; not a diagnostic classification). */
export const PAIN_TYPES = ['aching', 'sharp', 'burning', 'tingling', 'numb', 'stiff'] as const;
export type PainType = (typeof PAIN_TYPES)[number];

/**
 * One area marked on the body map, with its pain score: part of a check-in (checkins.regions) and of a pain map
 * (pain_maps.marks), stored as JSON in both. The API takes it and the store reads it back with this validator.
 */
export const BodyMark = z
  .object({
    region: z.enum(BODY_REGIONS),
    side: z.enum(['left', 'right', 'both', 'centre']),
    intensity: nprs,
    view: z.enum(['front', 'back']).default('front'),
    /** What the pain feels like, in the person's words from a short list. */
    type: z.enum(PAIN_TYPES).optional(),
  })
  .strict();
export type BodyMark = z.infer<typeof BodyMark>;

/** Is this a valid NPRS score: an integer from 0 to 10? */
export function isNprs(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10;
}

/** Highest score of a check-in across back, neck and foot (0 when none was given). */
export function maxPain(c: { back: number | null; neck: number | null; foot: number | null }): number {
  return Math.max(c.back ?? 0, c.neck ?? 0, c.foot ?? 0);
}

/**
 * A meaningful improvement: down by at least 2 points, or by at least 30% of the starting value
 * (DOMAIN.md §7 [39], LBP consensus). Both scores are NPRS 0-10.
 */
export function isMeaningfulImprovement(before: number, after: number): boolean {
  const drop = before - after;
  if (drop <= 0) return false;
  return drop >= NPRS_MCID_POINTS || drop / before >= NPRS_MCID_FRACTION;
}

/** A meaningful worsening: up by at least 2 points (DOMAIN.md §8, regress rule anchored to the MCID). */
export function isMeaningfulWorsening(before: number, after: number): boolean {
  return after - before >= NPRS_MCID_POINTS;
}

/** The band of the pain-monitoring model for pain during activity (DOMAIN.md §8 [46]). */
export function activityPainBand(pain: number): 'safe' | 'acceptable' | 'high-risk' {
  if (pain <= PAIN_DURING_SAFE_MAX) return 'safe';
  if (pain <= PAIN_DURING_ACCEPTABLE_MAX) return 'acceptable';
  return 'high-risk';
}
