/**
 * The safety screen: every red-flag and precaution question, grouped by body area, each answered yes or no
 * (nothing is pre-filled: an unanswered question is not a "no"). Birth year is optional (it sets the walking
 * ceiling). After a stop, restarting needs the person to confirm a clinician has checked them.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import type { ScreenOutcome, ScreenQuestions } from '../api/types.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { localDate } from '../lib/local-time.js';
import { PRECAUTIONS_TITLE, SCREEN_AREA_TITLES } from '../../../src/core/screen-summary.js';

const AREAS = (Object.entries(SCREEN_AREA_TITLES) as [keyof typeof SCREEN_AREA_TITLES, string][]).map(([area, title]) => ({ area, title }));

function YesNo({ id, text, value, onChange, invalid }: { id: string; text: string; value: boolean | undefined; onChange: (v: boolean) => void; invalid: boolean }) {
  return (
    <fieldset className={`yes-no${invalid ? ' invalid' : ''}`} id={`q-${id}`} aria-describedby={invalid ? `q-${id}-err` : undefined}>
      <legend>{text}</legend>
      <div className="yes-no-options">
        <label className={value === true ? 'selected' : ''}><input type="radio" name={id} checked={value === true} onChange={() => onChange(true)} /> Yes</label>
        <label className={value === false ? 'selected' : ''}><input type="radio" name={id} checked={value === false} onChange={() => onChange(false)} /> No</label>
      </div>
      {invalid && <p className="field-error" id={`q-${id}-err`}>Please answer yes or no.</p>}
    </fieldset>
  );
}

export function SafetyScreen({ clinicianCleared, onDone }: { clinicianCleared: boolean; onDone: (o: ScreenOutcome) => void }) {
  const [questions, setQuestions] = useState<ScreenQuestions | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [birthYear, setBirthYear] = useState('');
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api<ScreenQuestions>('GET', '/api/screen/questions').then(setQuestions, (e: Error) => setLoadError(e.message));
  }, []);

  if (loadError) return <section className="screen"><ScreenTitle>Safety check</ScreenTitle><FieldError message={loadError} /></section>;
  if (!questions) return <section className="screen"><ScreenTitle>Safety check</ScreenTitle><Loading what="the questions" /></section>;

  const all = [...questions.redFlags.map((q) => q.id), ...questions.precautions.map((q) => q.id)];
  const answered = all.filter((id) => typeof answers[id] === 'boolean').length;
  const set = (id: string, v: boolean) => {
    setAnswers((a) => ({ ...a, [id]: v }));
    setMissing((m) => { const n = new Set(m); n.delete(id); return n; });
  };

  const year = birthYear.trim() === '' ? null : Number(birthYear);
  const thisYear = new Date().getFullYear();
  const yearError = year !== null && (!Number.isInteger(year) || year < 1900 || year > thisYear) ? `Enter a year between 1900 and ${thisYear}, or leave it empty.` : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const unanswered = all.filter((id) => typeof answers[id] !== 'boolean');
    if (unanswered.length || yearError) {
      setMissing(new Set(unanswered));
      if (unanswered.length) document.getElementById(`q-${unanswered[0]}`)?.querySelector('input')?.focus();
      else document.getElementById('birth-year')?.focus();
      return;
    }
    setBusy(true);
    try {
      const outcome = await api<ScreenOutcome>('POST', `/api/screen?date=${localDate()}`, {
        answers, ...(year !== null ? { birthYear: year } : {}), ...(clinicianCleared ? { clinicianCleared: true } : {}),
      });
      onDone(outcome);
    } catch (err) {
      const ae = err instanceof ApiError ? err : null;
      setError({ message: ae?.message ?? 'Something went wrong.', field: ae?.field });
      summaryRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="screen">
      <ScreenTitle>Safety check</ScreenTitle>
      <p className="lead">Some signs mean you should see a doctor before any exercise program. Please answer every question. A “yes” does not mean something is wrong; it means a clinician should check first.</p>
      {clinicianCleared && <p className="notice">You said a clinician has checked you. Please answer the questions again for how you are today.</p>}
      <form onSubmit={submit} noValidate>
        {AREAS.map(({ area, title }) => {
          const qs = questions.redFlags.filter((q) => q.area === area);
          if (!qs.length) return null;
          return (
            <div key={area} className="question-group">
              <h2>{title}</h2>
              {qs.map((q) => <YesNo key={q.id} id={q.id} text={q.text} value={answers[q.id]} onChange={(v) => set(q.id, v)} invalid={missing.has(q.id)} />)}
            </div>
          );
        })}
        <div className="question-group">
          <h2>{PRECAUTIONS_TITLE}</h2>
          <p className="muted">These do not stop the program, but some exercises are left out until a clinician says they are safe for you.</p>
          {questions.precautions.map((q) => <YesNo key={q.id} id={q.id} text={q.text} value={answers[q.id]} onChange={(v) => set(q.id, v)} invalid={missing.has(q.id)} />)}
        </div>
        <div className="question-group">
          <h2>About you (optional)</h2>
          <label htmlFor="birth-year">Year you were born</label>
          <p className="muted" id="birth-year-hint">Used only to set a sensible top limit for your daily steps.</p>
          <input id="birth-year" inputMode="numeric" autoComplete="bday-year" value={birthYear} onChange={(e) => setBirthYear(e.target.value)}
            aria-describedby={`birth-year-hint${yearError ? ' birth-year-err' : ''}`} aria-invalid={!!yearError} />
          <FieldError id="birth-year-err" message={yearError} />
        </div>
        <div ref={summaryRef} tabIndex={-1}>
          {missing.size > 0 && <p className="field-error" role="alert">{missing.size === 1 ? '1 question is' : `${missing.size} questions are`} not answered yet.</p>}
          <FieldError message={error?.message} />
        </div>
        <p className="muted" aria-live="polite">{answered} of {all.length} answered</p>
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save my answers'}</button>
      </form>
    </section>
  );
}
