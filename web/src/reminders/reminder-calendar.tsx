/**
 * "Add to my calendar": a private link to a calendar feed with the reminder as a repeating event, for people who do
 * not allow notifications. The link is shown once, when it is made (the server keeps only its hash); making a new
 * one stops the old one, and it can be turned off.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.js';
import type { RemindersState } from '../api/types.js';
import { FieldError } from '../ui/common.js';

export function ReminderCalendarCard({
  state,
  onChanged,
}: {
  state: RemindersState;
  onChanged: (s: RemindersState) => void;
}) {
  const { t } = useTranslation('reminders');
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = async () => onChanged(await api<RemindersState>('GET', '/api/reminders'));

  async function make() {
    setError(null);
    setCopied(false);
    try {
      const { path } = await api<{ path: string }>('POST', '/api/reminders/calendar');
      setUrl(location.origin + path);
      await refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('calendar.makeFailed'));
    }
  }
  async function turnOff() {
    setError(null);
    try {
      await api('DELETE', '/api/reminders/calendar');
      setUrl(null);
      await refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('calendar.offFailed'));
    }
  }
  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="card">
      <h2>{t('calendar.title')}</h2>
      <p>{t('calendar.intro')}</p>
      {url && (
        <>
          <label htmlFor="calendar-url">{t('calendar.urlLabel')}</label>
          <input
            id="calendar-url"
            className="calendar-url"
            type="text"
            readOnly
            value={url}
            onFocus={(e) => e.target.select()}
          />
          <p>
            {/* i18n-ignore: a URL scheme */}
            <a className="button primary" href={url.replace(/^https?:/, 'webcal:')}>
              {t('calendar.open')}
            </a>{' '}
            <button type="button" onClick={() => void copy()}>
              {t('calendar.copy')}
            </button>
          </p>
          {copied && (
            <p className="success" role="status">
              {t('calendar.copied')}
            </p>
          )}
          <p className="muted small">{t('calendar.shownOnce')}</p>
        </>
      )}
      {!url && state.calendarFeed && <p>{t('calendar.active')}</p>}
      <p>
        <button type="button" onClick={() => void make()} disabled={!state.settings}>
          {state.calendarFeed || url ? t('calendar.makeNew') : t('calendar.make')}
        </button>{' '}
        {(state.calendarFeed || url) && (
          <button type="button" onClick={() => void turnOff()}>
            {t('calendar.turnOff')}
          </button>
        )}
      </p>
      {!state.settings && <p className="muted small">{t('calendar.saveFirst')}</p>}
      <FieldError message={error} />
    </div>
  );
}
