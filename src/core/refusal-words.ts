/**
 * Why the API refuses a request, by message id (issue 14 item 8): every refusal the server and the use cases make
 * (src/server/problem.ts Problem, src/services/service-error.ts ServiceError) carries `{ id, params }` from here, and
 * their constructors take nothing else, so a plain English sentence cannot come back as a refusal (tsc refuses it).
 * The English is written here once; the Spanish is src/core/i18n/refusal-texts.ts, typed against these ids (an id
 * without its Spanish fails tsc). The server answers in the request's language (Accept-Language) from the id.
 *
 * A refusal that wraps a record's own refusal (a field's validation, a questionnaire that cannot be scored, a backup
 * file's first bad field) keeps that refusal's id and English inside its parameters (`Worded`), so it is said in the
 * reader's language too.
 */
import type { OutcomeProblem } from './outcome-scoring.js';
import type { ValidationText } from './validation-words.js';

/** A record's refusal kept with its English (zod writes the English of its own issues; no id: English only). */
export interface Worded {
  message: string;
  text: ValidationText | null;
}

/** Footing's refusals, by id, in English. */
export const REFUSAL_EN = {
  // Signing in and the guard of every route (src/server/auth).
  'auth.sign-in-first': () => 'Sign in first.',
  'auth.local-mode': () =>
    'Footing runs in local mode (no accounts): there are no clinicians or sign-ins on this install.',
  'auth.csrf': (p: { header: string }) =>
    `This change needs the ${p.header} header from your sign-in; reload the page and try again.`,
  'auth.not-your-patient': () => 'No patient with this id among your patients (or they have withdrawn their consent).',
  'auth.no-access-level': () => 'This route declares no access level.',
  'auth.patient-only': () => 'Only a patient has their own health data here.',
  'auth.clinic-staff-only': () => 'Only clinicians of a clinic can do this.',
  'auth.admin-only': () => 'Only the clinic admin can do this.',
  'auth.clinicians-see-patients': () => 'Only clinicians can see patients.',
  'auth.health-records': () => 'Only a patient or a clinician of a clinic can read health records.',
  'sign-in.locked': (p: { minutes: number }) =>
    `Too many failed sign-ins with this email. Wait ${p.minutes} minutes and try again.`,
  'sign-in.failed': () => 'That email and password do not match an account.',
  // A password reset link (password-reset-routes.ts).
  'reset.used': () =>
    'This password reset link has already been used: each link works once. Ask for a new one from the sign-in page (Forgotten your password?).',
  'reset.expired': (p: { minutes: number }) =>
    `This password reset link has expired: links work for ${p.minutes} minutes. Ask for a new one from the sign-in page (Forgotten your password?).`,
  'reset.not-valid': () =>
    'This password reset link is not valid. Ask for a new one from the sign-in page (Forgotten your password?).',
  'reset.no-email': () => 'This Footing cannot send email. Ask your clinic to set a new password for you.',
  // Not a refusal: the answer to asking for a link, which the page shows as it is (the same for any email).
  'reset.sent': (p: { email: string; minutes: number }) =>
    `If an account has the email ${p.email}, a link to choose a new password is on its way there. It works once, within ${p.minutes} minutes. Nothing arrived? Look in your spam folder, or ask your clinic.`,
  'reset.limited': (p: { minutes: number }) =>
    `Too many password reset links were asked for, for this email or from this device. Wait ${p.minutes} minutes and try again.`,
  // An account and a clinician's invitation (account-routes.ts, invitation-share-routes.ts).
  'account.local-no-delete': () =>
    'Local mode has no account to delete. Your data is in the database file on this computer (footing export makes a copy).',
  'account.wrong-password': () => 'That password is not right; nothing was deleted.',
  'account.email-exists-sign-in': () =>
    'An account with this email exists: sign in, then open the invitation link again.',
  'invitation.not-valid': () => 'This invitation link is not valid. Ask your clinician for a new one.',
  'invitation.not-valid-any-more': () =>
    'This invitation link is not valid any more. Ask your clinician for a new one.',
  'invitation.used': (p: { status: 'active' | 'revoked' | 'expired' }) =>
    `This invitation is ${p.status === 'active' ? 'already accepted' : p.status}. Ask your clinician for a new one.`,
  'invitation.used-just-now': () =>
    'This invitation was used or expired a moment ago. Ask your clinician for a new one.',
  'invitation.already-sees': (p: { clinician: string }) => `${p.clinician} already sees your data.`,
  'invitation.not-yours': () => 'No such invitation of yours: create a new one.',
  'invitation.share-used': (p: { status: 'active' | 'revoked' | 'expired' }) =>
    `This invitation is ${p.status === 'active' ? 'already accepted' : p.status}: create a new one.`,
  'invitation.no-email': () =>
    'This Footing has no email settings (FOOTING_SMTP_URL): give the patient the link or let them scan the QR code.',
  'invitation.mail-limited': (p: { minutes: number }) =>
    `Too many invitation emails were sent, for this invitation or by you, in the last hour. Wait ${p.minutes} minutes, or give the patient the link or let them scan the QR code.`,
  'invitation.mail-failed': () =>
    'The mail server did not take the email. The invitation still works: give the patient the link or let them scan the QR code, or try again later.',
  'link.not-found': () => 'No such clinician link (or it was already revoked).',
  // The clinic admin's screen and the clinician's patient list (clinic-routes.ts).
  'clinic.email-exists': () => 'An account with this email exists.',
  'clinic.no-such-clinician': () => 'No such clinician in your clinic.',
  'clinic.own-admin': () => 'You cannot remove your own admin account here (use footing user commands).',
  'clinic.no-such-patient': () => 'No such patient among yours.',
  // Reminders, the calendar feed and the browsers' push subscriptions (reminder-routes.ts, push-subscription-routes.ts).
  'reminders.not-subscribed': () => 'This browser is not subscribed to reminders.',
  'reminders.choose-first': () => 'Choose your reminder days and time first, then make a calendar link.',
  'calendar.not-found': () => 'No calendar here: the link was replaced or turned off.',
  'notices.not-subscribed': () => 'This browser does not get notices of your patients’ messages.',
  'push.unknown-endpoint': () => 'No subscription has this endpoint: subscribe again from the page.',
  // Messages (message-routes.ts).
  'messages.no-clinician': () =>
    'No conversation with this clinician: they are not among the clinicians who see your data now.',
  // Files sent to the server (receive-upload.ts, import-routes.ts, gait-job-routes.ts, backup-routes.ts).
  'upload.server-full': () =>
    'The server has no room for this file just now. Nothing was stored; please tell whoever runs this Footing.',
  'upload.incomplete': () => 'The upload did not arrive whole. Nothing was stored; please try again.',
  'import.too-large': (p: { size: string }) =>
    `The file is larger than ${p.size}, the most this server takes. Nothing was stored.`,
  'import.octet-stream': () => 'Send the file as application/octet-stream',
  'job.not-found': () => 'No such job',
  'video.too-large': (p: { size: string }) =>
    `The video is larger than ${p.size}. Trim it to 10–20 seconds of walking, or analyse it on this device instead (nothing is uploaded then).`,
  'video.send-file': () =>
    'Send the video file itself as the request body (content-type video/* or application/octet-stream).',
  'video.empty': (p: { name: string }) => `${p.name}: the file is empty.`,
  'video.not-readable': (p: { name: string; frame?: number }) =>
    `${p.name}${p.frame !== undefined ? ` (frame ${p.frame})` : ''}: not a video we can read. Choose a video file of someone walking (MP4, MOV or WebM), as the phone's camera saved it.`,
  'video.analysis-unavailable': () =>
    'The pose model could not start on the server. Your video was deleted; try again later, or analyse it on this device.',
  'video.could-not-run': (p: { name: string; code: string }) =>
    `${p.name}: the analysis could not run (${p.code}). Your video was deleted.`,
  'video.too-long': (p: { name: string; seconds: number; max: number }) =>
    `${p.name} is ${p.seconds} s long; the server analyses videos up to ${p.max} s. Trim it to 10–20 seconds of walking.`,
  // A job's failure, kept in the job's stored result beside its English and said in the reader's language when the
  // job is read (src/server/jobs/job-failure.ts). `refusal` is the use case's own refusal that stopped an import.
  'job.import-refused': (p: { refusal: Said }) => `${saidEnglish(p.refusal)} Nothing from this file was stored.`,
  'job.import-internal': () => 'The import stopped with an internal error; nothing from this file was stored.',
  'video.missing': (p: { name: string }) =>
    `${p.name}: the uploaded video is no longer on the server. Please upload it again.`,
  // `warnings`: each filming warning's English message and advice (the gait analysis writes them in English only).
  'video.nothing-measured': (p: { name: string; warnings: string[] }) =>
    `${p.name}: nothing could be measured, so nothing was saved. ${
      p.warnings.length ? p.warnings.join(' ') : 'No step, angle or distance could be measured in it.'
    }`,
  'video.stopped': (p: { name: string }) =>
    `${p.name}: the analysis stopped with an error on our side. Your video was deleted; please try again, or analyse it on this device.`,
  'video.not-saved': (p: { name: string }) =>
    `${p.name}: the result could not be saved. Your video was deleted; please try again.`,
  // A job no process finished (src/store/repos/job-files.ts sweepJobFiles).
  'video.abandoned': () => 'The analysis did not finish in time, so the video was deleted. Please try again.',
  'gait.no-keypoints': () => 'No such gait analysis with body points',
  'still.not-found': () => 'No such still of a gait analysis',
  'backup.not-json': (p: { path: string; words: string }) => `Backup file at ${p.path}: not valid JSON: ${p.words}`,
  'backup.field': (p: { path: string; refusal: Worded }) => `Backup file at ${p.path}: ${p.refusal.message}`,
  // The use cases (src/services).
  'request.date': () => 'date must be a calendar date like 2026-11-25',
  'report.period-order': (p: { from: string; to: string }) => `The period starts (${p.from}) after it ends (${p.to}).`,
  'person.not-found': () => 'No such person.',
  'program.safety-first': () => 'Answer the safety check before your first session.',
  'program.paused': () => 'The program is paused after a safety answer; see a clinician first.',
  'program.not-started': () => 'This patient has not started the program yet (the safety questions come first).',
  'program.paused-for-clinician': () =>
    'The program is paused after a safety answer: the patient restarts it by answering the safety questions again once you have checked them.',
  // program-transitions.ts RESUME_NEEDS_CLINICIAN (its test holds the two equal).
  'program.resume-needs-clinician': () =>
    'The program was paused by a safety answer. Restart it only after a clinician has checked you: tick that a clinician has checked you and answer the questions again.',
  'minutes.not-found': () => 'No entry of minutes you logged has that id on this record.',
  // A record's own refusal at its field (a validation, a questionnaire that cannot be scored).
  'field.refused': (p: { refusal: Worded }) => p.refusal.message,
  'field.at': (p: { field: string; refusal: Worded }) => `${p.field}: ${p.refusal.message}`,
  'outcome.refused': (p: { field: string; problem: OutcomeProblem }) => `${p.field}: ${p.problem.message}`,
  // A FHIR search's parameter at fault (src/core/fhir/search-params.ts): a machine's API, whose answers are FHIR
  // OperationOutcomes in English; its parser's words are kept as they are and a Spanish reader is told so.
  'fhir.search': (p: { param: string; words: string }) => p.words,
  // The request itself (app.ts, framework-errors.ts, request-target.ts).
  'request.too-large': (p: { size: string | null }) =>
    `The request is larger than ${p.size ?? 'this route takes'}${p.size ? ', the most this route takes' : ''}. Nothing was stored.`,
  'request.rate-limited': () => 'Too many requests from this address. Wait a minute, then try again.',
  'request.not-read': (p: { words: string | null }) => p.words ?? 'The body could not be read.',
  'request.content-type': (p: { words: string | null }) => p.words ?? 'This content type is not accepted here.',
  'request.refused': (p: { words: string | null }) => p.words ?? 'Bad request',
  'request.no-route': (p: { method: string; path: string }) => `No API route ${p.method} ${p.path}`,
  'request.not-found': (p: { words: string | null }) => p.words ?? 'Not found',
  'request.internal': () => 'Something went wrong on our side. Your data was not changed.',
  'target.double-slash': () => 'The request target starts with "//"; send a path such as /api/health.',
  'target.scheme': (p: { scheme: string }) =>
    `The request target uses the scheme "${p.scheme}"; only http and https URLs are served.`,
  'target.no-host': () => 'The absolute request target has no host.',
  'target.path-double-slash': () => 'The path of the request target starts with "//"; send a path such as /api/health.',
  'target.asterisk': () =>
    'The asterisk request target (server-wide OPTIONS) is not served; send a path such as /api/health.',
  'target.not-a-path': () => 'The request target is not a path or an http(s) URL; send a path such as /api/health.',
  // The FHIR REST API (fhir-rest-routes.ts): a machine's API, but its refusals have ids like every other.
  'fhir.not-found': (p: { what: string }) => `${p.what} is not found.`,
  'fhir.not-a-parameter': (p: { param: string; of: string }) => `${p.param}: not a parameter of ${p.of}`,
  'fhir.name-the-patient': (p: { param: string }) =>
    `${p.param}: a clinician's search names the patient (${p.param}=<id>)`,
  'fhir.everything-whole': (p: { param: string }) =>
    `${p.param}: not supported by $everything here (it returns the whole record)`,
} satisfies Record<string, (p: never) => string>;

