/**
 * "Add to my calendar": a private link to a calendar feed with the reminder as a repeating event, for people who do
 * not allow notifications. The link is shown once, when it is made (the server keeps only its hash); making a new
 * one stops the old one, and it can be turned off.
 */
import { useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { RemindersState } from '../api/types.js';
import { FieldError } from '../ui/common.js';

export function ReminderCalendarCard({ state, onChanged }: { state: RemindersState; onChanged: (s: RemindersState) => void }) {
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
    } catch (err) { setError(err instanceof ApiError ? err.message : 'Could not make a calendar link.'); }
  }
  async function turnOff() {
    setError(null);
    try {
      await api('DELETE', '/api/reminders/calendar');
      setUrl(null);
      await refresh();
    } catch (err) { setError(err instanceof ApiError ? err.message : 'Could not turn the calendar link off.'); }
  }
  async function copy() {
    if (!url) return;
    try { await navigator.clipboard.writeText(url); setCopied(true); } catch { setCopied(false); }
  }

  return (
    <div className="card">
      <h2>Add to my calendar</h2>
      <p>Your calendar app can show the reminder instead: it subscribes to a private link and follows your days and time when you change them here.</p>
      {url && (<>
        <label htmlFor="calendar-url">Your private calendar link (anyone with it sees your reminder times, nothing else)</label>
        <input id="calendar-url" className="calendar-url" type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
        <p>
          <a className="button primary" href={url.replace(/^https?:/, 'webcal:')}>Open in my calendar app</a>{' '}
          <button type="button" onClick={() => void copy()}>Copy link</button>
        </p>
        {copied && <p className="success" role="status">Copied.</p>}
        <p className="muted small">It is shown only now. For another device, make a new link (this one then stops working).</p>
      </>)}
      {!url && state.calendarFeed && <p>A calendar link is active. If you lost it, make a new one: the old one stops working.</p>}
      <p>
        <button type="button" onClick={() => void make()} disabled={!state.settings}>{state.calendarFeed || url ? 'Make a new link' : 'Make a calendar link'}</button>{' '}
        {(state.calendarFeed || url) && <button type="button" onClick={() => void turnOff()}>Turn off the calendar link</button>}
      </p>
      {!state.settings && <p className="muted small">Save your reminder days first.</p>}
      <FieldError message={error} />
    </div>
  );
}
