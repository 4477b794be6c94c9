/**
 * A saved gait analysis: the analysis JSON of one clip (analysis-json.ts, plus the region of interest the person
 * chose), the compacted keypoint series it was made from (compact-keypoints.ts, kept so it can be re-run) and the
 * stills of its key moments (gait-stills.ts). Its type, the validators of what a client may send to be stored
 * (POST /api/gait-analyses) and the version of its stored form, in one place: the API, the store, the server's
 * video job, the reports and the web app import them from here.
 *
 * Every number is bounded by what a phone video and a human body can produce, and every list by what one clip can
 * hold, so a client cannot store a metric of 1e308 degrees, a cadence of -5, or ten megabytes of invented frames.
 * Bounds are plausibility limits (what could ever be measured), far wider than the clinical reference ranges of
 * reference-ranges.ts (what is typical): a value outside them is not an unusual walk, it is not a measurement.
 *
 * Stored in table `gait_analyses` (migration 0002; `stills` since 0019): `analysis` and `keypoints` as JSON,
 * `stills` as JSON (GaitStillsRecordSchema) or null. Version 1; its older rows differ only by what they lack, and
 * are read as they are: no `setting` or `mode` (saved before in-place walking and running were recognised: read as
 * an overground walk), no `angle_curves` (saved before the curves were made), no stills (before 0019). A change
 * that is not such an addition bumps the version and adds here the reading of the older form, with a test.
 */
import { z } from 'zod';
import { CYCLE_POINTS, CYCLE_STEP_PCT } from './angle-curves.js';
import { LANDMARKS } from './keypoints.js';
import type { GaitAnalysisJson } from './analysis-json.js';
import type { GaitStillInfo } from './gait-stills.js';

export const GAIT_ANALYSIS_RECORD_VERSION = 1;

/**
 * The most frames a saved keypoint series may hold: 40 s at 60 fps (80 s at 30 fps). The filming guide asks for
 * 10-20 s of walking; one person's compacted frame is about 3.2 KB of JSON, so a full series stays near 7.7 MB,
 * under the route's body limit (SAVED_ANALYSIS_MAX_BYTES).
 */
export const SAVED_MAX_FRAMES = 2400;
/** The largest request body the save route reads (a 10 MB body is refused before it is parsed). */
export const SAVED_ANALYSIS_MAX_BYTES = 8 * 1024 * 1024;
/** Frames larger than 8K on either side are not phone video. */
const MAX_PIXELS = 8192;
/** Times within one clip: an hour is far beyond any clip the app analyses (the server takes 60 s). */
const MAX_SECONDS = 3600;
/** A frame's index or a count of frames within MAX_SECONDS at 240 fps (the highest frame rate accepted). */
const frameIndex = z
  .number()
  .int()
  .min(0)
  .max(MAX_SECONDS * 240);

/**
 * Plausible range of a metric, from the unit its JSON name ends with (analysis-json.ts names every metric with
 * its unit). A new metric must use one of these units, so it is bounded from its first day.
 */
export const METRIC_UNIT_BOUNDS: ReadonlyArray<{ suffix: string; min: number; max: number; why: string }> = [
  { suffix: '_spm', min: 0, max: 400, why: 'steps per minute (sprinting cadence stays under ~300)' },
  { suffix: '_s', min: 0, max: 10, why: 'seconds of one step, stride or phase' },
  { suffix: '_pct', min: 0, max: 100, why: 'percent of the gait cycle' },
  { suffix: '_ratio', min: 0, max: 20, why: 'a left/right ratio' },
  { suffix: '_deg', min: -180, max: 180, why: 'an angle in degrees' },
  { suffix: '_mps', min: 0, max: 15, why: 'metres per second (faster than any human run)' },
  { suffix: '_m', min: 0, max: 5, why: 'metres of one step or stride' },
];

/** The most metrics one analysis may hold (a clip gives about twenty). */
export const MAX_METRICS = 64;

export function metricBounds(name: string): { min: number; max: number } | null {
  return METRIC_UNIT_BOUNDS.find((b) => name.endsWith(b.suffix)) ?? null;
}

const finite = z.number().finite();
const text = (max: number) => z.string().max(max);
const unitInterval = finite.min(0).max(1);

