/**
 * The safety screen: every red-flag and precaution question, grouped by body area, each answered yes or no
 * (nothing is pre-filled: an unanswered question is not a "no"). Birth year is optional (it sets the walking
 * ceiling). After a stop, restarting needs the person to confirm a clinician has checked them.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import type { ScreenOutcome, ScreenQuestions } from '../api/types.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { localDate } from '../lib/local-time.js';
import { formatNumber } from '../i18n/format.js';
import { SCREEN_AREA_TITLES } from '../../../src/core/screen-summary.js';

// The groups in the order the check asks them; their titles are safety:areas.<area> in the catalogue.
const AREAS = Object.keys(SCREEN_AREA_TITLES) as (keyof typeof SCREEN_AREA_TITLES)[];

function YesNo({
  id,
  text,
  value,
  onChange,
  invalid,
}: {
  id: string;
  text: string;
  value: boolean | undefined;
  onChange: (v: boolean) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation('safety');
  return (
    <fieldset
      className={`yes-no${invalid ? ' invalid' : ''}`}
      id={`q-${id}`}
      aria-describedby={invalid ? `q-${id}-err` : undefined}
    >
      <legend>{text}</legend>
      <div className="yes-no-options">
        <label className={value === true ? 'selected' : ''}>
          <input type="radio" name={id} checked={value === true} onChange={() => onChange(true)} /> {t('check.yes')}
        </label>
        <label className={value === false ? 'selected' : ''}>
          <input type="radio" name={id} checked={value === false} onChange={() => onChange(false)} /> {t('check.no')}
        </label>
      </div>
      {invalid && (
        <p className="field-error" id={`q-${id}-err`}>
          {t('check.answerYesNo')}
        </p>
      )}
    </fieldset>
  );
}

export function SafetyScreen({
  clinicianCleared,
  onDone,
}: {
  clinicianCleared: boolean;
  onDone: (o: ScreenOutcome) => void;
}) {
  const { t } = useTranslation('safety');
  const [questions, setQuestions] = useState<ScreenQuestions | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [birthYear, setBirthYear] = useState('');
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const { error, setError, busy, submit: send } = useFormState();
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api<ScreenQuestions>('GET', '/api/screen/questions').then(setQuestions, (e: Error) => setLoadError(e.message));
  }, []);

  if (loadError)
    return (
      <section className="screen">
        <ScreenTitle>{t('check.title')}</ScreenTitle>
        <FieldError message={loadError} />
      </section>
    );
  if (!questions)
    return (
      <section className="screen">
        <ScreenTitle>{t('check.title')}</ScreenTitle>
        <Loading what={t('check.loading')} />
      </section>
    );

  const all = [...questions.redFlags.map((q) => q.id), ...questions.precautions.map((q) => q.id)];
  const answered = all.filter((id) => typeof answers[id] === 'boolean').length;
  const set = (id: string, v: boolean) => {
    setAnswers((a) => ({ ...a, [id]: v }));
    setMissing((m) => {
      const n = new Set(m);
      n.delete(id);
      return n;
    });
  };

  const year = birthYear.trim() === '' ? null : Number(birthYear);
  const thisYear = new Date().getFullYear();
  const yearError =
    year !== null && (!Number.isInteger(year) || year < 1900 || year > thisYear)
      ? t('check.yearError', { min: 1900, max: thisYear })
      : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Unanswered questions are marked each where it is (not one problem), and the first is focused.
    const unanswered = all.filter((id) => typeof answers[id] !== 'boolean');
    if (unanswered.length || yearError) {
      setError(null);
      setMissing(new Set(unanswered));
      if (unanswered.length) document.getElementById(`q-${unanswered[0]}`)?.querySelector('input')?.focus();
      else document.getElementById('birth-year')?.focus();
      return;
    }
    const sent = await send(
      async () =>
        onDone(
          await api<ScreenOutcome>('POST', `/api/screen?date=${localDate()}`, {
            answers,
            ...(year !== null ? { birthYear: year } : {}),
            ...(clinicianCleared ? { clinicianCleared: true } : {}),
          }),
        ),
      { fallback: t('check.failed') },
    );
    if (!sent) summaryRef.current?.focus();
  }

  /** One yes/no question, red flag or precaution alike. */
  const question = (q: { id: string; text: string }) => (
    <YesNo
      key={q.id}
      id={q.id}
      text={q.text}
      value={answers[q.id]}
      onChange={(v) => set(q.id, v)}
      invalid={missing.has(q.id)}
    />
  );

  return (
    <section className="screen">
      <ScreenTitle>{t('check.title')}</ScreenTitle>
      <p className="lead">{t('check.lead')}</p>
      {clinicianCleared && <p className="notice">{t('check.again')}</p>}
      <form onSubmit={submit} noValidate>
        {AREAS.map((area) => {
          const qs = questions.redFlags.filter((q) => q.area === area);
          if (!qs.length) return null;
          return (
            <div key={area} className="question-group">
              <h2>{t(`areas.${area}`)}</h2>
              {qs.map(question)}
            </div>
          );
        })}
        <div className="question-group">
          <h2>{t('areas.precautions')}</h2>
          <p className="muted">{t('check.precautionsHint')}</p>
          {questions.precautions.map(question)}
        </div>
        <div className="question-group">
          <h2>{t('check.about')}</h2>
          <label htmlFor="birth-year">{t('check.birthYear')}</label>
          <p className="muted" id="birth-year-hint">
            {t('check.birthYearHint')}
          </p>
          <input
            id="birth-year"
            inputMode="numeric"
            autoComplete="bday-year"
            value={birthYear}
            onChange={(e) => setBirthYear(e.target.value)}
            aria-describedby={`birth-year-hint${yearError ? ' birth-year-err' : ''}`}
            aria-invalid={!!yearError}
          />
          <FieldError id="birth-year-err" message={yearError} />
        </div>
        <div ref={summaryRef} tabIndex={-1}>
          {missing.size > 0 && (
            <p className="field-error" role="alert">
              {t('check.missing', { count: missing.size, n: formatNumber(missing.size) })}
            </p>
          )}
          <FieldError message={error?.message} />
        </div>
        <p className="muted" aria-live="polite">
          {t('check.answered', { n: formatNumber(answered), total: formatNumber(all.length) })}
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('check.saving') : t('check.save')}
        </button>
      </form>
    </section>
  );
}
