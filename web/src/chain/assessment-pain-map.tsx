/**
 * Pain map: mark where it hurts on the front and back of a body diagram, each area with its own 0-10 intensity
 * (chosen by the person: the form names any area still without one), say who recorded it and when, and save it.
 * The latest areas marked, here or in a daily check-in, are shown below, and they feed "My chain".
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import type { Assessment, PainAreas, PainMap } from '../api/assessment-types.js';
import {
  RecorderFields,
  newRecorder,
  recordedAt,
  recordedBy,
  recorderProblem,
  type Recorder,
} from './assessment-parts.js';
import { BodyDiagram } from '../body-map/body-diagram.js';
import { ChainNav } from './chain-nav.js';
import { FieldError, Link, Loading, ScreenTitle } from '../ui/common.js';
import { LatestPainAreas } from '../body-map/latest-pain.js';
import { finishMarks, type DraftMark } from '../body-map/pain-marks.js';
import { formatNumber } from '../i18n/format.js';

export function PainMapScreen() {
  const { t } = useTranslation('assessment');
  const [latest, setLatest] = useState<PainAreas | null | undefined>(undefined);
  const [marks, setMarks] = useState<DraftMark[]>([]);
  const [recorder, setRecorder] = useState<Recorder>(newRecorder);
  const [saved, setSaved] = useState<PainMap | null>(null);
  const { error, setError, busy, submit: send } = useFormState();

  useEffect(() => {
    api<Assessment>('GET', '/api/assessment').then(
      (a) => setLatest(a.latestPain),
      () => setLatest(null),
    );
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const finished = finishMarks(marks);
    const check = () => {
      const problem = recorderProblem(recorder, t);
      if (problem) return problem;
      if (marks.length === 0) return { field: 'marks', message: t('painMap.noArea') };
      if (finished.problem) {
        document.getElementById(finished.problem.id)?.focus();
        return { field: 'marks', ...finished.problem };
      }
      return null;
    };
    await send(
      async () => {
        if (!finished.marks) return; // not reached: check() stopped a draft with a problem
        const map = await api<PainMap>('POST', '/api/assessment/pain-map', {
          marks: finished.marks,
          recordedAt: recordedAt(recorder),
          recordedBy: recordedBy(recorder),
        });
        setSaved(map);
        setLatest({ marks: map.marks, source: 'pain-map', recordedAt: map.recordedAt, recordedBy: map.recordedBy });
        setMarks([]);
      },
      { check, adapt: (p) => ({ ...p, field: p.field ?? 'form' }) },
    );
  }

  return (
    <section className="screen">
      <ScreenTitle>{t('painMap.title')}</ScreenTitle>
      <ChainNav />
      <p className="lead">{t('painMap.lead')}</p>
      {saved && (
        <div className="success-box" role="status">
          <p className="success">
            {t('painMap.saved', { count: saved.marks.length, areas: formatNumber(saved.marks.length) })}
          </p>
          <Link to="/chain" className="button primary">
            {t('painMap.seeChain')}
          </Link>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <BodyDiagram
          marks={marks}
          onChange={(m) => {
            setMarks(m);
            setSaved(null);
            if (error?.field === 'marks') setError(null);
          }}
          problem={error?.id ? { id: error.id, message: error.message } : null}
        />
        {error?.field === 'marks' && !error.id && <FieldError message={error.message} />}
        <RecorderFields id="pm" value={recorder} onChange={setRecorder} error={error} />
        {error && !['marks', 'name', 'date'].includes(error.field ?? 'form') && <FieldError message={error.message} />}
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? t('saving') : t('painMap.save')}
        </button>
      </form>
      <div className="card">
        <h2>{t('painMap.latest')}</h2>
        {latest === undefined ? <Loading what={t('painMap.loadingLatest')} /> : <LatestPainAreas pain={latest} />}
      </div>
    </section>
  );
}
