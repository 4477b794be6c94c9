/**
 * Your data: download a backup (all of your data as one JSON file), restore one (an invalid file changes
 * nothing and the error says where in the file the problem is), sessions still waiting to upload, sound.
 */
import { useState, type ChangeEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import { FieldError, Link, ScreenTitle } from '../ui/common.js';
import { OutboxStatus } from '../outbox/outbox-status.js';
import { isMuted, setMuted } from '../session/cues.js';
import { navigate } from '../lib/router.js';
import { LanguageChoice } from './language-choice.js';

// `pending` (sessions waiting) is still passed by the shell; OutboxStatus reads the outbox itself, check-ins and walks too.
export function Settings({ onChanged }: { pending: number; onChanged: () => void }) {
  const [importError, setImportError] = useState<string | null>(null);
  const [importDone, setImportDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [muted, setMute] = useState(isMuted());

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setImportError(null);
    setImportDone(null);
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      const res = await api<{ restored: Record<string, number> }>('POST', '/api/import-backup', text);
      const added = Object.entries(res.restored ?? {}).filter(([, v]) => v > 0).map(([k, v]) => `${v} ${k.replace(/([A-Z])/g, ' $1').toLowerCase()}`);
      setImportDone(added.length ? `Backup restored: added ${added.join(', ')}.` : 'Backup read: nothing new, everything in it is already here.');
      onChanged();
    } catch (err) {
      const msg = err instanceof ApiError ? err.message : 'could not be read';
      setImportError(`${file.name}: ${msg}${/[.!?]$/.test(msg) ? '' : '.'} Nothing was changed.`);
    } finally {
      setBusy(false);
      e.target.value = '';
    }
  }

  return (
    <section className="screen">
      <ScreenTitle>Your data</ScreenTitle>
      <div className="card">
        <h2>Back up</h2>
        <p>Download everything Footing keeps about you (answers, plan history, sessions, check-ins, walking) as one file. Keep it somewhere safe, or show it to your clinician.</p>
        <a className="button primary" href="/api/export" download>Download backup</a>
      </div>
      <div className="card">
        <h2>Restore a backup</h2>
        <p>Adds what is in a backup file and not on this device yet (restoring the same file twice adds nothing). If the file has a problem, nothing is changed.</p>
        <label htmlFor="import-file" className="button">Choose a backup file</label>
        <input id="import-file" className="file-input" type="file" accept="application/json,.json" onChange={onFile} disabled={busy} aria-describedby="import-err" />
        <FieldError id="import-err" message={importError} />
        {importDone && <p className="success" role="status">{importDone}</p>}
      </div>
      <div className="card">
        <h2>Waiting to be sent</h2>
        <OutboxStatus onSent={onChanged} empty="Nothing is waiting: everything you saved on this phone has been sent." />
      </div>
      <div className="card">
        <h2>Reminders</h2>
        <p>Choose days and a time for a reminder: a notification on this phone, or an event in your calendar.</p>
        <Link to="/reminders">Set reminders</Link>
      </div>
      <LanguageChoice />
      <div className="card">
        <h2>Sound</h2>
        <label className="check">
          <input type="checkbox" checked={!muted} onChange={(e) => { setMuted(!e.target.checked); setMute(!e.target.checked); }} />
          <span>Beeps and spoken cues during sessions</span>
        </label>
      </div>
      <div className="card">
        <h2>Safety check</h2>
        <p>If something has changed (new symptoms, a new diagnosis), answer the safety questions again.</p>
        <button type="button" onClick={() => navigate('/screen')}>Answer the safety check again</button>
      </div>
      <div className="card">
        <h2>Where the evidence comes from</h2>
        <p>Every claim Footing makes names its sources and how strong the evidence is. All of them, with links to the studies and guidelines, are on one page.</p>
        <Link to="/references">References</Link>
      </div>
      <p className="muted small">Footing does not diagnose and does not replace a clinician. Your data stays on this device or your own server.</p>
    </section>
  );
}
