/**
 * Entry forms of the outcome measures (shapes of src/core/outcome-schemas.ts). NPRS and PSFS are free and entered
 * in full (PSFS: the person names 3-5 activities in their own words and rates each). ODI, NDI, FAAM and STarT Back
 * are copyrighted: Footing shows no item text, only numbered boxes for the numbers copied from the official form,
 * or the total. Errors from the API (`input.sections[4]`) are shown next to that box.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import type { OutcomeMeasureId, OutcomeSaved } from '../api/assessment-types.js';
import {
  RecorderFields,
  fieldId,
  messageWithoutPath,
  newRecorder,
  recordedAt,
  recordedBy,
  recorderProblem,
  type Recorder,
} from './assessment-parts.js';
import { PainScale } from '../ui/pain-scale.js';
import {
  FAAM_ADL_ITEMS,
  FAAM_ITEM_MAX,
  FAAM_SPORTS_ITEMS,
  NDI_ITEM_MAX,
  NDI_ITEMS,
  NDI_RAW_MAX,
  ODI_SECTION_MAX,
  ODI_SECTIONS,
  PSFS_MAX_ACTIVITIES,
  PSFS_MIN_ACTIVITIES,
  PSFS_RATING_MAX,
  PSFS_RATING_MIN,
  START_BACK_OVERALL_MAX,
  START_BACK_SUBSCALE_MAX,
} from '../../../src/core/outcome-constants.js';
import { bandWords, formatScore } from './assessment-outcome-text.js';
import { formatNumber } from '../i18n/format.js';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** The shell every form shares: the fields, who and when, the error, the save button, and what was saved. */
function useSave(measure: OutcomeMeasureId, onSaved: () => void) {
  const { t } = useTranslation('assessment');
  const [recorder, setRecorder] = useState<Recorder>(newRecorder);
  const [saved, setSaved] = useState<OutcomeSaved | null>(null);
  const { error, setError, busy, submit } = useFormState();
  function save(input: unknown) {
    setSaved(null);
    return submit(
      async () => {
        setSaved(
          await api<OutcomeSaved>('POST', '/api/assessment/outcomes', {
            measure,
            input,
            recordedAt: recordedAt(recorder),
            recordedBy: recordedBy(recorder),
          }),
        );
        onSaved();
      },
      {
        check: () => recorderProblem(recorder, t),
        // The server's field path stays out of the words; focus goes to the box it names (or the form's own line).
        adapt: (p) => {
          const field = p.field ?? 'form';
          requestAnimationFrame(() => document.getElementById(fieldId(measure, field))?.focus());
          return { field, message: messageWithoutPath(p.message, p.field) };
        },
      },
    );
  }
  return { recorder, setRecorder, error, setError, saved, busy, save };
}

function Shell({
  measure,
  s,
  submit,
  children,
}: {
  measure: OutcomeMeasureId;
  s: ReturnType<typeof useSave>;
  submit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('assessment');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  const field = s.error?.field ?? '';
  // Errors about one box are shown beside it; the rest (the whole list, the form) here, focusable so focus can move to it.
  const general =
    s.error &&
    !/\[\d+\]$/.test(field) &&
    !/^input\.(sections|items)$/.test(field) &&
    !['name', 'date'].includes(field) &&
    !fieldIsBox(measure, field)
      ? s.error.message
      : null;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('forms.enter', { measure: measure.toUpperCase() })}>
      {children}
      <RecorderFields id={`${measure}-rec`} value={s.recorder} onChange={s.setRecorder} error={s.error} />
      {general && (
        <p id={fieldId(measure, field)} className="field-error" role="alert" tabIndex={-1}>
          {general}
        </p>
      )}
      <button type="submit" className="primary" disabled={s.busy}>
        {s.busy ? t('saving') : t('forms.save')}
      </button>
      {s.saved && s.saved.score.score !== null && (
        <p className="success" role="status">
          {t('forms.saved', {
            score:
              formatScore(measure, s.saved.score.score, t) +
              (s.saved.score.band ? `, ${bandWords(measure, s.saved.score.band, t)}` : ''),
          })}
        </p>
      )}
    </form>
  );
}

