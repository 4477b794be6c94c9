/**
 * The language the app speaks on this device (issue 14 item 8). Changing it re-renders every screen at once and is
 * remembered on this device; dates and numbers follow it too. Each language is listed in its own name.
 */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '../i18n/languages.js';
import { setLanguage } from '../i18n/i18n.js';

export function LanguageChoice() {
  const { t, i18n } = useTranslation('account');
  return (
    <div className="card">
      <h2>{t('language.title')}</h2>
      <label htmlFor="language">{t('language.label')}</label>
      <select
        id="language"
        value={i18n.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) void setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <p className="muted small">{t('language.note')}</p>
    </div>
  );
}
