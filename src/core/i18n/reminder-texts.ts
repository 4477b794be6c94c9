/**
 * The reminder's words in the calendar feed (src/core/reminder-calendar.ts), per language (issue 14 item 8). A
 * calendar app fetches the feed with no sign-in and no language of the person's, so the language travels in the
 * link itself (`?lang=es`, added when the person makes the link on a Spanish screen). No health data, as in English.
 */
import type { Language } from '../language.js';

export interface CalendarWords { summary: string; description: string }

export const CALENDAR_WORDS: Record<Language, CalendarWords> = {
  en: { summary: 'Footing: today’s foot session', description: 'Your walk and foot exercises for today. Open Footing to start.' },
  es: { summary: 'Footing: la sesión de pies de hoy', description: 'Tu caminata y tus ejercicios de pies de hoy. Abre Footing para empezar.' },
};