// Boxes with their own error line: totals and the STarT Back scores.
const BOX_FIELDS = ['input.totalPercent', 'input.rawTotal', 'input.overall', 'input.psychosocial', 'input.value'];
const fieldIsBox = (_m: OutcomeMeasureId, field: string) => BOX_FIELDS.includes(field);

function NumberBox({
  id,
  label,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  hint?: string;
}) {
  return (
    <div className="num-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="muted small" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}
      />
      {error && (
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A number from a box; text that is not a number is sent as NaN-free null so the API names the field. */
const toNumber = (t: string): number | null =>
  t.trim() === '' ? null : Number.isFinite(Number(t.replace(',', '.'))) ? Number(t.replace(',', '.')) : null;

export function NprsForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('assessment');
  const s = useSave('nprs', onSaved);
  const [value, setValue] = useState<number | null>(null);
  const submit = () => {
    if (value === null) {
      s.setError({ field: 'input.value', message: t('forms.nprsMissing') });
      return;
    }
    void s.save({ value }).then((ok) => {
      if (ok) setValue(null);
    });
  };
  return (
    <Shell measure="nprs" s={s} submit={submit}>
      <PainScale
        name="nprs-value"
        label={t('forms.painNow')}
        value={value}
        onChange={(v) => {
          setValue(v);
          s.setError(null);
        }}
      />
      {s.error?.field === 'input.value' && (
        <p id="nprs-input-value" className="field-error" role="alert" tabIndex={-1}>
          {s.error.message}
        </p>
      )}
    </Shell>
  );
}

interface Activity {
  name: string;
  rating: string;
}

export function PsfsForm({ onSaved, previous }: { onSaved: () => void; previous: string[] }) {
  const { t } = useTranslation('assessment');
  const s = useSave('psfs', onSaved);
  const start = previous.length ? previous : Array.from({ length: PSFS_MIN_ACTIVITIES }, () => '');
  const [rows, setRows] = useState<Activity[]>(
    start.slice(0, PSFS_MAX_ACTIVITIES).map((name) => ({ name, rating: '' })),
  );
  const set = (i: number, a: Partial<Activity>) => {
    setRows(rows.map((r, j) => (j === i ? { ...r, ...a } : r)));
    s.setError(null);
  };
  const submit = () => {
    const filled = rows.filter((r) => r.name.trim() !== '');
    if (filled.length < PSFS_MIN_ACTIVITIES) {
      s.setError({
        field: 'input.activities',
        message: t('forms.psfsTooFew', { min: formatNumber(PSFS_MIN_ACTIVITIES) }),
      });
      return;
    }
    void s.save({
      activities: filled.map((r) => ({ name: r.name.trim(), rating: r.rating === '' ? null : Number(r.rating) })),
    });
  };
  const err = (i: number) =>
    s.error && (s.error.field === `input.activities[${i}]` || s.error.field?.startsWith(`input.activities[${i}].`))
      ? s.error.message
      : null;
  return (
    <Shell measure="psfs" s={s} submit={submit}>
      <p>
        {t('forms.psfsIntro', {
          min: formatNumber(PSFS_MIN_ACTIVITIES),
          max: formatNumber(PSFS_MAX_ACTIVITIES),
          low: formatNumber(PSFS_RATING_MIN),
          high: formatNumber(PSFS_RATING_MAX),
        })}
      </p>
      <ol className="psfs-rows">
        {rows.map((r, i) => {
          const id = fieldId('psfs', `input.activities[${i}]`);
          const e = err(i);
          return (
            <li key={i} className="psfs-row">
              <label htmlFor={`${id}-name`}>{t('forms.activity', { n: formatNumber(i + 1) })}</label>
              <input
                id={`${id}-name`}
                value={r.name}
                maxLength={200}
                onChange={(ev) => set(i, { name: ev.target.value })}
                aria-invalid={!!e}
                aria-describedby={e ? `${id}-err` : undefined}
              />
              <label htmlFor={id}>
                {t('forms.howWell', { low: formatNumber(PSFS_RATING_MIN), high: formatNumber(PSFS_RATING_MAX) })}
              </label>
              <select id={id} value={r.rating} onChange={(ev) => set(i, { rating: ev.target.value })}>
                <option value="">{t('forms.notRated')}</option>
                {range(PSFS_RATING_MIN, PSFS_RATING_MAX).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              {rows.length > PSFS_MIN_ACTIVITIES && (
                <button type="button" className="link-button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  {t('forms.removeActivity', { n: formatNumber(i + 1) })}
                </button>
              )}
              {e && (
                <p id={`${id}-err`} className="field-error" role="alert">
                  {e}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {rows.length < PSFS_MAX_ACTIVITIES && (
        <button type="button" onClick={() => setRows([...rows, { name: '', rating: '' }])}>
          {t('forms.addActivity')}
        </button>
      )}
    </Shell>
  );
}

// itemWord and totalLabel name keys of the catalogue: assessment:forms.item.<itemWord>, assessment:forms.total.<totalLabel>.
interface ItemFormConfig {
  measure: 'odi' | 'ndi' | 'faam-adl' | 'faam-sports';
  itemsKey: 'sections' | 'items';
  itemWord: 'section' | 'item';
  count: number;
  max: number;
  na: boolean;
  totalKey: 'totalPercent' | 'rawTotal';
  totalLabel: 'percent' | 'raw' | 'subscale';
}
export const ITEM_FORMS: Record<ItemFormConfig['measure'], ItemFormConfig> = {
  odi: {
    measure: 'odi',
    itemsKey: 'sections',
    itemWord: 'section',
    count: ODI_SECTIONS,
    max: ODI_SECTION_MAX,
    na: false,
    totalKey: 'totalPercent',
    totalLabel: 'percent',
  },
  ndi: {
    measure: 'ndi',
    itemsKey: 'items',
    itemWord: 'item',
    count: NDI_ITEMS,
    max: NDI_ITEM_MAX,
    na: false,
    totalKey: 'rawTotal',
    totalLabel: 'raw',
  },
  'faam-adl': {
    measure: 'faam-adl',
    itemsKey: 'items',
    itemWord: 'item',
    count: FAAM_ADL_ITEMS,
    max: FAAM_ITEM_MAX,
    na: true,
    totalKey: 'totalPercent',
    totalLabel: 'subscale',
  },
  'faam-sports': {
    measure: 'faam-sports',
    itemsKey: 'items',
    itemWord: 'item',
    count: FAAM_SPORTS_ITEMS,
    max: FAAM_ITEM_MAX,
    na: true,
    totalKey: 'totalPercent',
    totalLabel: 'subscale',
  },
};

/** ODI, NDI, FAAM: the number of each section or item from the official form, or the total. */
export function ItemsForm({ config, onSaved }: { config: ItemFormConfig; onSaved: () => void }) {
  const { measure, itemsKey, itemWord, count, max, na, totalKey, totalLabel } = config;
  const { t } = useTranslation('assessment');
  const s = useSave(measure, onSaved);
  const totalPath = `input.${totalKey}`; // i18n-ignore: a field path of the API
  const itemsPath = `input.${itemsKey}`; // i18n-ignore: a field path of the API
  const [mode, setMode] = useState<'items' | 'total'>('items');
  const [items, setItems] = useState<string[]>(() => Array.from({ length: count }, () => ''));
  const [total, setTotal] = useState('');
  const submit = () => {
    if (mode === 'total') {
      const n = toNumber(total);
      if (n === null) {
        s.setError({ field: totalPath, message: t('forms.totalMissing') });
        return;
      }
      void s.save({ [totalKey]: n });
    } else {
      void s.save({ [itemsKey]: items.map((v) => (v === '' ? null : v === 'na' ? 'na' : Number(v))) });
    }
  };
  const itemErr = (i: number) => (s.error?.field === `input.${itemsKey}[${i}]` ? s.error.message : null);
  const name = `${measure}-mode`;
  return (
    <Shell measure={measure} s={s} submit={submit}>
      <fieldset className="choice-row">
        <legend>{t('forms.whatEnter')}</legend>
        <label className={`choice${mode === 'items' ? ' selected' : ''}`}>
          <input
            type="radio"
            name={name}
            checked={mode === 'items'}
            onChange={() => {
              setMode('items');
              s.setError(null);
            }}
          />{' '}
          {t(`forms.eachNumber.${itemWord}`)}
        </label>
        <label className={`choice${mode === 'total' ? ' selected' : ''}`}>
          <input
            type="radio"
            name={name}
            checked={mode === 'total'}
            onChange={() => {
              setMode('total');
              s.setError(null);
            }}
          />{' '}
          {t('forms.theTotal')}
        </label>
      </fieldset>
      {mode === 'total' ? (
        <NumberBox
          id={fieldId(measure, totalPath)}
          label={t(`forms.total.${totalLabel}`, { max: formatNumber(NDI_RAW_MAX) })}
          value={total}
          onChange={(v) => {
            setTotal(v);
            s.setError(null);
          }}
          error={s.error?.field === totalPath ? s.error.message : null}
        />
      ) : (
        <fieldset>
          <legend>
            {t(na ? `forms.ticked.${itemWord}WithNa` : `forms.ticked.${itemWord}`, { max: formatNumber(max) })}
          </legend>
          {s.error?.field === itemsPath && (
            <p id={fieldId(measure, itemsPath)} className="field-error" role="alert" tabIndex={-1}>
              {s.error.message}
            </p>
          )}
          <div className="item-grid">
            {items.map((v, i) => {
              const id = fieldId(measure, `input.${itemsKey}[${i}]`);
              const e = itemErr(i);
              return (
                <div key={i} className={`item-box${e ? ' invalid' : ''}`}>
                  <label htmlFor={id}>{t(`forms.item.${itemWord}`, { n: formatNumber(i + 1) })}</label>
                  <select
                    id={id}
                    value={v}
                    onChange={(ev) => {
                      setItems(items.map((x, j) => (j === i ? ev.target.value : x)));
                      s.setError(null);
                    }}
                    aria-invalid={!!e}
                    aria-describedby={e ? `${id}-err` : undefined}
                  >
                    <option value="">–</option>
                    {range(0, max).map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                    {na && <option value="na">{t('forms.na')}</option>}
                  </select>
                  {e && (
                    <p id={`${id}-err`} className="field-error" role="alert">
                      {e}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
    </Shell>
  );
}

/** STarT Back: the overall total and the psychosocial subscale, from the official form. */
export function StartBackForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('assessment');
  const s = useSave('start-back', onSaved);
  const [overall, setOverall] = useState('');
  const [psycho, setPsycho] = useState('');
  const submit = () => {
    const o = toNumber(overall);
    const p = toNumber(psycho);
    if (o === null) {
      s.setError({
        field: 'input.overall',
        message: t('forms.overallMissing', { max: formatNumber(START_BACK_OVERALL_MAX) }),
      });
      return;
    }
    if (p === null) {
      s.setError({
        field: 'input.psychosocial',
        message: t('forms.psychosocialMissing', { max: formatNumber(START_BACK_SUBSCALE_MAX) }),
      });
      return;
    }
    void s.save({ overall: o, psychosocial: p });
  };
  const err = (f: string) => (s.error?.field === f ? s.error.message : null);
  return (
    <Shell measure="start-back" s={s} submit={submit}>
      <div className="row">
        <NumberBox
          id={fieldId('start-back', 'input.overall')}
          label={t('forms.overall', { max: formatNumber(START_BACK_OVERALL_MAX) })}
          value={overall}
          onChange={(v) => {
            setOverall(v);
            s.setError(null);
          }}
          error={err('input.overall')}
        />
        <NumberBox
          id={fieldId('start-back', 'input.psychosocial')}
          label={t('forms.psychosocial', { max: formatNumber(START_BACK_SUBSCALE_MAX) })}
          value={psycho}
          onChange={(v) => {
            setPsycho(v);
            s.setError(null);
          }}
          error={err('input.psychosocial')}
        />
      </div>
    </Shell>
  );
}
