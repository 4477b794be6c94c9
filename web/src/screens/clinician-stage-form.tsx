/**
 * The clinician sets the patient's stage with a reason in words the patient will read (it goes into their program
 * history as "<clinician> set your program to stage N (...): <reason>").
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import { FieldError } from '../components/common.js';
import { localDate } from '../lib/local-time.js';
import { STAGES } from '../../../src/core/stages.js';

export function ClinicianStageForm({ personId, current, onSaved }: { personId: string; current: number; onSaved: () => void }) {
  const [stage, setStage] = useState(current);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    if (reason.trim().length < 3) { setError({ message: 'Say why, in words the patient will read.', field: 'reason' }); return; }
    setBusy(true);
    try {
      await api('PUT', `/api/patients/${encodeURIComponent(personId)}/program?date=${localDate()}`, { stage, reason: reason.trim() });
      setSaved(`Saved: stage ${stage}. The patient sees your reason in their program history.`);
      setReason('');
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? { message: err.message, ...(err.field ? { field: err.field } : {}) } : { message: 'Could not save.' });
    } finally { setBusy(false); }
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="stage-form-h">
      <h2 id="stage-form-h">Adjust the stage</h2>
      <p>Now at stage {current}. The program’s own rules go on from the stage you set.</p>
      <label htmlFor="stage-select">Stage</label>
      <select id="stage-select" value={stage} onChange={(e) => setStage(Number(e.target.value))}>
        {STAGES.map((s) => <option key={s.number} value={s.number}>{s.number}: {s.name}{s.number === current ? ' (now)' : ''}</option>)}
      </select>
      <label htmlFor="stage-reason">Reason (the patient reads this)</label>
      <textarea id="stage-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error?.field === 'reason' || undefined} aria-describedby="stage-err" />
      <FieldError id="stage-err" message={error?.message} />
      {saved && <p className="success" role="status">{saved}</p>}
      <button type="submit" className="primary" disabled={busy}>Save the stage</button>
    </form>
  );
}
