/**
 * Every catalogue file, bundled with the app (they are small: no request at start, and the app works offline).
 * One import per namespace and language; a new namespace is added here, in namespaces.ts and as two JSON files.
 */
import en_app from './locales/en/app.json' with { type: 'json' };
import en_account from './locales/en/account.json' with { type: 'json' };
import en_body_map from './locales/en/body-map.json' with { type: 'json' };
import en_chain from './locales/en/chain.json' with { type: 'json' };
import en_checkin from './locales/en/checkin.json' with { type: 'json' };
import en_gait from './locales/en/gait.json' with { type: 'json' };
import en_messages from './locales/en/messages.json' with { type: 'json' };
import en_outbox from './locales/en/outbox.json' with { type: 'json' };
import en_pictures from './locales/en/pictures.json' with { type: 'json' };
import en_progress from './locales/en/progress.json' with { type: 'json' };
import en_references from './locales/en/references.json' with { type: 'json' };
import en_reminders from './locales/en/reminders.json' with { type: 'json' };
import en_safety from './locales/en/safety.json' with { type: 'json' };
import en_session from './locales/en/session.json' with { type: 'json' };
import en_today from './locales/en/today.json' with { type: 'json' };
import en_ui from './locales/en/ui.json' with { type: 'json' };
import en_walking from './locales/en/walking.json' with { type: 'json' };
import en_clinic from './locales/en/clinic.json' with { type: 'json' };
import en_assessment from './locales/en/assessment.json' with { type: 'json' };
import en_clinician_messages from './locales/en/clinician-messages.json' with { type: 'json' };
import es_app from './locales/es/app.json' with { type: 'json' };
import es_account from './locales/es/account.json' with { type: 'json' };
import es_body_map from './locales/es/body-map.json' with { type: 'json' };
import es_chain from './locales/es/chain.json' with { type: 'json' };
import es_checkin from './locales/es/checkin.json' with { type: 'json' };
import es_gait from './locales/es/gait.json' with { type: 'json' };
import es_messages from './locales/es/messages.json' with { type: 'json' };
import es_outbox from './locales/es/outbox.json' with { type: 'json' };
import es_pictures from './locales/es/pictures.json' with { type: 'json' };
import es_progress from './locales/es/progress.json' with { type: 'json' };
import es_references from './locales/es/references.json' with { type: 'json' };
import es_reminders from './locales/es/reminders.json' with { type: 'json' };
import es_safety from './locales/es/safety.json' with { type: 'json' };
import es_session from './locales/es/session.json' with { type: 'json' };
import es_today from './locales/es/today.json' with { type: 'json' };
import es_ui from './locales/es/ui.json' with { type: 'json' };
import es_walking from './locales/es/walking.json' with { type: 'json' };
import es_clinic from './locales/es/clinic.json' with { type: 'json' };
import es_assessment from './locales/es/assessment.json' with { type: 'json' };
import es_clinician_messages from './locales/es/clinician-messages.json' with { type: 'json' };

export type Catalogue = Record<string, unknown>;

const en: Record<string, Catalogue> = {
  app: en_app,
  account: en_account,
  'body-map': en_body_map,
  chain: en_chain,
  checkin: en_checkin,
  gait: en_gait,
  messages: en_messages,
  outbox: en_outbox,
  pictures: en_pictures,
  progress: en_progress,
  references: en_references,
  reminders: en_reminders,
  safety: en_safety,
  session: en_session,
  today: en_today,
  ui: en_ui,
  walking: en_walking,
  clinic: en_clinic,
  assessment: en_assessment,
  'clinician-messages': en_clinician_messages,
};
const es: Record<string, Catalogue> = {
  app: es_app,
  account: es_account,
  'body-map': es_body_map,
  chain: es_chain,
  checkin: es_checkin,
  gait: es_gait,
  messages: es_messages,
  outbox: es_outbox,
  pictures: es_pictures,
  progress: es_progress,
  references: es_references,
  reminders: es_reminders,
  safety: es_safety,
  session: es_session,
  today: es_today,
  ui: es_ui,
  walking: es_walking,
  clinic: es_clinic,
  assessment: es_assessment,
  'clinician-messages': es_clinician_messages,
};

/** The catalogues by language, then namespace, as i18next takes them. */
export const CATALOGUES: Record<'en' | 'es', Record<string, Catalogue>> = { en, es };
