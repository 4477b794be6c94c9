/**
 * What counts as walking: one rule for every file Footing imports (Apple Health, FIT, TCX, GPX), so that the same
 * activity is kept or left out whatever device wrote it.
 *
 * The rule:
 * 1. **Step counts are always walking data.** A phone's or tracker's step count (Apple's StepCount records, a
 *    Fitbit day's steps) carries no activity: it is the day's steps, which is what the daily step evidence counts
 *    (DOMAIN.md §2b 2.5 [6]: volume of steps, pace added nothing). These are not activities and this module does not
 *    judge them.
 * 2. **An activity (a workout, a session, an activity or a track) counts as walking when its type is walking or
 *    hiking** (hiking is walking on trails). The program prescribes walking: its target follows WalkBack's
 *    individualised, progressive *walking* (DOMAIN.md §2a 2.1 and §2b 2.8 [5]) and grows from the person's own
 *    walking baseline.
 * 3. **An activity of another named type is left out, and said so by what it was.** Running is not walking for the
 *    walking target: the trial behind the target prescribed walking, not running [5]; running is another dose
 *    (faster, higher impact: about 130 steps/min and above is vigorous, §2b 2.7 [7]) and a named risk factor for
 *    plantar heel pain (§3.1 [13]), so counting a run as walking would raise a walking target on a load the program
 *    never prescribed. Rides, swims, paddling and snow sports are not walking at all.
 * 4. **An activity with no usable type** (none given, a catch-all such as "Other" or "generic", or words this rule
 *    does not know) counts as walking only in a file that has no way to say walking: GPX has no activity
 *    vocabulary (its `<type>` is free text, usually absent), and TCX's only sports are Running, Biking and Other
 *    (Garmin writes a walk as Other). There the person chose the file to bring in a walk. Apple Health and FIT
 *    name walking and hiking themselves, so there an unnamed or "Other" activity is not a walk.
 *
 * Pure: no I/O; used by every importer (src/importers) and by the texts of the web app and the CLI.
 */

/** What an activity was, as far as the rule is concerned. */
export type ActivityKind =
  'walking' | 'hiking' | 'running' | 'cycling' | 'swimming' | 'paddling' | 'snow-sports' | 'other' | 'unnamed';

/** Activities that are left out, by what they were ('other': an "Other" or unknown activity where walking has a name). */
export type NotWalkingActivity = Exclude<ActivityKind, 'walking' | 'hiking' | 'unnamed'>;

/**
 * Why a part of a file was left out: a non-walking activity, a record of other health data (Apple's heart rate,
 * sleep, ...), or a row of another person (a Fitbit study file imported for one Id).
 */
export type SkipReason = NotWalkingActivity | 'other-data' | 'other-person';

/** Counts of what a file left out, by reason. */
export type SkippedByReason = Partial<Record<SkipReason, number>>;

/** The file formats whose activities carry a type. */
export type ActivityFormat = 'apple-health' | 'fit' | 'tcx' | 'gpx';

/** Formats that can name walking (rule 4): there an activity of no known type is not a walk. */
const NAMES_WALKING: Readonly<Record<ActivityFormat, boolean>> = {
  'apple-health': true,
  fit: true,
  tcx: false,
  gpx: false,
};

