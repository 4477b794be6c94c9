/**
 * The clinician sets the patient's daily walking target, or caps it, in steps or minutes, with a reason the patient
 * reads on Today under the target (with the clinician's name and the date); or removes it, and the target comes
 * from the patient's own recent days again. The input is checked with the same validator the server uses
 * (src/core/walking-override.ts), so a figure out of bounds or a missing reason is said before anything is sent.
 */
import { dayMonth } from '../../../src/core/dates.js';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatDay, formatNumber } from '../i18n/format.js';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import type { TodayState } from '../api/types.js';
import { FieldError } from '../ui/common.js';
import { localDate } from '../lib/local-time.js';
import {
  CLINICIAN_REASON_MAX,
  WALKING_OVERRIDE_MINUTES_MAX,
  WALKING_OVERRIDE_MINUTES_MIN,
  WALKING_OVERRIDE_STEPS_MAX,
  WALKING_OVERRIDE_STEPS_MIN,
  WalkingOverrideInput,
} from '../../../src/core/walking-override.js';
import { walkingFigure as walkingFigureEn } from '../../../src/core/walking-target.js';
import { walkingFigureEs } from '../../../src/core/i18n/walking-texts.js';
import { issueIn } from '../../../src/core/i18n/validation-texts.js';
import { checkWith } from '../../../src/core/validation-words.js';
import { currentLanguage } from '../i18n/i18n.js';

/** "4,400 steps" / "25 minutes" in the language on screen. */
const walkingFigure = (f: { steps: number | null; minutes: number | null }) =>
  currentLanguage() === 'es' ? walkingFigureEs(f) : walkingFigureEn(f);
/** "2 Nov" (core's words, as the patient's Today writes it) / "2 nov". */
const dayMonthIn = (d: string) =>
  currentLanguage() === 'es' ? formatDay(d, { day: 'numeric', month: 'short' }) : dayMonth(d);

type Walking = TodayState['walking'];
const BOUNDS = {
  steps: [WALKING_OVERRIDE_STEPS_MIN, WALKING_OVERRIDE_STEPS_MAX],
  minutes: [WALKING_OVERRIDE_MINUTES_MIN, WALKING_OVERRIDE_MINUTES_MAX],
} as const;

export function ClinicianWalkingForm({
  personId,
  walking,
  onSaved,
}: {
  personId: string;
  walking: Walking;
  onSaved: () => void;
}) {
  const { t } = useTranslation('clinic');
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
  const send = (request: () => Promise<string>) =>
    submitForm(
      async () => {
        setSaved(await request());
        onSaved();
      },
      {
        adapt: (p) => {
          const field = (p.field ?? '').replace(/^body\./, '');
          return { message: p.message, field: field === 'steps' || field === 'minutes' ? 'figure' : field };
        },
      },
    );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const label = unit === 'steps' ? t('patient.steps') : t('patient.minutes');
    if (figure.trim() === '') {
      setError({ message: t('walkingForm.noFigure', { unit: label }), field: 'figure' });
      return;
    }
    const body = { kind, [unit]: Number(figure), reason };
    const checked = checkWith(WalkingOverrideInput, body);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = issue.path[0] === 'reason' ? 'reason' : 'figure';
      setError({
        message: t('monitoringCard.fieldError', {
          field: field === 'reason' ? t('walkingForm.reasonWord') : label,
          message: issueIn(issue, currentLanguage()),
        }),
        field,
      });
      return;
    }
    await send(async () => {
      const now = await api<Walking>('PUT', url, checked.data);
      setFigure('');
      setReason('');
      return t('walkingForm.saved', { figure: walkingFigure(now) });
    });
  }

  const remove = () =>
    send(async () => {
      setError(null);
      const r = await api<{ removed: boolean; walking: Walking }>('DELETE', url);
      return t('walkingForm.removed', { figure: walkingFigure(r.walking) });
    });

  const [min, max] = BOUNDS[unit];
  const invalid = (f: string) => error?.field === f || undefined;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="walk-form-h">
      <h2 id="walk-form-h">{t('walkingForm.title')}</h2>
      <p>
        <Trans
          t={t}
          i18nKey="walkingForm.own"
          values={{ figure: walkingFigure(own) }}
          components={{ strong: <strong /> }}
        />
      </p>
      <p className="basis">{walking.basis}</p>
      {current ? (
        <div className="clinician-note" data-testid="walking-setting">
          <p>
            <Trans
              t={t}
              i18nKey={current.kind === 'cap' ? 'walkingForm.setCap' : 'walkingForm.setTarget'}
              values={{
                figure: walkingFigure(current),
                by: current.setBy,
                date: dayMonthIn(current.setOn),
                unapplied: current.kind === 'cap' && !current.applied ? ` ${t('walkingForm.notApplied')}` : '',
              }}
              components={{ strong: <strong /> }}
            />
          </p>
          <p className="clinician-reason">{t('walkingForm.reasonLine', { reason: current.reason })}</p>
          <button type="button" onClick={() => void remove()} disabled={busy}>
            {current.kind === 'cap' ? t('walkingForm.removeCap') : t('walkingForm.removeTarget')}
          </button>
        </div>
      ) : (
        <p>{t('walkingForm.none')}</p>
      )}
      <fieldset className="choice-row">
        <legend>{current ? t('walkingForm.change') : t('walkingForm.setOne')}</legend>
        <label /* i18n-ignore: CSS class names */ className={`choice${kind === 'cap' ? ' selected' : ''}`}>
          <input type="radio" name="walk-kind" checked={kind === 'cap'} onChange={() => setKind('cap')} />{' '}
          {t('walkingForm.capIt')}
        </label>
        <label /* i18n-ignore: CSS class names */ className={`choice${kind === 'target' ? ' selected' : ''}`}>
          <input type="radio" name="walk-kind" checked={kind === 'target'} onChange={() => setKind('target')} />{' '}
          {t('walkingForm.setIt')}
        </label>
      </fieldset>
      <p className="muted small">{kind === 'cap' ? t('walkingForm.capHint') : t('walkingForm.targetHint')}</p>
      <label htmlFor="walk-unit">{t('walkingForm.countIn')}</label>
      <select id="walk-unit" value={unit} onChange={(e) => setUnit(e.target.value as 'steps' | 'minutes')}>
        <option value="steps">{t('walkingForm.steps')}</option>
        <option value="minutes">{t('walkingForm.minutes')}</option>
      </select>
      <label htmlFor="walk-figure">
        {t('walkingForm.figure', {
          unit: unit === 'steps' ? t('patient.steps') : t('patient.minutes'),
          min: formatNumber(min),
          max: formatNumber(max),
        })}
      </label>
      <input
        id="walk-figure"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={figure}
        onChange={(e) => setFigure(e.target.value)}
        aria-invalid={invalid('figure')}
        aria-describedby="walk-err"
      />
      <label htmlFor="walk-reason">{t('walkingForm.reason')}</label>
      <textarea
        id="walk-reason"
        rows={3}
        maxLength={CLINICIAN_REASON_MAX}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={invalid('reason')}
        aria-describedby="walk-err"
      />
      <FieldError id="walk-err" message={error?.message} />
      {saved && (
        <p className="success" role="status">
          {saved}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('walkingForm.save')}
      </button>
    </form>
  );
}
