/**
 * The message catalogue's namespaces: one per feature folder of web/src (its texts live in
 * locales/<language>/<namespace>.json). The patient's namespaces must be complete in every language
 * (catalogue.test.ts); the clinician's may fall back to English.
 */
export const PATIENT_NAMESPACES = [
  'app', 'account', 'assessment', 'body-map', 'chain', 'checkin', 'gait', 'messages', 'outbox', 'pictures', 'progress', 'references',
  'reminders', 'safety', 'session', 'today', 'ui', 'walking',
] as const;

/** Screens only a clinician or a clinic's admin sees. (The assessment screens are the person's too, at /chain/*.) */
export const CLINICIAN_NAMESPACES = ['clinic', 'clinician-messages'] as const;

export type Namespace = (typeof PATIENT_NAMESPACES)[number] | (typeof CLINICIAN_NAMESPACES)[number];
