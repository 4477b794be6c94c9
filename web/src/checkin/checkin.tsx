/**
 * The daily check-in: pain 0-10 for back, neck and foot, heel pain with the first steps of the morning, whether
 * there are new foot, knee or hip symptoms (both feed the program's regression rules, DOMAIN.md §8), where it hurts
 * on a body map, and a note. Saved on the phone first (web/src/outbox/outbox.ts): offline, it waits there until it is sent.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormState } from '../ui/use-form-state.js';
import type { CheckinInput } from '../api/types.js';
import { BodyDiagram } from '../body-map/body-diagram.js';
import { FieldError, Link, ScreenTitle } from '../ui/common.js';
import { PainScale } from '../ui/pain-scale.js';
import { formatNumber } from '../i18n/format.js';
import { localIso } from '../lib/local-time.js';
import { keepAndSend, newClientId } from '../outbox/outbox.js';
import { finishMarks, type DraftMark } from '../body-map/pain-marks.js';

export function CheckinScreen({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('checkin');
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
        return { message: t('errors.noScore'), field: 'back' };
      }
      if (finished.problem) {
        document.getElementById(finished.problem.id)?.focus();
        return { field: 'regions', ...finished.problem };
      }
      return null;
    };
    await send(
      async () => {
        if (!finished.marks) return; // not reached: check() stopped a draft with a problem
        const checkin: CheckinInput = {
          clientId: clientId.current,
          at: localIso(),
          context: 'daily',
          ...(back !== null ? { back } : {}),
          ...(neck !== null ? { neck } : {}),
          ...(foot !== null ? { foot } : {}),
          regions: finished.marks,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(heel !== null ? { heelFirstSteps: heel } : {}),
          ...(newSymptoms !== null ? { newLowerLimbSymptoms: newSymptoms } : {}),
        };
        setSaved({ checkin, how: await keepAndSend('checkin', clientId.current, checkin) });
        onSaved();
      },
      { check },
    );
  }

  if (saved) {
    const c = saved.checkin;
    const regions = c.regions?.length ?? 0;
    return (
      <section className="screen">
        <ScreenTitle>{t('saved.title')}</ScreenTitle>
        <p className="success" role="status">
          {t('saved.summary', { back: c.back ?? '–', neck: c.neck ?? '–', foot: c.foot ?? '–' })}
          {c.heelFirstSteps != null ? t('saved.heel', { heel: c.heelFirstSteps }) : ''}
          {c.newLowerLimbSymptoms ? t('saved.newSymptoms') : ''}
          {regions ? t('saved.areas', { count: regions, n: formatNumber(regions) }) : ''}
          {t('saved.end')}
        </p>
        {saved.how === 'queued' && (
          <p className="notice" role="status">
            {t('saved.queued')}
          </p>
        )}
        <Link to="/progress" className="button primary">
          {t('saved.progress')}
        </Link>
        <Link to="/" className="button">
          {t('saved.backToToday')}
        </Link>
      </section>
    );
  }

  const scoreError =
    error && (!error.field || ['back', 'neck', 'foot'].includes(error.field.replace(/^body\./, '')))
      ? error.message
      : null;
  return (
    <section className="screen">
      <ScreenTitle>{t('form.title')}</ScreenTitle>
      <p className="lead">{t('form.lead')}</p>
      <form onSubmit={submit} noValidate>
        <PainScale
          name="checkin-back"
          label={t('form.back')}
          value={back}
          onChange={(v) => {
            setBack(v);
            setError(null);
          }}
        />
        <PainScale
          name="checkin-neck"
          label={t('form.neck')}
          value={neck}
          onChange={(v) => {
            setNeck(v);
            setError(null);
          }}
        />
        <PainScale
          name="checkin-foot"
          label={t('form.foot')}
          value={foot}
          onChange={(v) => {
            setFoot(v);
            setError(null);
          }}
        />
        <FieldError message={scoreError} />
        <p className="muted" id="heel-hint">
          {t('form.optionalHint')}
        </p>
        <PainScale name="checkin-heel" label={t('form.heel')} value={heel} onChange={setHeel} />
        <fieldset className="yes-no">
          <legend>{t('form.newSymptoms')}</legend>
          <div className="yes-no-options">
            <label className={newSymptoms === true ? 'selected' : ''}>
              <input
                type="radio"
                name="checkin-new-symptoms"
                checked={newSymptoms === true}
                onChange={() => setNewSymptoms(true)}
              />{' '}
              {t('form.yes')}
            </label>
            <label className={newSymptoms === false ? 'selected' : ''}>
              <input
                type="radio"
                name="checkin-new-symptoms"
                checked={newSymptoms === false}
                onChange={() => setNewSymptoms(false)}
              />{' '}
              {t('form.no')}
            </label>
          </div>
        </fieldset>
        <h2>{t('form.whereTitle')}</h2>
        <p className="muted">{t('form.whereHint')}</p>
        <BodyDiagram
          marks={marks}
          onChange={(m) => {
            setMarks(m);
            if (error?.field === 'regions') setError(null);
          }}
          problem={error?.field === 'regions' && error.id ? { id: error.id, message: error.message } : null}
        />
        <label htmlFor="note">{t('form.note')}</label>
        <textarea
          id="note"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby="note-err"
        />
        <FieldError
          id="note-err"
          message={error && error.field && error.field !== 'regions' && !scoreError ? error.message : null}
        />
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? t('form.saving') : t('form.save')}
        </button>
      </form>
    </section>
  );
}