const ReferenceJson = z.object({ min: finite, max: finite, unit: text(40), source: text(200) }).strict();

const MetricJson = z
  .object({
    value: finite.nullable(),
    confidence: unitInterval,
    n: z.number().int().min(0).max(10_000).optional(),
    left: finite.optional(),
    right: finite.optional(),
    reason: text(500).optional(),
    reference: ReferenceJson.optional(),
  })
  .strict();

/** The metrics map: names with a known unit, each of its numbers (value, left, right) within that unit's bounds. */
const Metrics = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'must be a metric name such as cadence_spm'), MetricJson)
  .superRefine((metrics, ctx) => {
    const names = Object.keys(metrics);
    if (names.length > MAX_METRICS)
      ctx.addIssue({ code: 'custom', message: `holds ${names.length} metrics; at most ${MAX_METRICS}` });
    for (const name of names) {
      const b = metricBounds(name);
      if (!b) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `has no known unit (its name must end with ${METRIC_UNIT_BOUNDS.map((u) => u.suffix).join(', ')})`,
        });
        continue;
      }
      const m = metrics[name]!;
      for (const field of ['value', 'left', 'right'] as const) {
        const v = m[field];
        if (typeof v === 'number' && (v < b.min || v > b.max))
          ctx.addIssue({
            code: 'custom',
            path: [name, field],
            message: `${v} is outside ${b.min} to ${b.max}, the plausible range`,
          });
      }
    }
  });

const Times = z.array(finite.min(0).max(MAX_SECONDS)).max(1000);
const FootEvents = z.object({ heel_strike: Times, toe_off: Times }).strict();

const Roi = z
  .object({
    x: finite.min(0).max(MAX_PIXELS),
    y: finite.min(0).max(MAX_PIXELS),
    width: finite.min(1).max(MAX_PIXELS),
    height: finite.min(1).max(MAX_PIXELS),
  })
  .strict();

/** One joint's mean curve: the stride count and one angle per CYCLE_POINTS point of the cycle. */
const JointCurveJson = z
  .object({ strides: z.number().int().min(1).max(1000), mean: z.array(finite.min(-180).max(180)).length(CYCLE_POINTS) })
  .strict()
  .nullable();
const SideCurvesJson = z
  .object({
    toe_off_pct: finite.min(0).max(100).nullable(),
    hip_deg: JointCurveJson,
    knee_deg: JointCurveJson,
    ankle_deg: JointCurveJson,
  })
  .strict()
  .nullable();
/** Angle curves over the gait cycle (angle-curves.ts, analysis-json.ts): the step is the one the curves are made at. */
const AngleCurvesJson = z
  .object({
    step_pct: z.literal(CYCLE_STEP_PCT),
    left: SideCurvesJson,
    right: SideCurvesJson,
    reason: text(500).optional(),
  })
  .strict();

export const SavedAnalysisJson = z
  .object({
    video: text(300),
    fps: finite.min(1).max(240),
    frames: frameIndex,
    view: text(20),
    direction: text(40),
    // Absent in analyses saved before in-place walking and running were recognised (read as overground walks).
    setting: z.enum(['overground', 'in-place', 'unknown']).optional(),
    mode: z.enum(['walk', 'run', 'unknown']).optional(),
    treadmill_kmh: finite.min(0.5).max(30).optional(),
    events: z.object({ left: FootEvents, right: FootEvents }).strict(),
    metrics: Metrics,
    warnings: z
      .array(z.object({ code: text(60), severity: text(20), message: text(1000), advice: text(1000) }).strict())
      .max(50),
    tracks: z
      .array(
        z
          .object({
            id: z.number().int().min(0).max(100_000),
            frames: frameIndex,
            firstFrame: frameIndex,
            score: finite.min(0).max(1e6),
          })
          .strict(),
      )
      .max(100),
    track_id: z.number().int().min(0).max(100_000).nullable(),
    roi: Roi.optional(),
    // Absent in analyses saved before the curves were made.
    angle_curves: AngleCurvesJson.optional(),
  })
  .strict();

