/**
 * A report's period, as the reader chooses it (issue 15): From (optional: the start of the record) and To (default
 * today). The clinician's patient page (clinic/report-period.tsx) and the patient's Progress use the same fields and
 * the same rule: a period that ends before it starts is said at once and gets no report (the server refuses it too).
 */
import { useState } from 'react';

export interface ReportPeriodState {
  from: string;
  to: string;
  setFrom: (v: string) => void;
  setTo: (v: string) => void;
  /** The last day: To, or today when To was cleared. */
  end: string;
  /** From after the last day: no report for it. */
  backwards: boolean;
  /** The period as the report routes take it: `from=...&to=...` (no `from` for the start of the record). */
  query: string;
}

export function useReportPeriod(today: string): ReportPeriodState {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(today);
  const end = to || today;
  return {
    from,
    to,
    setFrom,
    setTo,
    end,
    backwards: from !== '' && from > end,
    query: `${from ? `from=${from}&` : ''}to=${end}`,
  };
}

/** The two date fields, labelled in the page's own words; `id` keeps their ids apart if a page had two. */
export function ReportPeriodFields({
  period: p,
  labels,
  id,
}: {
  period: ReportPeriodState;
  labels: { legend: string; from: string; to: string };
  id: string;
}) {
  return (
    <fieldset className="report-period">
      <legend>{labels.legend}</legend>
      <label htmlFor={`${id}-from`}>{labels.from}</label>
      <input id={`${id}-from`} type="date" value={p.from} max={p.end} onChange={(e) => p.setFrom(e.target.value)} />
      <label htmlFor={`${id}-to`}>{labels.to}</label>
      <input id={`${id}-to`} type="date" value={p.to} onChange={(e) => p.setTo(e.target.value)} />
    </fieldset>
  );
}
