/**
 * The daily check-in: pain 0-10 for back, neck and foot, heel pain with the first steps of the morning, whether
 * there are new foot, knee or hip symptoms (both feed the program's regression rules, DOMAIN.md §8), where it hurts
 * on a body map, and a note. Saved on the phone first (web/src/outbox/outbox.ts): offline, it waits there until it is sent.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useFormState } from '../ui/use-form-state.js';
import type { CheckinInput } from '../api/types.js';
import { BodyDiagram } from '../body-map/body-diagram.js';
import { FieldError, Link, ScreenTitle } from '../ui/common.js';
import { PainScale } from '../ui/pain-scale.js';
import { localIso } from '../lib/local-time.js';
import { keepAndSend, newClientId } from '../outbox/outbox.js';
import { finishMarks, type DraftMark } from '../body-map/pain-marks.js';

export function CheckinScreen({ onSaved }: { onSaved: () => void }) {
  const [back, setBack] = useState<number | null>(null);
  const [neck, setNeck] = useState<number | null>(null);
  const [foot, setFoot] = useState<number | null>(null);
  const [heel, setHeel] = useState<number | null>(null);
  const [newSymptoms, setNewSymptoms] = useState<boolean | null>(null);
  const [marks, setMarks] = useState<DraftMark[]>([]);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<{ checkin: CheckinInput; how: 'sent' | 'queued' } | null>(null);
  // One id per check-in: a second tap on Save, or a resend after a lost answer, is stored once.
  const clientId = useRef(newClientId('checkin'));
  const { error, setError, busy, submit: send } = useFormState();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const finished = finishMarks(marks);
    const check = () => {
      if (back === null && neck === null && foot === null) {
        document.querySelector<HTMLInputElement>('input[name="checkin-back"]')?.focus();
        return { message: 'Give at least one pain score (back, neck or foot). Choose 0 if there is no pain.', field: 'back' };
      }
      if (finished.problem) {
        document.getElementById(finished.problem.id)?.focus();
        return { field: 'regions', ...finished.problem };
      }
      return null;
    };
    await send(async () => {
      if (!finished.marks) return; // not reached: check() stopped a draft with a problem
      const checkin: CheckinInput = {
        clientId: clientId.current, at: localIso(), context: 'daily',
        ...(back !== null ? { back } : {}), ...(neck !== null ? { neck } : {}), ...(foot !== null ? { foot } : {}),
        regions: finished.marks, ...(note.trim() ? { note: note.trim() } : {}),
        ...(heel !== null ? { heelFirstSteps: heel } : {}), ...(newSymptoms !== null ? { newLowerLimbSymptoms: newSymptoms } : {}),
      };
      setSaved({ checkin, how: await keepAndSend('checkin', clientId.current, checkin) });
      onSaved();
    }, { check });
  }

  if (saved) {
    const c = saved.checkin;
    const regions = c.regions?.length ?? 0;
    return (
      <section className="screen">
        <ScreenTitle>Check-in saved</ScreenTitle>
        <p className="success" role="status">Thank you. Back {c.back ?? '–'}, neck {c.neck ?? '–'}, foot {c.foot ?? '–'} out of 10{c.heelFirstSteps != null ? `, first-step heel pain ${c.heelFirstSteps}` : ''}{c.newLowerLimbSymptoms ? ', new symptoms noted' : ''}{regions ? `, ${regions} area${regions > 1 ? 's' : ''} marked` : ''}.</p>
        {saved.how === 'queued' && <p className="notice" role="status">Footing could not be reached. The check-in is saved on this phone and will be sent when you are back online.</p>}
        <Link to="/progress" className="button primary">See your progress</Link>
        <Link to="/" className="button">Back to today</Link>
      </section>
    );
  }

  const scoreError = error && (!error.field || ['back', 'neck', 'foot'].includes(error.field.replace(/^body\./, ''))) ? error.message : null;
  return (
    <section className="screen">
      <ScreenTitle>Daily check-in</ScreenTitle>
      <p className="lead">How much pain do you have today? 0 means no pain, 10 the worst pain you can imagine.</p>
      <form onSubmit={submit} noValidate>
        <PainScale name="checkin-back" label="Back pain" value={back} onChange={(v) => { setBack(v); setError(null); }} />
        <PainScale name="checkin-neck" label="Neck pain" value={neck} onChange={(v) => { setNeck(v); setError(null); }} />
        <PainScale name="checkin-foot" label="Foot pain" value={foot} onChange={(v) => { setFoot(v); setError(null); }} />
        <FieldError message={scoreError} />
        <p className="muted" id="heel-hint">The next two are optional. They help the plan notice foot, knee and hip trouble early.</p>
        <PainScale name="checkin-heel" label="Heel pain on your first steps this morning" value={heel} onChange={setHeel} />
        <fieldset className="yes-no">
          <legend>Any new foot, knee or hip symptoms since your last check-in?</legend>
          <div className="yes-no-options">
            <label className={newSymptoms === true ? 'selected' : ''}><input type="radio" name="checkin-new-symptoms" checked={newSymptoms === true} onChange={() => setNewSymptoms(true)} /> Yes</label>
            <label className={newSymptoms === false ? 'selected' : ''}><input type="radio" name="checkin-new-symptoms" checked={newSymptoms === false} onChange={() => setNewSymptoms(false)} /> No</label>
          </div>
        </fieldset>
        <h2>Where does it hurt? (optional)</h2>
        <p className="muted">Tap an area to mark it, then choose how strong it is from 0 to 10. The arms and hands are there too. What you mark here is also your latest pain map.</p>
        <BodyDiagram marks={marks} onChange={(m) => { setMarks(m); if (error?.field === 'regions') setError(null); }} problem={error?.field === 'regions' && error.id ? { id: error.id, message: error.message } : null} />
        <label htmlFor="note">Note (optional)</label>
        <textarea id="note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="note-err" />
        <FieldError id="note-err" message={error && error.field && error.field !== 'regions' && !scoreError ? error.message : null} />
        <button type="submit" className="primary big" disabled={busy}>{busy ? 'Saving…' : 'Save check-in'}</button>
      </form>
    </section>
  );
}
