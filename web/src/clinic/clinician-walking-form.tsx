/**
 * The clinician sets the patient's daily walking target, or caps it, in steps or minutes, with a reason the patient
 * reads on Today under the target (with the clinician's name and the date); or removes it, and the target comes
 * from the patient's own recent days again. The input is checked with the same validator the server uses
 * (src/core/walking-override.ts), so a figure out of bounds or a missing reason is said before anything is sent.
 */
import { dayMonth } from '../../../src/core/dates.js';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import type { TodayState } from '../api/types.js';
import { FieldError } from '../ui/common.js';
import { localDate } from '../lib/local-time.js';
import {
  CLINICIAN_REASON_MAX, WALKING_OVERRIDE_MINUTES_MAX, WALKING_OVERRIDE_MINUTES_MIN, WALKING_OVERRIDE_STEPS_MAX, WALKING_OVERRIDE_STEPS_MIN,
  WalkingOverrideInput,
} from '../../../src/core/walking-override.js';
import { walkingFigure } from '../../../src/core/walking-target.js';

type Walking = TodayState['walking'];
const BOUNDS = { steps: [WALKING_OVERRIDE_STEPS_MIN, WALKING_OVERRIDE_STEPS_MAX], minutes: [WALKING_OVERRIDE_MINUTES_MIN, WALKING_OVERRIDE_MINUTES_MAX] } as const;

export function ClinicianWalkingForm({ personId, walking, onSaved }: { personId: string; walking: Walking; onSaved: () => void }) {
  const current = walking.clinician;
  const own = current ? current.own : { steps: walking.steps, minutes: walking.minutes };
  const [kind, setKind] = useState<'target' | 'cap'>('cap');
  const [unit, setUnit] = useState<'steps' | 'minutes'>(own.steps !== null ? 'steps' : 'minutes');
  const [figure, setFigure] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { error, setError, busy, submit: submitForm } = useFormState();
  const url = `/api/patients/${encodeURIComponent(personId)}/walking-target?date=${localDate()}`;

  /** Sends; the server's field (body.steps, body.reason) is named as this form's box (the figure, the reason). */
  const send = (request: () => Promise<string>) => submitForm(async () => {
    setSaved(await request());
    onSaved();
  }, { adapt: (p) => {
    const field = (p.field ?? '').replace(/^body\./, '');
    return { message: p.message, field: field === 'steps' || field === 'minutes' ? 'figure' : field };
  } });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const label = unit === 'steps' ? 'Steps' : 'Minutes';
    if (figure.trim() === '') { setError({ message: `${label} a day: give a figure.`, field: 'figure' }); return; }
    const body = { kind, [unit]: Number(figure), reason };
    const checked = WalkingOverrideInput.safeParse(body);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = issue.path[0] === 'reason' ? 'reason' : 'figure';
      setError({ message: `${field === 'reason' ? 'Reason' : label}: ${issue.message}.`, field });
      return;
    }
    await send(async () => {
      const now = await api<Walking>('PUT', url, checked.data);
      setFigure('');
      setReason('');
      return `Saved. The patient’s walking target today: ${walkingFigure(now)} a day.`;
    });
  }

  const remove = () => send(async () => {
    setError(null);
    const r = await api<{ removed: boolean; walking: Walking }>('DELETE', url);
    return `Removed. The patient’s walking target comes from their own recent days again: ${walkingFigure(r.walking)} a day.`;
  });

  const [min, max] = BOUNDS[unit];
  const invalid = (f: string) => error?.field === f || undefined;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="walk-form-h">
      <h2 id="walk-form-h">Walking target</h2>
      <p>From the patient’s own recent days: <strong>{walkingFigure(own)}</strong> a day.</p>
      <p className="basis">{walking.basis}</p>
      {current ? (
        <div className="clinician-note" data-testid="walking-setting">
          <p>{current.kind === 'cap' ? 'Cap' : 'Target'}: <strong>{walkingFigure(current)}</strong> a day, set by {current.setBy} on {dayMonth(current.setOn)}{current.kind === 'cap' && !current.applied ? ' (above the patient’s own target, so it changes nothing today)' : ''}.</p>
          <p className="clinician-reason">Reason: {current.reason}</p>
          <button type="button" onClick={() => void remove()} disabled={busy}>Remove the {current.kind === 'cap' ? 'cap' : 'target'}</button>
        </div>
      ) : <p>No target or cap set by a clinician: the program sets the target.</p>}
      <fieldset className="choice-row">
        <legend>{current ? 'Change it' : 'Set one'}</legend>
        <label className={`choice${kind === 'cap' ? ' selected' : ''}`}><input type="radio" name="walk-kind" checked={kind === 'cap'} onChange={() => setKind('cap')} /> Cap the target</label>
        <label className={`choice${kind === 'target' ? ' selected' : ''}`}><input type="radio" name="walk-kind" checked={kind === 'target'} onChange={() => setKind('target')} /> Set the target</label>
      </fieldset>
      <p className="muted small">{kind === 'cap' ? 'The program’s own target, but never more than this.' : 'This figure instead of the program’s own target.'}</p>
      <label htmlFor="walk-unit">Count in</label>
      <select id="walk-unit" value={unit} onChange={(e) => setUnit(e.target.value as 'steps' | 'minutes')}>
        <option value="steps">steps</option>
        <option value="minutes">minutes</option>
      </select>
      <label htmlFor="walk-figure">{unit === 'steps' ? 'Steps' : 'Minutes'} a day ({min.toLocaleString('en')} to {max.toLocaleString('en')})</label>
      <input id="walk-figure" type="number" inputMode="numeric" min={min} max={max} value={figure} onChange={(e) => setFigure(e.target.value)}
        aria-invalid={invalid('figure')} aria-describedby="walk-err" />
      <label htmlFor="walk-reason">Reason (the patient reads this on Today)</label>
      <textarea id="walk-reason" rows={3} maxLength={CLINICIAN_REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)}
        aria-invalid={invalid('reason')} aria-describedby="walk-err" />
      <FieldError id="walk-err" message={error?.message} />
      {saved && <p className="success" role="status">{saved}</p>}
      <button type="submit" className="primary" disabled={busy}>Save the walking target</button>
    </form>
  );
}
