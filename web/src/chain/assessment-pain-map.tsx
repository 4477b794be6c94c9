/**
 * Pain map: mark where it hurts on the front and back of a body diagram, each area with its own 0-10 intensity
 * (chosen by the person: the form names any area still without one), say who recorded it and when, and save it.
 * The latest areas marked, here or in a daily check-in, are shown below, and they feed "My chain".
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import type { Assessment, PainAreas, PainMap } from '../api/assessment-types.js';
import { RecorderFields, newRecorder, recordedAt, recordedBy, recorderProblem, type Recorder } from './assessment-parts.js';
import { BodyDiagram } from '../body-map/body-diagram.js';
import { ChainNav } from './chain-nav.js';
import { FieldError, Link, Loading, ScreenTitle } from '../ui/common.js';
import { LatestPainAreas } from '../body-map/latest-pain.js';
import { finishMarks, type DraftMark } from '../body-map/pain-marks.js';

export function PainMapScreen() {
  const [latest, setLatest] = useState<PainAreas | null | undefined>(undefined);
  const [marks, setMarks] = useState<DraftMark[]>([]);
  const [recorder, setRecorder] = useState<Recorder>(newRecorder);
  const [saved, setSaved] = useState<PainMap | null>(null);
  const { error, setError, busy, submit: send } = useFormState();

  useEffect(() => {
    api<Assessment>('GET', '/api/assessment').then((a) => setLatest(a.latestPain), () => setLatest(null));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const finished = finishMarks(marks);
    const check = () => {
      const problem = recorderProblem(recorder);
      if (problem) return problem;
      if (marks.length === 0) return { field: 'marks', message: 'Mark at least one area on the body first.' };
      if (finished.problem) {
        document.getElementById(finished.problem.id)?.focus();
        return { field: 'marks', ...finished.problem };
      }
      return null;
    };
    await send(async () => {
      if (!finished.marks) return; // not reached: check() stopped a draft with a problem
      const map = await api<PainMap>('POST', '/api/assessment/pain-map', { marks: finished.marks, recordedAt: recordedAt(recorder), recordedBy: recordedBy(recorder) });
      setSaved(map);
      setLatest({ marks: map.marks, source: 'pain-map', recordedAt: map.recordedAt, recordedBy: map.recordedBy });
      setMarks([]);
    }, { check, adapt: (p) => ({ ...p, field: p.field ?? 'form' }) });
  }

  return (
    <section className="screen">
      <ScreenTitle>Pain map</ScreenTitle>
      <ChainNav />
      <p className="lead">Where does it hurt? Tap each area that hurts, on the front and on the back, then choose how strong it is from 0 (no pain) to 10 (worst pain imaginable).</p>
      {saved && (
        <div className="success-box" role="status">
          <p className="success">Pain map saved with {saved.marks.length} area{saved.marks.length === 1 ? '' : 's'}.</p>
          <Link to="/chain" className="button primary">See my chain</Link>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <BodyDiagram marks={marks} onChange={(m) => { setMarks(m); setSaved(null); if (error?.field === 'marks') setError(null); }} problem={error?.id ? { id: error.id, message: error.message } : null} />
        {error?.field === 'marks' && !error.id && <FieldError message={error.message} />}
        <RecorderFields id="pm" value={recorder} onChange={setRecorder} error={error} />
        {error && !['marks', 'name', 'date'].includes(error.field ?? 'form') && <FieldError message={error.message} />}
        <button type="submit" className="primary big" disabled={busy}>{busy ? 'Saving…' : 'Save pain map'}</button>
      </form>
      <div className="card">
        <h2>Your latest pain areas</h2>
        {latest === undefined ? <Loading what="your latest pain areas" /> : <LatestPainAreas pain={latest} />}
      </div>
    </section>
  );
}