type Words = typeof REFUSAL_EN;
export type RefusalId = keyof Words;
/** The parameters a refusal takes (none for a fixed sentence). */
export type RefusalParams<K extends RefusalId> = Parameters<Words[K]> extends [infer P] ? P : Record<string, never>;

/** A refusal's words as the API keeps them until it answers: the id and its parameters. */
export interface RefusalText<K extends RefusalId = RefusalId> {
  id: K;
  params: RefusalParams<K>;
}

/** A refusal by id: `refusal('clinic.email-exists')`, `refusal('sign-in.locked', { minutes: 15 })`. */
export function refusal<K extends RefusalId>(
  id: K,
  ...params: Parameters<Words[K]> extends [] ? [] : [RefusalParams<K>]
): RefusalText<K> {
  return { id, params: (params[0] ?? {}) as RefusalParams<K> };
}

/** The English of a refusal. */
export function refusalEnglish(t: RefusalText): string {
  return (REFUSAL_EN[t.id] as (p: unknown) => string)(t.params);
}

/**
 * What a refusal says: a message id of this file, or a record's own refusal with its id (an English-only `Worded`
 * goes only inside a refusal's parameters, whose Spanish quotes it: a plain sentence cannot be a refusal).
 */
export type Said = RefusalText | (Worded & { text: ValidationText });

/** The English of what a refusal says (the CLI's words). */
export const saidEnglish = (said: Said): string => ('message' in said ? said.message : refusalEnglish(said));
