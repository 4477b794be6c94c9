/**
 * Remote-monitoring figures on the clinician's patient page (issue 15): each 30-day period from the program's start
 * with its days with data (a session, a check-in or walking from a device or file) against the 16 of the rule, and
 * the minutes logged on the record; a form to log the minutes the clinician spent, and the entries logged, those of
 * the clinician's own with Edit (the same form fills in) and Remove. The figures are the server's
 * (GET /api/patients/:personId/monitoring); the entry is checked with the server's own validator before it is sent.
 * Footing does not bill (docs/clinic.md).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatNumber } from '../i18n/format.js';
import { api, ApiError } from '../api/client.js';
import { FieldError } from '../ui/common.js';
import { localDate } from '../lib/local-time.js';
import {
  MONITORING_MINUTES_MAX,
  MonitoringMinutesInput,
  type MonitoringMinutes,
} from '../../../src/core/monitoring-minutes-record.js';
import type { MonitoringPeriod } from '../../../src/core/remote-monitoring.js';
import { checkWith } from '../../../src/core/validation-words.js';
import { issueIn } from '../../../src/core/i18n/validation-texts.js';
import { currentLanguage } from '../i18n/i18n.js';
import { monitoringPeriodText } from './clinician-attention.js';
import './clinician-monitoring.css';

/** A day as a person reads it, e.g. "3 Nov 2026": the same form as the clinician report's monitoring table. */
const inWords = (date: string) => formatDay(date, { day: 'numeric', month: 'short', year: 'numeric' });

interface Figures {
  rule: { periodDays: number; minDays: number };
  startedOn: string | null;
  periods: MonitoringPeriod[];
  entries: (MonitoringMinutes & { mine: boolean })[];
}

export function ClinicianMonitoring({ personId }: { personId: string }) {
  const { t } = useTranslation('clinic');
  const today = localDate();
  const base = `/api/patients/${encodeURIComponent(personId)}`;
  const [figures, setFigures] = useState<Figures | null>(null);
  const [minutes, setMinutes] = useState('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** The entry being corrected (the form then saves it instead of logging a new one). */
  const [editing, setEditing] = useState<string | null>(null);
  const load = useCallback(
    () => api<Figures>('GET', `${base}/monitoring?date=${today}`).then(setFigures, (e: Error) => setError(e.message)),
    [base, today],
  );
  useEffect(() => {
    void load();
  }, [load]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const checked = checkWith(MonitoringMinutesInput, {
      date,
      minutes: minutes.trim() === '' ? Number.NaN : Number(minutes),
      note: note.trim() || null,
    });
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      setError(
        t('monitoringCard.fieldError', {
          field: t(
            issue.path[0] === 'date'
              ? 'monitoringCard.date'
              : issue.path[0] === 'note'
                ? 'patient.note'
                : 'patient.minutes',
          ),
          message: issueIn(issue, currentLanguage()),
        }),
      );
      return;
    }
    try {
      if (editing) await api('PUT', `${base}/monitoring-minutes/${encodeURIComponent(editing)}`, checked.data);
      else await api('POST', `${base}/monitoring-minutes`, checked.data);
      reset();
      // Said once the figures show it, so the line and the table never disagree.
      await load();
      setSaved(
        t(editing ? 'monitoringCard.saved' : 'monitoringCard.logged', {
          minutes: formatNumber(checked.data.minutes),
          date: inWords(checked.data.date),
        }),
      );
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('monitoringCard.saveFailed'));
    }
  }

  function reset() {
    setEditing(null);
    setMinutes('');
    setNote('');
    setDate(today);
  }

  function startEdit(entry: MonitoringMinutes) {
    setError(null);
    setSaved(null);
    setEditing(entry.id);
    setMinutes(String(entry.minutes));
    setDate(entry.date);
    setNote(entry.note ?? '');
  }

  async function remove(entry: MonitoringMinutes) {
    setError(null);
    setSaved(null);
    try {
      await api('DELETE', `${base}/monitoring-minutes/${encodeURIComponent(entry.id)}`);
      if (editing === entry.id) reset();
      await load();
      setSaved(t('monitoringCard.removed', { minutes: formatNumber(entry.minutes), date: inWords(entry.date) }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('admin.removeFailed'));
    }
  }

  const periods = figures ? [...figures.periods].reverse() : [];
  const entries = figures ? [...figures.entries].reverse() : [];
  return (
    <div className="card monitoring">
      <h2>{t('monitoringCard.title')}</h2>
      {!figures ? (
        <FieldError message={error} />
      ) : (
        <>
          <p className="small">
            {t('monitoringCard.lead', {
              periodDays: formatNumber(figures.rule.periodDays),
              minDays: formatNumber(figures.rule.minDays),
            })}
          </p>
          {periods.length === 0 ? (
            <p>{t('monitoringCard.notStarted')}</p>
          ) : (
            <table className="monitoring-periods" data-testid="monitoring-periods">
              <thead>
                <tr>
                  <th scope="col">{t('monitoringCard.period')}</th>
                  <th scope="col">{t('monitoringCard.daysWithData')}</th>
                  <th scope="col">{t('patient.minutes')}</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p.start}>
                    <td>{t('monitoringCard.range', { start: inWords(p.start), end: inWords(p.end) })}</td>
                    <td>{monitoringPeriodText(p, t)}</td>
                    <td>{formatNumber(p.minutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {entries.length > 0 && (
        <>
          <h3>{t('monitoringCard.timeLogged')}</h3>
          <ul className="monitoring-entries" data-testid="monitoring-entries">
            {entries.map((e) => (
              <li key={e.id}>
                <span className="monitoring-entry">
                  {t('monitoringCard.entry', {
                    date: inWords(e.date),
                    minutes: formatNumber(e.minutes),
                    note: e.note ? `, ${e.note}` : '',
                    by: e.mine ? t('monitoringCard.you') : e.loggedBy,
                  })}
                </span>
                {e.mine && (
                  <span className="monitoring-entry-actions">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => startEdit(e)}
                      aria-label={t('monitoringCard.editLabel', {
                        minutes: formatNumber(e.minutes),
                        date: inWords(e.date),
                      })}
                    >
                      {t('monitoringCard.edit')}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void remove(e)}
                      aria-label={t('monitoringCard.removeLabel', {
                        minutes: formatNumber(e.minutes),
                        date: inWords(e.date),
                      })}
                    >
                      {t('admin.remove')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="monitoring-log" onSubmit={(e) => void submit(e)} noValidate>
        <h3>{editing ? t('monitoringCard.correct') : t('monitoringCard.log')}</h3>
        <label htmlFor="monitoring-minutes">
          {t('monitoringCard.minutes', { max: formatNumber(MONITORING_MINUTES_MAX) })}
        </label>
        <input
          id="monitoring-minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={MONITORING_MINUTES_MAX}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <label htmlFor="monitoring-date">{t('monitoringCard.date')}</label>
        <input id="monitoring-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <label htmlFor="monitoring-note">{t('monitoringCard.note')}</label>
        <input
          id="monitoring-note"
          type="text"
          maxLength={300}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit">{editing ? t('monitoringCard.saveChanges') : t('monitoringCard.logMinutes')}</button>
        {editing && (
          <button type="button" className="link-button" onClick={reset}>
            {t('monitoringCard.cancel')}
          </button>
        )}
        {figures && <FieldError message={error} />}
        {saved && <p role="status">{saved}</p>}
      </form>
    </div>
  );
}
