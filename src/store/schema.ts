/**
 * The database schema as Kysely types. One schema for SQLite and PostgreSQL: ids are generated text (UUIDs, never
 * auto-increment, which differs between the two), times are ISO 8601 text, JSON is stored as text and parsed by the
 * repositories with their zod validators (the record files, src/core/*-record.ts).
 */
import type { ColumnType, Generated } from 'kysely';
import type { ProgramEventAction, ProgramEventActor } from '../core/program-event-record.js';

export interface PeopleTable {
  id: string;
  display_name: string;
  birth_year: number | null;
  created_at: string;
}

export interface ScreensTable {
  id: string;
  person_id: string;
  taken_at: string;
  /** JSON: Record<questionId, boolean>. */
  answers: string;
  status: 'clear' | 'stop';
  urgency: string | null;
  /** JSON: the full ScreenResult. */
  result: string;
}

export interface ProgramsTable {
  person_id: string;
  stage: number;
  stage_started_on: string;
  started_on: string;
  status: 'active' | 'stopped';
  /** The last date the engine applied a decision (so it applies at most once a day). */
  decided_on: string | null;
  /** JSON: a clinician's dose changes per exercise (DoseOverrides), or null. */
  dose_overrides: string | null;
  /** JSON: a clinician's walking target or cap with its reason (WalkingOverride), or null. Migration 0011. */
  walking_override: string | null;
  updated_at: string;
}

export interface ProgramEventsTable {
  id: string;
  person_id: string;
  at: string;
  on_date: string;
  action: ProgramEventAction;
  from_stage: number | null;
  to_stage: number | null;
  /** JSON: Reason[] (src/core/program-event-record.ts). */
  reasons: string;
  actor: ProgramEventActor;
}

export interface SessionsTable {
  id: string;
  person_id: string;
  /** Set by the client so a retried or replayed (offline) upload is stored once. */
  client_id: string;
  date: string;
  started_at: string;
  completed_at: string;
  stage: number;
  status: 'completed' | 'partial';
  /** JSON: SessionItem[]. */
  items: string;
}

export interface CheckinsTable {
  id: string;
  person_id: string;
  at: string;
  date: string;
  context: 'daily' | 'before' | 'after';
  session_id: string | null;
  back: number | null;
  neck: number | null;
  foot: number | null;
  /** JSON: BodyMark[]. */
  regions: string;
  note: string | null;
  /** First-step heel pain 0-10 (plantar heel pain signal, DOMAIN.md §8). */
  heel_first_steps: number | null;
  /** 1 when the person reports new foot, knee or hip symptoms (the WalkBack signal, DOMAIN.md §2a 2.2). */
  new_lower_limb: number | null;
  /** The id the phone gave the check-in (unique per person): a resend is stored once. Null for a session's own. */
  client_id: string | null;
}

