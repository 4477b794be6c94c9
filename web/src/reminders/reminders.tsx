/**
 * Reminders: the days and time of the person's daily-session reminder (in their own time zone), then the two ways
 * to get it: a notification on this phone (Web Push) and a calendar subscription, for people who do not allow
 * notifications.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format.js';
import { api } from '../api/client.js';
import type { RemindersState } from '../api/types.js';
import { FieldError, Link, Loading, ScreenTitle } from '../ui/common.js';
import { WEEKDAYS, type Weekday } from '../../../src/core/reminder-record.js';
import { useFormState } from '../ui/use-form-state.js';
import { ReminderPushCard } from './reminder-push.js';
import { ReminderCalendarCard } from './reminder-calendar.js';
import './reminders.css';

const WEEKDAYS_ONLY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** "Monday 7 December, 07:30" in the person's own time zone and language. */
const nextText = (iso: string) =>
  formatDate(iso, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

export function RemindersScreen() {
  const { t } = useTranslation('reminders');
  const [state, setState] = useState<RemindersState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [days, setDays] = useState<Weekday[]>(WEEKDAYS_ONLY);
  const [time, setTime] = useState('08:00');
  const { error, busy, submit } = useFormState();
  const [saved, setSaved] = useState<string | null>(null);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const show = (s: RemindersState) => {
    setState(s);
    if (s.settings) {
      setDays(s.settings.days);
      setTime(s.settings.time);
    }
  };
  useEffect(() => {
    api<RemindersState>('GET', '/api/reminders').then(show, (e: Error) => setLoadError(e.message));
  }, []);

  function save(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    void submit(
      async () => {
        const s = await api<RemindersState>('PUT', '/api/reminders', { days, time, timeZone });
        show(s);
        setSaved(s.next ? t('saved', { next: nextText(s.next) }) : t('savedOff'));
      },
      {
        fallback: t('saveFailed'),
        // The server names body.days.2 or body.time; the form shows the message under its days or its time.
        adapt: (p) => ({
          field: (p.field ?? '').replace(/^body\./, '').split('.')[0],
          message: p.message.replace(/^body\.\w+(\.\d+)?: /, ''),
        }),
      },
    );
  }

  if (!state)
    return (
      <section className="screen">
        <ScreenTitle>{t('title')}</ScreenTitle>
        {loadError ? <FieldError message={loadError} /> : <Loading what={t('loading')} />}
      </section>
    );
  const toggle = (d: Weekday, on: boolean) =>
    setDays((cur) => WEEKDAYS.filter((x) => (x === d ? on : cur.includes(x))));
  return (
    <section className="screen">
      <ScreenTitle>{t('title')}</ScreenTitle>
      <p>{t('intro')}</p>
      <form className="card" onSubmit={save} noValidate>
        <fieldset className="reminder-days" aria-describedby={error?.field === 'days' ? 'days-err' : undefined}>
          <legend>{t('days.legend')}</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} className="check">
              <input type="checkbox" checked={days.includes(d)} onChange={(e) => toggle(d, e.target.checked)} />
              <span>{t(`days.${d}`)}</span>
            </label>
          ))}
        </fieldset>
        <FieldError id="days-err" message={error?.field === 'days' ? error.message : null} />
        <label htmlFor="reminder-time">{t('time')}</label>
        <input
          id="reminder-time"
          type="time"
          value={time}
          onChange={(e) => setTime(e.target.value)}
          required
          aria-describedby={`reminder-zone${error?.field === 'time' ? ' time-err' : ''}`}
        />
        <p id="reminder-zone" className="muted small">
          {t('zone', { timeZone })}
        </p>
        <FieldError id="time-err" message={error?.field === 'time' ? error.message : null} />
        {error && error.field !== 'days' && error.field !== 'time' && <FieldError message={error.message} />}
        <button type="submit" className="primary" disabled={busy}>
          {t('save')}
        </button>
        {saved && (
          <p className="success" role="status">
            {saved}
          </p>
        )}
        {!saved && state.next && <p className="muted">{t('next', { next: nextText(state.next) })}</p>}
      </form>
      <ReminderPushCard state={state} />
      <ReminderCalendarCard state={state} onChanged={show} />
      <p>
        <Link to="/settings">{t('back')}</Link>
      </p>
    </section>
  );
}
