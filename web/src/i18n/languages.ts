/**
 * The languages Footing speaks, which one a person reads, and the locale their dates and numbers follow.
 * English is the source language; Spanish covers the patient's screens (issue 14 item 8). A clinician's screens
 * are written in English and fall back to it where no Spanish text exists.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, as a person looks for it in a list. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/** The locale for dates and numbers: British English (day before month, as the app always wrote it), Spanish from Spain. */
export const FORMAT_LOCALE: Record<Language, string> = { en: 'en-GB', es: 'es-ES' };

export const isLanguage = (x: unknown): x is Language =>
  typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);

/** A saved choice wins; otherwise the first of the browser's languages Footing speaks; otherwise English. */
export function pickLanguage(saved: string | null, browser: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