export interface PainMapsTable {
  id: string;
  person_id: string;
  recorded_at: string;
  recorded_by: string;
  marks: string;
}
export interface ScreeningResultsTable {
  id: string;
  person_id: string;
  test_id: string;
  values: string;
  recorded_at: string;
  recorded_by: string;
}
export interface OutcomeScoresTable {
  id: string;
  person_id: string;
  measure_id: string;
  inputs: string;
  score: number | null;
  recorded_at: string;
  recorded_by: string;
}
export interface GaitAnalysesTable {
  id: string;
  person_id: string;
  recorded_at: string;
  recorded_by: string;
  source_name: string;
  view: string;
  /** JSON: the gait analysis (events, metrics with confidence, warnings). */
  analysis: string;
  /** JSON: the keypoint series, kept so the analysis can be re-run; the video itself is not stored unless kept. */
  keypoints: string | null;
  video_kept: ColumnType<number, number | undefined, number>;
  video_path: string | null;
  /** JSON: the stills of the key moments (src/gait/gait-stills.ts, migration 0019), or null. */
  stills: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * Walking samples, a day of one stream per row (migration 0010, src/core/walking-chunk.ts): the key is the
 * stream's identity on that local date; `samples` holds its samples as encoded columns (sorted, unique).
 */
export interface WalkingSampleChunksTable {
  person_id: string;
  /** Local calendar date of the samples' starts, in their own offsets. */
  date: string;
  kind: string;
  source: string;
  /** '' when the source names no device (a primary key column cannot be NULL); read back as null. */
  device: string;
  unit: string;
  sample_count: number;
  /** encodeColumns() bytes (Buffer from both drivers). */
  samples: Uint8Array;
  /** The last import that added samples here; null when typed by hand or restored. */
  import_id: string | null;
  updated_at: string;
}

export interface ImportsTable {
  id: string;
  person_id: string;
  file_name: string;
  format: string;
  sha256: string;
  at: string;
  /** JSON summary of the import. */
  summary: string;
}

export interface WalkingDaysTable {
  person_id: string;
  date: string;
  steps: number;
  distance_m: number;
  minutes: number;
  speed_mps: number | null;
  cadence_spm: number | null;
  step_length_m: number | null;
  asymmetry_pct: number | null;
  double_support_pct: number | null;
  /** JSON: the sources that contributed, e.g. ["apple-health:iPhone", "manual"]. */
  sources: string;
}

export interface JobsTable {
  id: string;
  person_id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** JSON: kind-specific progress, e.g. {bytes, total, records}. */
  progress: string;
  /** JSON: the outcome when done or failed. */
  result: string | null;
  created_at: string;
  updated_at: string;
}

/** Install-wide settings (migration 0006): `mode` = 'accounts' once the first account exists. */
export interface SettingsTable {
  key: string;
  value: string;
}
export interface ClinicsTable {
  id: string;
  name: string;
  created_at: string;
}
export type AccountRole = 'patient' | 'clinician' | 'admin';
export interface AccountsTable {
  id: string;
  /** Lower-cased, trimmed. */
  email: string;
  display_name: string;
  /** scrypt$N$r$p$salt$hash (src/server/auth/password.ts); never the password. */
  password_hash: string;
  role: AccountRole;
  /** The patient's own person (patients only). */
  person_id: string | null;
  /** The clinic of a clinician or admin. */
  clinic_id: string | null;
  created_at: string;
}
/** Sign-in sessions: the cookie's token is stored only as its SHA-256. */
export interface AuthSessionsTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}
export interface SignInThrottleTable {
  email_hash: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}
