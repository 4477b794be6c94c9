/**
 * The clinician sets the patient's stage with a reason in words the patient will read (it goes into their program
 * history as "<clinician> set your program to stage N (...): <reason>"), and optionally the doses within the stage
 * limits (the server refuses anything past them, naming the exercise).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import { FieldError } from '../ui/common.js';
import { localDate } from '../lib/local-time.js';
import { DOSE_LIMITS, STAGES, stageByNumber } from '../../../src/core/stages.js';
import { exerciseIn } from '../../../src/core/i18n/exercise-texts.js';
import { stageIn } from '../../../src/core/i18n/stage-texts.js';
import { currentLanguage } from '../i18n/i18n.js';

/**
 * The dose fields a clinician may change, per kind of dose, with their upper limits (DOMAIN.md §3 3.15, §4 4.6);
 * each field's words are clinic:stageForm.dose.<key>.
 */
const DOSE_FIELDS = {
  timed: [
    { key: 'secondsPerFoot', max: DOSE_LIMITS.timed.secondsPerFoot },
    { key: 'timesPerDay', max: DOSE_LIMITS.timed.timesPerDay },
  ],
  holds: [
    { key: 'holdSeconds', max: DOSE_LIMITS.holds.holdSeconds },
    { key: 'reps', max: DOSE_LIMITS.holds.reps },
    { key: 'sets', max: DOSE_LIMITS.holds.sets },
  ],
} as const;

export function ClinicianStageForm({
  personId,
  current,
  onSaved,
}: {
  personId: string;
  current: number;
  onSaved: () => void;
}) {
  const { t } = useTranslation('clinic');
  const [stage, setStage] = useState(current);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { error, busy, submit: send } = useFormState();
  /** Dose values typed by the clinician, keyed "exercise.field"; empty means "the stage's own". */
  const [doses, setDoses] = useState<Record<string, string>>({});
  const [resetDoses, setResetDoses] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    await send(
      async () => {
        const typed: Record<string, Record<string, number>> = {};
        for (const [k, v] of Object.entries(doses)) {
          if (v.trim() === '') continue;
          const [exercise, field] = k.split('.') as [string, string];
          (typed[exercise] ??= {})[field] = Number(v);
        }
        const body = {
          stage,
          reason: reason.trim(),
          ...(resetDoses ? { doses: null } : Object.keys(typed).length ? { doses: typed } : {}),
        };
        await api('PUT', `/api/patients/${encodeURIComponent(personId)}/program?date=${localDate()}`, body);
        setDoses({});
        setResetDoses(false);
        setSaved(t('stageForm.saved', { stage: formatNumber(stage) }));
        setReason('');
        onSaved();
      },
      { check: () => (reason.trim().length < 3 ? { message: t('stageForm.reasonMissing'), field: 'reason' } : null) },
    );
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="stage-form-h">
      <h2 id="stage-form-h">{t('stageForm.title')}</h2>
      <p>{t('stageForm.now', { stage: formatNumber(current) })}</p>
      <label htmlFor="stage-select">{t('patients.stage')}</label>
      <select id="stage-select" value={stage} onChange={(e) => setStage(Number(e.target.value))}>
        {STAGES.map((s) => (
          <option key={s.number} value={s.number}>
            {s.number}: {stageIn(s.number, currentLanguage()).name}
            {s.number === current ? ` ${t('stageForm.nowMark')}` : ''}
          </option>
        ))}
      </select>
      <fieldset className="dose-fields">
        <legend>{t('stageForm.doses')}</legend>
        {stageByNumber(stage).prescriptions.map((p) => (
          <div key={p.exercise} className="dose-row">
            <p className="dose-name">{exerciseIn(p.exercise, currentLanguage()).name}</p>
            {DOSE_FIELDS[p.dose.kind].map((f) => {
              const id = `dose-${p.exercise}-${f.key}`;
              const placeholder = String((p.dose as unknown as Record<string, number>)[f.key]);
              return (
                <span key={f.key} className="dose-field">
                  <label htmlFor={id}>
                    {t('stageForm.doseLabel', {
                      exercise: exerciseIn(p.exercise, currentLanguage()).name,
                      field: t(`stageForm.dose.${f.key}`),
                      max: formatNumber(f.max),
                    })}
                  </label>
                  <input
                    id={id}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={f.max}
                    placeholder={placeholder}
                    value={doses[`${p.exercise}.${f.key}`] ?? ''}
                    onChange={(e) => setDoses({ ...doses, [`${p.exercise}.${f.key}`]: e.target.value })}
                    disabled={resetDoses}
                  />
                </span>
              );
            })}
          </div>
        ))}
        <label className="check">
          <input type="checkbox" checked={resetDoses} onChange={(e) => setResetDoses(e.target.checked)} />{' '}
          <span>{t('stageForm.resetDoses')}</span>
        </label>
      </fieldset>
      <label htmlFor="stage-reason">{t('stageForm.reason')}</label>
      <textarea
        id="stage-reason"
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={error?.field === 'reason' || undefined}
        aria-describedby="stage-err"
      />
      <FieldError id="stage-err" message={error?.message} />
      {saved && (
        <p className="success" role="status">
          {saved}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('stageForm.save')}
      </button>
    </form>
  );
}
