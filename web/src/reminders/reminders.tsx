/**
 * Reminders: the days and time of the person's daily-session reminder (in their own time zone), then the two ways
 * to get it: a notification on this phone (Web Push) and a calendar subscription, for people who do not allow
 * notifications.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import type { RemindersState } from '../api/types.js';
import { FieldError, Link, Loading, ScreenTitle } from '../ui/common.js';
import { WEEKDAYS, type Weekday } from '../../../src/core/reminder-record.js';
import { ReminderPushCard } from './reminder-push.js';
import { ReminderCalendarCard } from './reminder-calendar.js';
import './reminders.css';

const DAY_LABELS: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const WEEKDAYS_ONLY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** "Monday 7 December, 07:30" in the person's own time zone. */
const nextText = (iso: string) => new Date(iso).toLocaleString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

export function RemindersScreen() {
  const [state, setState] = useState<RemindersState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [days, setDays] = useState<Weekday[]>(WEEKDAYS_ONLY);
  const [time, setTime] = useState('08:00');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const show = (s: RemindersState) => {
    setState(s);
    if (s.settings) { setDays(s.settings.days); setTime(s.settings.time); }
  };
  useEffect(() => { api<RemindersState>('GET', '/api/reminders').then(show, (e: Error) => setLoadError(e.message)); }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      const s = await api<RemindersState>('PUT', '/api/reminders', { days, time, timeZone });
      show(s);
      setSaved(s.next ? `Saved. Next reminder: ${nextText(s.next)}.` : 'Saved. No days chosen: reminders are off.');
    } catch (err) {
      const field = err instanceof ApiError ? (err.field ?? '').replace(/^body\./, '').split('.')[0]! : '';
      setError({ field, message: err instanceof ApiError ? err.message.replace(/^body\.\w+(\.\d+)?: /, '') : 'Could not save.' });
    }
  }

  if (!state) return <section className="screen"><ScreenTitle>Reminders</ScreenTitle>{loadError ? <FieldError message={loadError} /> : <Loading what="your reminders" />}</section>;
  const toggle = (d: Weekday, on: boolean) => setDays((cur) => WEEKDAYS.filter((x) => (x === d ? on : cur.includes(x))));
  return (
    <section className="screen">
      <ScreenTitle>Reminders</ScreenTitle>
      <p>A short reminder on the days you choose, at the time that suits you, so the session becomes a habit.</p>
      <form className="card" onSubmit={(e) => void save(e)} noValidate>
        <fieldset className="reminder-days" aria-describedby={error?.field === 'days' ? 'days-err' : undefined}>
          <legend>Days</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} className="check"><input type="checkbox" checked={days.includes(d)} onChange={(e) => toggle(d, e.target.checked)} /><span>{DAY_LABELS[d]}</span></label>
          ))}
        </fieldset>
        <FieldError id="days-err" message={error?.field === 'days' ? error.message : null} />
        <label htmlFor="reminder-time">Time</label>
        <input id="reminder-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} required aria-describedby={`reminder-zone${error?.field === 'time' ? ' time-err' : ''}`} />
        <p id="reminder-zone" className="muted small">In your time zone ({timeZone}); it stays at this time when the clocks change.</p>
        <FieldError id="time-err" message={error?.field === 'time' ? error.message : null} />
        {error && error.field !== 'days' && error.field !== 'time' && <FieldError message={error.message} />}
        <button type="submit" className="primary">Save reminder days</button>
        {saved && <p className="success" role="status">{saved}</p>}
        {!saved && state.next && <p className="muted">Next reminder: {nextText(state.next)}.</p>}
      </form>
      <ReminderPushCard state={state} />
      <ReminderCalendarCard state={state} onChanged={show} />
      <p><Link to="/settings">Back to your data</Link></p>
    </section>
  );
}
