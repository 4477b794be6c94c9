/**
 * The message catalogue (i18next + react-i18next, issue 14 item 8): every text a screen shows is a key in
 * locales/<language>/<namespace>.json. One instance for the app, made here; screens call
 * `const { t } = useTranslation('<namespace>')`, plain modules take a `t` from their caller.
 *
 * i18next earns its place: plural rules per language (Intl.PluralRules, `_one`/`_other` keys), interpolation with
 * escaping handled by React, namespaces loaded from JSON a translator can edit, and fallback to English for
 * clinician screens; react-i18next re-renders every screen when the person switches language.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGUES } from './catalogues.js';
import { FORMAT_LOCALE, LANGUAGES, pickLanguage, type Language } from './languages.js';

const STORAGE_KEY = 'footing.language';

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: CATALOGUES,
  lng: pickLanguage(
    savedLanguage(),
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
  ),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  defaultNS: 'app',
  ns: [],
  // React escapes what it renders; escaping here too would show &amp; to the person.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function applyToDocument(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

/** The language on screen now. */
export const currentLanguage = (): Language => pickLanguage(i18n.language, []);

/** The locale dates and numbers follow now (e.g. en-GB, es-ES). */
export const formatLocale = (): string => FORMAT_LOCALE[currentLanguage()];

/** Switches every screen to another language and remembers the choice on this device. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts this visit */
  }
  await i18n.changeLanguage(lng);
}
