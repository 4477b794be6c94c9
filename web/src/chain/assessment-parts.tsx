/**
 * Small pieces the assessment screens share: a finding with its status in words and a symbol (never colour
 * alone), the evidence tag (plain strength, formal level, citations of its references), who recorded a
 * measurement, the date it was measured, and turning a field path from the API (`values.left`,
 * `input.sections[4]`) into an id.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { plainStrength, type EvidenceLevel } from '../../../src/core/evidence.js';
import { evidenceLabel, strengthWords } from '../../../src/core/i18n/evidence-texts.js';
import { currentLanguage } from '../i18n/i18n.js';
import type { Finding, FindingStatus } from '../api/assessment-types.js';
import { Citations } from '../ui/citations.js';
import { localDate, localIso, shortDate } from '../lib/local-time.js';

/** Status of a finding: a symbol, and a class for colour; its short words are assessment:status.<status>. */
export const STATUS_SYMBOL: Record<FindingStatus, string> = {
  typical: '✓',
  notable: '!',
  borderline: '~',
  'not-interpretable': '?',
};

export function StatusBadge({ status }: { status: FindingStatus }) {
  const { t } = useTranslation('assessment');
  return (
    <span className={`status-badge status-${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[status]}</span> {t(`status.${status}`)}
    </span>
  );
}

/**
 * "some support" pill plus "Evidence: LAB (Laboratory study in healthy people), Khamis and Yizhar, 2007; Martin et
 * al., 2014", each citation a link to its entry on the References page.
 */
export function EvidenceTag({ evidence, refs }: { evidence: EvidenceLevel; refs: readonly string[] }) {
  const { t } = useTranslation('assessment');
  // The class names the English strength (the stylesheet's colours); the words follow the language on screen.
  const strength = plainStrength(evidence);
  const language = currentLanguage();
  return (
    <span className="evidence-tag">
      <span className={`strength strength-${strength.replace(/[^a-z]+/g, '-')}`}>
        {strengthWords(evidence, language)}
      </span>{' '}
      <span className="evidence-label">
        {t('evidence.label', { level: evidence, name: evidenceLabel(evidence, language) })}
        {refs.length > 0 && (
          <>
            , <Citations refs={refs} />
          </>
        )}
      </span>
    </span>
  );
}

/** One finding: label (side), value, status, the plain sentence, the evidence; for a clinician the reference too. */
export function FindingItem({ finding, clinician = false }: { finding: Finding; clinician?: boolean }) {
  const { t } = useTranslation('assessment');
  // Which side a finding is about, in words (none: no side is named).
  const side = finding.side === 'none' ? '' : t(`side.${finding.side}`);
  return (
    <li className={`finding finding-${finding.status}`} data-source={finding.source} data-side={finding.side}>
      <p className="finding-head">
        <strong>
          {finding.label}
          {side ? ` (${side})` : ''}: {finding.value}
        </strong>
      </p>
      <StatusBadge status={finding.status} />
      <p>{finding.plain}</p>
      <EvidenceTag evidence={finding.evidence} refs={finding.refs} />
      {finding.measuredFrom && (
        <p className="small muted finding-from">{t('finding.measuredFrom', { from: finding.measuredFrom })}</p>
      )}
      {clinician && (
        <p className="clinician-text">
          {t('finding.reference', {
            reference: finding.reference,
            date: shortDate(finding.recordedAt),
            by: byWhom(finding.recordedBy, t),
          })}
        </p>
      )}
    </li>
  );
}

export function FindingList({ findings, clinician }: { findings: readonly Finding[]; clinician?: boolean }) {
  return (
    <ul className="findings">
      {findings.map((f, i) => (
        <FindingItem key={`${f.source}-${f.side}-${f.label}-${i}`} finding={f} clinician={clinician ?? false} />
      ))}
    </ul>
  );
}

export interface Recorder {
  who: 'me' | 'clinician';
  name: string;
  date: string;
}
export const newRecorder = (): Recorder => ({ who: 'me', name: '', date: localDate() });

/** Who measured it, after "by": the stored "me" in the person's language ("by me", "por mí"), or the clinician's name. */
export const byWhom = (recordedBy: string, t: TFunction): string =>
  recordedBy === 'me' ? t('assessment:recorder.byMe') : recordedBy;

/** The stored `recordedBy`: "me", or the clinician's name. */
export function recordedBy(r: Recorder): string {
  return r.who === 'me' ? 'me' : r.name.trim();
}

/** The stored `recordedAt`: now for today, midday of an earlier date (the person's own zone either way). */
export function recordedAt(r: Recorder): string {
  if (r.date === localDate()) return localIso();
  const [y, m, d] = r.date.split('-').map(Number);
  return localIso(new Date(y!, m! - 1, d!, 12));
}

/** Problems with the recorder fields a person can fix before sending: a name for a clinician, a past date. */
export function recorderProblem(r: Recorder, t: TFunction): { field: 'name' | 'date'; message: string } | null {
  if (r.who === 'clinician' && !r.name.trim()) return { field: 'name', message: t('assessment:recorder.nameMissing') };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date) || r.date > localDate())
    return { field: 'date', message: t('assessment:recorder.dateInFuture') };
  return null;
}

/** Who measured it and when: "Me" or "A clinician" (with a name), and the date. */
export function RecorderFields({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: Recorder;
  onChange: (r: Recorder) => void;
  error?: { field?: string | undefined; message: string } | null;
}) {
  const { t } = useTranslation('assessment');
  const nameErr = error?.field === 'name' ? error.message : null;
  const dateErr = error?.field === 'date' ? error.message : null;
  return (
    <div className="recorder">
      <fieldset className="choice-row">
        <legend>{t('recorder.who')}</legend>
        <label className={`choice${value.who === 'me' ? ' selected' : ''}`}>
          <input
            type="radio"
            name={`${id}-who`}
            checked={value.who === 'me'}
            onChange={() => onChange({ ...value, who: 'me' })}
          />{' '}
          {t('recorder.me')}
        </label>
        <label className={`choice${value.who === 'clinician' ? ' selected' : ''}`}>
          <input
            type="radio"
            name={`${id}-who`}
            checked={value.who === 'clinician'}
            onChange={() => onChange({ ...value, who: 'clinician' })}
          />{' '}
          {t('recorder.clinician')}
        </label>
      </fieldset>
      {value.who === 'clinician' && (
        <>
          <label htmlFor={`${id}-name`}>{t('recorder.name')}</label>
          <input
            id={`${id}-name`}
            value={value.name}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => onChange({ ...value, name: e.target.value })}
            aria-invalid={!!nameErr}
            aria-describedby={nameErr ? `${id}-name-err` : undefined}
          />
          {nameErr && (
            <p id={`${id}-name-err`} className="field-error" role="alert">
              {nameErr}
            </p>
          )}
        </>
      )}
      <label htmlFor={`${id}-date`}>{t('recorder.date')}</label>
      <input
        id={`${id}-date`}
        type="date"
        value={value.date}
        max={localDate()}
        onChange={(e) => onChange({ ...value, date: e.target.value })}
        aria-invalid={!!dateErr}
        aria-describedby={dateErr ? `${id}-date-err` : undefined}
      />
      {dateErr && (
        <p id={`${id}-date-err`} className="field-error" role="alert">
          {dateErr}
        </p>
      )}
    </div>
  );
}

/** An id for a form field from the API's field path: `values.left` -> `nd-values-left`, `input.sections[4]` -> `odi-input-sections-4`. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .join('-')}`;
}

/** The API names the field in its message ("values.left: ..."); the form shows the message next to it, without the path. */
export function messageWithoutPath(message: string, field: string | undefined): string {
  return field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/** A card section with a heading whose level fits where it sits. */
export function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <div className={`card ${className ?? ''}`}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}