// Keypoints: a missing landmark's coordinates are NaN in memory and null in JSON (compact-keypoints.ts).
const coord = (limit: number) => finite.min(-limit).max(limit).nullable();
/** Image positions may fall somewhat outside the frame (a foot leaving it); a frame's width beyond is not a body. */
const ImagePoint = z
  .object({ x: coord(2 * MAX_PIXELS), y: coord(2 * MAX_PIXELS), visibility: unitInterval.nullable() })
  .strict();
/** World positions are metres from the hips: a body is within a few metres of its own centre. */
const WorldPoint = z.object({ x: coord(5), y: coord(5), z: coord(5), visibility: unitInterval.nullable() }).strict();
const Person = z
  .object({
    score: unitInterval.nullable(),
    image: z.array(ImagePoint).length(LANDMARKS.length),
    world: z.array(WorldPoint).length(LANDMARKS.length).nullable(),
  })
  .strict();

export const SavedKeypointSeries = z
  .object({
    model: text(200),
    width: z.number().int().min(1).max(MAX_PIXELS),
    height: z.number().int().min(1).max(MAX_PIXELS),
    fps: finite.min(1).max(240),
    frames: z
      .array(
        z
          .object({
            index: frameIndex,
            time: finite.min(0).max(MAX_SECONDS),
            people: z.array(Person).max(4),
          })
          .strict(),
      )
      .max(
        SAVED_MAX_FRAMES,
        `must hold at most ${SAVED_MAX_FRAMES} frames (40 s at 60 fps); analyse 10-20 s of walking`,
      ),
  })
  .strict();

/** Whom an analysis made on the server followed (its video job adds it; the browser's analyses have none). */
const PersonChoiceJson = z
  .object({
    method: z.enum(['roi', 'auto', 'person', 'none']),
    chosen: z.number().int().min(0).max(100_000).nullable(),
    frames_analysed: z.object({ first: frameIndex, last: frameIndex }).strict().optional(),
  })
  .strict();
export type StoredPersonChoice = z.infer<typeof PersonChoiceJson>;

/**
 * The stored analysis JSON: the analysis as analysis-json.ts writes it, with the region the person chose; one made
 * by the server's video job also says whom it followed and that it ran there. One taken from a FHIR file
 * (src/services/import-gait.ts) says which file: it holds the metrics only (no events, curves or stills).
 */
export type StoredGaitAnalysis = GaitAnalysisJson & {
  roi?: { x: number; y: number; width: number; height: number };
  person?: StoredPersonChoice;
  analysed_on?: 'server';
  imported_from?: { file: string; format: 'fhir' };
};

/**
 * The one validator of a stored analysis, whoever writes it (the save route's client analysis, the server's video
 * job, a FHIR file's import) and when the store reads it back: what a client may send (SavedAnalysisJson), plus
 * what only the server writes. An imported analysis has no video, so its fps is 0; every other one has frames.
 */
export const StoredGaitAnalysisJson = SavedAnalysisJson.extend({
  fps: finite.min(0).max(240),
  person: PersonChoiceJson.optional(),
  analysed_on: z.literal('server').optional(),
  imported_from: z
    .object({ file: text(300), format: z.literal('fhir') })
    .strict()
    .optional(),
}).refine((a) => a.fps >= 1 || a.imported_from !== undefined, {
  path: ['fps'],
  message: 'must be at least 1 (only an analysis imported from a file has no video)',
});

/** The stored analysis checked by StoredGaitAnalysisJson: null when it holds, else where and what is wrong. */
export function storedAnalysisProblem(value: unknown): string | null {
  const r = StoredGaitAnalysisJson.safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return `${issue.path.length ? `at ${issue.path.join('.')}: ` : ''}${issue.message}`;
}

/** A stored gait analysis, as the store reads it and the API returns it (without its keypoints or the stills' pictures). */
export interface GaitAnalysisRecord {
  id: string;
  recordedAt: string;
  recordedBy: string;
  sourceName: string;
  view: string;
  analysis: StoredGaitAnalysis;
  hasKeypoints: boolean;
  videoKept: boolean;
  /** The stills of the key moments, without their pictures (GET .../gait-analyses/:id/stills/:index has each). */
  stills: GaitStillInfo[];
}
