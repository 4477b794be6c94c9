/**
 * A 0-10 pain rating (NPRS) as eleven big buttons in a radio group: easier to hit on a phone than a slider and
 * read out properly by screen readers. Anchors say what 0 and 10 mean.
 */
import { useTranslation } from 'react-i18next';
import { NPRS_MAX, NPRS_MIN } from '../../../src/core/clinical-constants.js';

const SCORES = Array.from({ length: NPRS_MAX - NPRS_MIN + 1 }, (_, i) => NPRS_MIN + i);

export function PainScale({
  name,
  label,
  value,
  onChange,
}: {
  name: string;
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  const { t } = useTranslation('ui');
  return (
    <fieldset className="pain-scale">
      <legend>{label}</legend>
      <div className="pain-buttons">
        {SCORES.map((n) => (
          <label key={n} className={`pain-btn pain-${n}${value === n ? ' selected' : ''}`}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <p className="anchors">
        <span>{t('pain.min', { n: NPRS_MIN })}</span>
        <span>{t('pain.max', { n: NPRS_MAX })}</span>
      </p>
      {value !== null && (
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          {t('pain.clear', { label: label.toLowerCase() })}
        </button>
      )}
    </fieldset>
  );
}
