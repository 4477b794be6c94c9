/**
 * One screening test: what it looks at, how to do it at home and how a clinician does it (the catalogue's own
 * words), how reliable it is, the last result, and a form matching the test's schema. Saving shows the findings
 * the API returns; an error is shown next to the field it names.
 */
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import type { Finding, ScreeningRecord, ScreeningTestEntry, ScreeningTestId } from '../api/assessment-types.js';
import {
  EvidenceTag,
  FindingList,
  RecorderFields,
  byWhom,
  fieldId,
  messageWithoutPath,
  newRecorder,
  recordedAt,
  recordedBy,
  recorderProblem,
  type Recorder,
} from './assessment-parts.js';
import { segmentName } from './chain-diagram.js';
import { shortDate } from '../lib/local-time.js';
import { buildValues, plainMessage, testFields, type FieldDef, type FormText } from './assessment-test-fields.js';

type How = ScreeningTestEntry['clinic'];

function HowTo({ how }: { how: How }) {
  const { t } = useTranslation('assessment');
  return (
    <>
      {how.need.length > 0 && (
        <>
          <h4>{t('test.youNeed')}</h4>
          <ul>
            {how.need.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('test.steps')}</h4>
      <ol>
        {how.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {how.safety.length > 0 && (
        <>
          <h4>{t('test.staySafe')}</h4>
          <ul>
            {how.safety.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
      {how.note && <p className="notice">{how.note}</p>}
    </>
  );
}

function Field({
  prefix,
  f,
  value,
  onChange,
  error,
}: {
  prefix: string;
  f: FieldDef;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
}) {
  const { t } = useTranslation('assessment');
  const id = fieldId(prefix, `values.${f.path}`); // i18n-ignore: a field path of the API
  const errId = `${id}-err`;
  if (f.kind === 'choice') {
    return (
      <fieldset
        id={id}
        className={`choice-field${error ? ' invalid' : ''}`}
        aria-describedby={error ? errId : undefined}
      >
        <legend>{f.label}</legend>
        <div className="choice-row">
          {f.choices!.map((c) => (
            <label key={c.value} className={`choice${value === c.value ? ' selected' : ''}`}>
              <input
                type="radio"
                name={id}
                value={c.value}
                checked={value === c.value}
                onChange={() => onChange(c.value)}
              />{' '}
              {c.label}
            </label>
          ))}
          {!f.required && (
            <label className={`choice${value === '' ? ' selected' : ''}`}>
              <input type="radio" name={id} value="" checked={value === ''} onChange={() => onChange('')} />{' '}
              {t('test.notDone')}
            </label>
          )}
        </div>
        {error && (
          <p id={errId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
    );
  }
  return (
    <div className="num-field">
      <label htmlFor={id}>
        {f.label}
        {f.unit ? ` (${f.unit})` : ''}
      </label>
      <input
        id={id}
        type="text"
        inputMode={f.kind === 'signed-integer' ? 'text' : f.kind === 'integer' ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={error ? errId : undefined}
      />
      {error && (
        <p id={errId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function TestCard({
  test,
  last,
  open,
  onSaved,
}: {
  test: ScreeningTestEntry;
  last: { record: ScreeningRecord; findings: Finding[] } | null;
  open: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation('assessment');
  const [formOpen, setFormOpen] = useState(open);
  const [text, setText] = useState<FormText>({});
  const [recorder, setRecorder] = useState<Recorder>(newRecorder);
  const [result, setResult] = useState<Finding[] | null>(null);
  const { error, setError, busy, submit: send } = useFormState();
  const prefix = test.id;
  const testId = test.id as ScreeningTestId;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    const { values, problem } = buildValues(testId, text, t);
    const check = () => {
      const rp = recorderProblem(recorder, t);
      if (rp) return rp;
      if (problem) document.getElementById(fieldId(prefix, problem.field))?.focus();
      return problem;
    };
    await send(
      async () => {
        const saved = await api<{ findings: Finding[] }>('POST', '/api/assessment/screening', {
          testId,
          values,
          recordedAt: recordedAt(recorder),
          recordedBy: recordedBy(recorder),
        });
        setResult(saved.findings);
        setText({});
        onSaved();
      },
      {
        check,
        adapt: (p) => {
          const field = p.field ?? 'form';
          document.getElementById(fieldId(prefix, field))?.focus();
          return { field, message: plainMessage(messageWithoutPath(p.message, p.field), test, t) };
        },
      },
    );
  }

  const errorAt = (path: string) => (error?.field === `values.${path}` ? error.message : null); // i18n-ignore: a field path of the API
  const formError =
    error && !(error.field ?? 'form').startsWith('values.') && !['name', 'date'].includes(error.field ?? 'form')
      ? error.message
      : null;
  const home = test.home;
  return (
    <article className="card test-card" id={test.id} aria-labelledby={`${prefix}-title`} tabIndex={-1}>
      <h2 id={`${prefix}-title`}>{test.name}</h2>
      <p>{test.purpose}</p>
      <p className="muted small">
        <Trans
          t={t}
          i18nKey="test.measures"
          values={{ segment: segmentName(t, test.segment).toLowerCase() }}
          components={{ strong: <strong /> }}
        />{' '}
        <EvidenceTag evidence={test.evidence} refs={test.refs} />
      </p>
      {last && !result && (
        <div className="last-result">
          <h3>
            {t('test.lastResult', { date: shortDate(last.record.recordedAt), by: byWhom(last.record.recordedBy, t) })}
          </h3>
          <FindingList findings={last.findings} />
        </div>
      )}
      <details>
        <summary>{t('test.atHome')}</summary>
        {'notAtHome' in home ? <p>{home.notAtHome}</p> : <HowTo how={home} />}
      </details>
      <details>
        <summary>{t('test.byClinician')}</summary>
        <HowTo how={test.clinic} />
      </details>
      <details>
        <summary>{t('test.reliable')}</summary>
        <p>{test.reliability}</p>
        {test.unverified && <p className="notice">{t('test.unverified', { what: test.unverified })}</p>}
        {test.licence && <p className="muted">{test.licence}</p>}
      </details>
      <button
        type="button"
        aria-expanded={formOpen}
        aria-controls={`${prefix}-form`}
        onClick={() => setFormOpen(!formOpen)}
      >
        {formOpen ? t('test.hideForm') : t('test.enterResult')}
      </button>
      <form
        id={`${prefix}-form`}
        hidden={!formOpen}
        onSubmit={submit}
        noValidate
        aria-label={t('test.formLabel', { name: test.name })}
      >
        <p className="muted small">{t('test.accepted', { range: test.input.range })}</p>
        {testFields(t)[testId].map((g) => (
          <fieldset key={g.legend} className="field-group">
            <legend>{g.legend}</legend>
            <div className={g.fields.every((f) => f.kind !== 'choice') ? 'row' : ''}>
              {g.fields.map((f) => (
                <Field
                  key={f.path}
                  prefix={prefix}
                  f={f}
                  value={text[f.path] ?? ''}
                  onChange={(v) => {
                    setText({ ...text, [f.path]: v });
                    setError(null);
                  }}
                  error={errorAt(f.path)}
                />
              ))}
            </div>
          </fieldset>
        ))}
        <RecorderFields id={`${prefix}-rec`} value={recorder} onChange={setRecorder} error={error} />
        {formError && (
          <p id={fieldId(prefix, error?.field ?? 'form')} className="field-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('saving') : t('test.save')}
        </button>
      </form>
      {result && (
        <div className="new-result" role="status">
          <h3>{t('test.yourResult')}</h3>
          <FindingList findings={result} />
        </div>
      )}
    </article>
  );
}
