/**
 * Pain map: mark where it hurts on the front and back of a body diagram, each area with its own 0-10 intensity,
 * say who recorded it and when, and save it. The latest saved map is shown, and it feeds "My chain".
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Assessment, PainMap } from '../api/assessment-types.js';
import type { BodyMark } from '../api/types.js';
import { RecorderFields, newRecorder, recordedAt, recordedBy, recorderProblem, type Recorder } from '../components/assessment-parts.js';
import { BodyDiagram, regionLabel } from '../components/body-diagram.js';
import { ChainNav } from '../components/chain-nav.js';
import { FieldError, Link, Loading, ScreenTitle } from '../components/common.js';
import { shortDate } from '../lib/local-time.js';

export function PainMapScreen() {
  const [latest, setLatest] = useState<PainMap | null | undefined>(undefined);
  const [marks, setMarks] = useState<BodyMark[]>([]);
  const [recorder, setRecorder] = useState<Recorder>(newRecorder);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [saved, setSaved] = useState<PainMap | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Assessment>('GET', '/api/assessment').then((a) => setLatest(a.painMaps.at(-1) ?? null), () => setLatest(null));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const problem = recorderProblem(recorder);
    if (problem) { setError(problem); return; }
    if (marks.length === 0) { setError({ field: 'marks', message: 'Mark at least one area on the body first.' }); return; }
    setBusy(true);
    try {
      const map = await api<PainMap>('POST', '/api/assessment/pain-map', { marks, recordedAt: recordedAt(recorder), recordedBy: recordedBy(recorder) });
      setSaved(map);
      setLatest(map);
      setMarks([]);
    } catch (err) {
      const ae = err instanceof ApiError ? err : null;
      setError({ field: ae?.field ?? 'form', message: ae?.message ?? 'Could not save.' });
    } finally {
      setBusy(false);
    }
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
        <BodyDiagram marks={marks} onChange={(m) => { setMarks(m); setSaved(null); if (error?.field === 'marks') setError(null); }} defaultIntensity={5} />
        {error?.field === 'marks' && <FieldError message={error.message} />}
        <RecorderFields id="pm" value={recorder} onChange={setRecorder} error={error} />
        {error && !['marks', 'name', 'date'].includes(error.field) && <FieldError message={error.message} />}
        <button type="submit" className="primary big" disabled={busy}>{busy ? 'Saving…' : 'Save pain map'}</button>
      </form>
      <div className="card">
        <h2>Last saved map</h2>
        {latest === undefined ? <Loading what="your last pain map" />
          : latest === null ? <p>None yet.</p>
          : (
            <>
              <p className="muted">{shortDate(latest.recordedAt)}, recorded by {latest.recordedBy}.</p>
              <ul className="saved-marks">{latest.marks.map((m) => <li key={`${m.view}-${m.region}-${m.side}`}>{regionLabel(m)}: <strong>{m.intensity}/10</strong>{m.type ? `, ${m.type}` : ''}</li>)}</ul>
            </>
          )}
      </div>
    </section>
  );
}
