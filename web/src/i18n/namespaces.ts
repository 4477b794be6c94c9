/**
 * The message catalogue's namespaces: one per feature folder of web/src (its texts live in
 * locales/<language>/<namespace>.json). Every namespace, the patient's and the clinician's, must be complete in
 * every language (test/i18n-catalogue.test.ts): a clinician whose browser (or Data page choice) is Spanish reads
 * the clinician screens in Spanish too.
 */
export const PATIENT_NAMESPACES = [
  'app',
  'account',
  'assessment',
  'body-map',
  'chain',
  'checkin',
  'gait',
  'messages',
  'outbox',
  'pictures',
  'progress',
  'references',
  'reminders',
  'safety',
  'session',
  'today',
  'ui',
  'walking',
] as const;

/** Screens only a clinician or a clinic's admin sees. (The assessment screens are the person's too, at /chain/*.) */
export const CLINICIAN_NAMESPACES = ['clinic', 'clinician-messages'] as const;

export type Namespace = (typeof PATIENT_NAMESPACES)[number] | (typeof CLINICIAN_NAMESPACES)[number];