/** An emailed password-reset link (migration 0016): the token's SHA-256, single use, expires. */
export interface PasswordResetsTable {
  token_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
/** One row per password-reset request and key (SHA-256 of the email or of the client address), for the hourly limits. */
export interface PasswordResetRequestsTable {
  id: string;
  key_hash: string;
  requested_at: string;
}
/** An invitation (token stored hashed) that becomes a patient's consent once accepted; revoked ends it. */
export interface CareLinksTable {
  id: string;
  clinic_id: string;
  clinician_account_id: string;
  person_id: string | null;
  token_hash: string;
  label: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}
/** Append-only (database triggers refuse UPDATE and DELETE). Route patterns only: never URLs, queries or bodies. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_account_id: string | null;
  actor_role: string;
  person_id: string;
  method: string;
  route: string;
  action: 'read' | 'write' | 'refused' | 'failed';
}

/**
 * The clinician's patient list: one row of figures per person (migration 0012, src/core/patient-list-figures.ts),
 * recomputed from the base tables by every write that changes them (src/store/repos/patient-list.ts).
 */
export interface PatientListFiguresTable {
  person_id: string;
  last_checkin_date: string | null;
  last_checkin_at: string | null;
  last_checkin_max_pain: number | null;
  last_session_date: string | null;
  /** The done sessions' window end, and its days as '1'/'0' from the end backwards. */
  done_sessions_end: string | null;
  done_sessions: string | null;
  /** The daily check-ins' window end, and their highest scores as "daysBeforeEnd:score,...". */
  daily_pain_end: string | null;
  daily_pain: string | null;
  pain_baseline: number | null;
  resumed_on: string | null;
  updated_at: string;
  /** Raised by every refresh: a judgement is stored only against the version it was worked out from (migration 0022). */
  version: Generated<number>;
  /** The date the judgement columns are for; null after a refresh (the list judges the row again). */
  judged_on: string | null;
  /** "Needs attention" as a sort key on judged_on: 1,000 for a red flag, plus one per reason. */
  attention_key: number | null;
  attention_reasons: number | null;
  /** Adherence this week on judged_on, as a fraction; null when there is none. */
  adherence7: number | null;
}

/** A person's reminder days and time (src/core/reminder-record.ts). Migration 0013. */
export interface ReminderSettingsTable {
  person_id: string;
  version: number;
  /** JSON: Weekday[]. */
  days: string;
  /** HH:MM, local time in time_zone. */
  time: string;
  /** IANA name, e.g. Europe/Madrid. */
  time_zone: string;
  updated_at: string;
  /** The local date of the last reminder claimed for sending (so none goes out twice). */
  last_sent_on: string | null;
  /** SHA-256 of the calendar feed's token; null: no feed. */
  calendar_token_hash: string | null;
}

/** A browser's Web Push subscription for a person's reminders. Migration 0013. */
export interface PushSubscriptionsTable {
  id: string;
  person_id: string;
  /** The push service's URL for this browser: unique, it names the subscription. */
  endpoint: string;
  /** The browser's P-256 public key and auth secret (base64url), for RFC 8291 encryption. */
  p256dh: string;
  auth: string;
  created_at: string;
  /** The language of its notifications, 'en' or 'es' (migration 0023; 'en' before). */
  language: ColumnType<string, string | undefined, string>;
}

/** A message between a patient and one of their clinicians (src/core/message-record.ts). Migration 0015. */
/** A clinician's browser subscribed to notices of new messages (migration 0021); columns as PushSubscriptionsTable. */
export interface ClinicianPushSubscriptionsTable {
  id: string;
  account_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: string;
}

export interface MessagesTable {
  id: string;
  version: number;
  person_id: string;
  clinician_account_id: string;
  sender: 'patient' | 'clinician';
  text: string;
  sent_at: string;
  /** When the other side opened the thread after it arrived; null while unread. */
  read_at: string | null;
}

/** Minutes a clinician logged on a patient's record (migration 0017; src/core/monitoring-minutes-record.ts). */
export interface MonitoringMinutesTable {
  id: string;
  person_id: string;
  account_id: string;
  version: number;
  date: string;
  minutes: number;
  note: string | null;
  logged_at: string;
}

export interface Database {
  jobs: JobsTable;
  walking_days: WalkingDaysTable;
  people: PeopleTable;
  screens: ScreensTable;
  programs: ProgramsTable;
  program_events: ProgramEventsTable;
  sessions: SessionsTable;
  checkins: CheckinsTable;
  walking_sample_chunks: WalkingSampleChunksTable;
  imports: ImportsTable;
  pain_maps: PainMapsTable;
  screening_results: ScreeningResultsTable;
  outcome_scores: OutcomeScoresTable;
  gait_analyses: GaitAnalysesTable;
  settings: SettingsTable;
  clinics: ClinicsTable;
  accounts: AccountsTable;
  auth_sessions: AuthSessionsTable;
  sign_in_throttle: SignInThrottleTable;
  care_links: CareLinksTable;
  password_resets: PasswordResetsTable;
  password_reset_requests: PasswordResetRequestsTable;
  audit_log: AuditLogTable;
  patient_list_figures: PatientListFiguresTable;
  reminder_settings: ReminderSettingsTable;
  push_subscriptions: PushSubscriptionsTable;
  clinician_push_subscriptions: ClinicianPushSubscriptionsTable;
  messages: MessagesTable;
  monitoring_minutes: MonitoringMinutesTable;
}

export type { Generated };