/** Words of an activity type, lower case: "HKWorkoutActivityTypePaddleSports" -> ["paddle", "sports"]. */
function words(type: string): string[] {
  return type
    .replace(/^HKWorkoutActivityType/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** Kinds recognised from the words of a type, in order (a "walk/run" is a run; a wheelchair "walk pace" is not a walk,
 * motorcycling is not a ride). */
const KIND_WORDS: readonly [ActivityKind, (w: string) => boolean][] = [
  ['other', (w) => w === 'wheelchair' || w.startsWith('motor') || w === 'driving' || w === 'flying'],
  ['running', (w) => w === 'run' || w === 'running' || w === 'jog' || w === 'jogging' || w.endsWith('run')],
  ['cycling', (w) => w.includes('cycl') || w.startsWith('bik') || w.endsWith('bike') || w === 'ride' || w === 'biking'],
  ['swimming', (w) => w.startsWith('swim')],
  [
    'paddling',
    (w) =>
      w.startsWith('paddl') ||
      w.startsWith('kayak') ||
      w.startsWith('canoe') ||
      w === 'rowing' ||
      w === 'row' ||
      w === 'sup' ||
      w.startsWith('surf') ||
      w.startsWith('sail'),
  ],
  ['snow-sports', (w) => w.startsWith('ski') || w.startsWith('snowboard') || w.startsWith('skat')],
  ['hiking', (w) => w === 'hike' || w === 'hiking'],
  ['walking', (w) => w === 'walk' || w === 'walking'],
];

/**
 * What an activity type says it was: Apple's `workoutActivityType`, FIT's session `sport`, TCX's `Sport`, GPX's
 * `<type>`. 'unnamed' when there is none, it is a catch-all ("Other", "generic") or its words are not known here.
 */
export function activityKind(type: string | null | undefined): ActivityKind {
  const ws = type ? words(type) : [];
  for (const [kind, test] of KIND_WORDS) if (ws.some(test)) return kind;
  return 'unnamed';
}

/** The rule's answer for one activity: kept as walking, or left out as `kind`. */
export type WalkingVerdict = { walking: true } | { walking: false; kind: NotWalkingActivity };

/** Whether an activity of this type, in a file of this format, counts as walking (see the rule above). */
export function walkingVerdict(format: ActivityFormat, type: string | null | undefined): WalkingVerdict {
  const kind = activityKind(type);
  if (kind === 'walking' || kind === 'hiking') return { walking: true };
  if (kind === 'unnamed') return NAMES_WALKING[format] ? { walking: false, kind: 'other' } : { walking: true };
  return { walking: false, kind };
}

/** Words for each reason, one and many ("1 run", "2 runs"). */
export const SKIP_REASON_WORDS: Readonly<Record<SkipReason, readonly [string, string]>> = {
  running: ['run', 'runs'],
  cycling: ['bike ride', 'bike rides'],
  swimming: ['swim', 'swims'],
  paddling: ['paddling or rowing session', 'paddling or rowing sessions'],
  'snow-sports': ['ski or skating session', 'ski or skating sessions'],
  other: ['other activity (not walking)', 'other activities (not walking)'],
  'other-data': [
    'record of other health data (heart rate, sleep, ...)',
    'records of other health data (heart rate, sleep, ...)',
  ],
  'other-person': ['row of another person', 'rows of other people'],
};

/** The reasons that are activities (the others count records or rows), in the order they are listed. */
export const ACTIVITY_REASONS = [
  'running',
  'cycling',
  'swimming',
  'paddling',
  'snow-sports',
  'other',
] as const satisfies readonly NotWalkingActivity[];

/** Every reason, activities first: the stored import record's keys (src/core/import-record.ts). */
export const SKIP_REASONS = [
  ...ACTIVITY_REASONS,
  'other-data',
  'other-person',
] as const satisfies readonly SkipReason[];

/** How many activities were left out (the other reasons count records or rows, not activities). */
export function skippedActivities(by: SkippedByReason): number {
  return ACTIVITY_REASONS.reduce((n, r) => n + (by[r] ?? 0), 0);
}

/**
 * What a file left out, in words: "2 activities left out: 1 run, 1 paddling or rowing session; 120 records of other
 * health data (heart rate, sleep, ...)". Empty when nothing was left out.
 */
export function skippedText(by: SkippedByReason): string {
  const count = (r: SkipReason): string => {
    const n = by[r] ?? 0;
    return `${n.toLocaleString('en')} ${SKIP_REASON_WORDS[r][n === 1 ? 0 : 1]}`;
  };
  const parts: string[] = [];
  const activities = ACTIVITY_REASONS.filter((r) => (by[r] ?? 0) > 0);
  if (activities.length) {
    const n = skippedActivities(by);
    parts.push(
      `${n.toLocaleString('en')} ${n === 1 ? 'activity' : 'activities'} left out: ${activities.map(count).join(', ')}`,
    );
  }
  for (const r of ['other-data', 'other-person'] as const) if ((by[r] ?? 0) > 0) parts.push(`${count(r)} left out`);
  return parts.join('; ');
}
