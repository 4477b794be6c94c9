/** Log today's walking by hand: minutes and/or steps (replaces what was logged by hand for that day). Outside the
 * Walking page it also points there, where a phone or watch export can be imported instead. Saved on the phone first
 * (web/src/outbox/outbox.ts): offline, the log waits there and is sent in order, so a later log of a day still wins. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatNumber } from '../i18n/format.js';
import { useFormState } from '../ui/use-form-state.js';
import { FieldError, Link } from '../ui/common.js';
import { TextField } from '../ui/text-field.js';
import { localDate } from '../lib/local-time.js';
import { keepAndSend, newClientId } from '../outbox/outbox.js';

export function WalkLog({ onSaved, showImportLink = true }: { onSaved: () => void; showImportLink?: boolean }) {
  const { t } = useTranslation('walking');
  const [minutes, setMinutes] = useState('');
  const [steps, setSteps] = useState('');
  const [date, setDate] = useState(localDate());
  const [saved, setSaved] = useState<string | null>(null);
  const { error, busy, submit: send } = useFormState();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const m = minutes.trim() === '' ? null : Number(minutes);
    const s = steps.trim() === '' ? null : Number(steps);
    const check = () => {
      if (m !== null && (!Number.isFinite(m) || m < 0 || m > 1440))
        return { message: t('log.badMinutes', { max: formatNumber(1440, { useGrouping: false }) }), field: 'minutes' };
      if (s !== null && (!Number.isInteger(s) || s < 0 || s > 200000))
        return { message: t('log.badSteps', { max: formatNumber(200000) }), field: 'steps' };
      if (!m && !s) return { message: t('log.empty'), field: 'minutes' };
      return null;
    };
    await send(
      async () => {
        const how = await keepAndSend('walking', newClientId('walking'), {
          date,
          ...(m !== null ? { minutes: m } : {}),
          ...(s !== null ? { steps: s } : {}),
        });
        const amounts = [
          m ? t('log.minutesAmount', { minutes: formatNumber(m) }) : '',
          s ? t('log.stepsAmount', { steps: formatNumber(s) }) : '',
        ]
          .filter(Boolean)
          .join(', ');
        // The day as a person reads it ("Mon 7 Dec" / "lun, 7 dic"), not the ISO date the API takes.
        const day = formatDay(date);
        setSaved(
          how === 'sent'
            ? t('log.saved', { what: amounts, date: day })
            : t('log.savedOffline', { what: amounts, date: day }),
        );
        setMinutes('');
        setSteps('');
        onSaved();
      },
      { check },
    );
  }

  const errFor = (f: string) =>
    error && (error.field === f || (f === 'minutes' && !['steps', 'date'].includes(error.field ?? '')))
      ? error.message
      : null;
  return (
    <form className="walk-log" onSubmit={submit} noValidate aria-labelledby="walk-log-title">
      <h3 id="walk-log-title">{t('log.title')}</h3>
      <p className="muted">{t('log.replaces')}</p>
      <div className="row">
        <div>
          <TextField
            id="walk-minutes"
            label={t('log.minutes')}
            inputMode="decimal"
            value={minutes}
            onChange={setMinutes}
            invalid={!!errFor('minutes')}
            aria-describedby="walk-err-minutes"
          />
        </div>
        <div>
          <TextField
            id="walk-steps"
            label={t('log.steps')}
            inputMode="numeric"
            value={steps}
            onChange={setSteps}
            invalid={!!errFor('steps')}
            aria-describedby="walk-err-steps"
          />
        </div>
      </div>
      <FieldError id="walk-err-minutes" message={errFor('minutes')} />
      <FieldError id="walk-err-steps" message={errFor('steps')} />
      <label htmlFor="walk-date">{t('log.day')}</label>
      <input id="walk-date" type="date" value={date} max={localDate()} onChange={(e) => setDate(e.target.value)} />
      <button type="submit" disabled={busy}>
        {busy ? t('log.saving') : t('log.save')}
      </button>
      {saved && (
        <p className="success" role="status">
          {saved}
        </p>
      )}
      {showImportLink && (
        <p>
          <Link to="/walking">{t('log.importLink')}</Link>
        </p>
      )}
    </form>
  );
}
