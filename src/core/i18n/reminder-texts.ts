/**
 * The words of reminders and notices, per language (issue 14 item 8). The calendar feed's event
 * (src/core/reminder-calendar.ts): a calendar app fetches the feed with no sign-in and no language of the person's,
 * so the language travels in the link itself (`?lang=es`, added when the person makes the link on a Spanish screen).
 * The pushed notifications (src/services/reminder-dispatch.ts, message-notify.ts): in the language kept with each
 * browser's subscription (migration 0023). No health data, as in English.
 */
import type { Language } from '../language.js';

export interface CalendarWords {
  summary: string;
  description: string;
}

export const CALENDAR_WORDS: Record<Language, CalendarWords> = {
  en: {
    summary: 'Footing: today’s foot session',
    description: 'Your walk and foot exercises for today. Open Footing to start.',
  },
  es: {
    summary: 'Footing: la sesión de pies de hoy',
    description: 'Tu caminata y tus ejercicios de pies de hoy. Abre Footing para empezar.',
  },
};

/** The body of a pushed reminder and of a new-message notice to the patient (the title is always "Footing"). */
export interface PushWords {
  reminder: string;
  newMessage: string;
}

export const PUSH_WORDS: Record<Language, PushWords> = {
  en: {
    reminder: 'Time for today’s walk and foot exercises.',
    newMessage: 'You have a new message from your clinician.',
  },
  es: {
    reminder: 'Es la hora de la caminata y los ejercicios de pies de hoy.',
    newMessage: 'Tienes un mensaje nuevo de tu profesional.',
  },
};
