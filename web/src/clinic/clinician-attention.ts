/**
 * The patient list's line for one patient (GET /api/patients, a page of them; GET /api/patients/:personId/summary).
 * Whether a patient needs attention is decided on the server with the DOMAIN.md thresholds
 * (src/core/patient-attention.ts): a red flag, pain meaningfully worse than in the first week (the NPRS MCID), no
 * check-in for 7 days, or sessions on under half the days of a week once the program has run a whole week.
 */
import type { TFunction } from 'i18next';
import {
  MONITORING_MIN_DAYS,
  MONITORING_PERIOD_DAYS,
  type MonitoringPeriod,
} from '../../../src/core/remote-monitoring.js';
import { formatDayWithYear, formatNumber } from '../i18n/format.js';
import { ATTENTION, NO_CHECKIN_ATTENTION_DAYS } from '../../../src/core/patient-attention.js';
import { ADHERENCE_REPLAN_BELOW } from '../../../src/core/clinical-constants.js';

export interface Adherence {
  done: number;
  prescribed: number;
  fraction: number;
}

export interface PatientLine {
  personId: string;
  displayName: string;
  email: string | null;
  linkedAt: string | null;
  program: { stage: number; status: string; stageStartedOn: string } | null;
  redFlag: boolean;
  adherence7: Adherence | null;
  adherence28: Adherence | null;
  lastCheckin: { date: string; maxPain: number | null } | null;
  lastSessionDate: string | null;
  /** First-week daily pain against the last 7 days', judged by the MCID. */
  painTrend: {
    baseline: number;
    recent: number;
    status: 'improved' | 'no-meaningful-change' | 'worse';
    mcidPoints: number;
  } | null;
  needsAttention: string[];
  /** The current remote-monitoring period (src/core/remote-monitoring.ts); null before the program starts. */
  monitoring: MonitoringPeriod | null;
  /** Messages from this patient the clinician has not opened yet. */
  unreadMessages: number;
}

/** The monitoring period in a line: days with data against the 16 of the rule, and the minutes logged. */
export function monitoringLineText(m: MonitoringPeriod | null, t: TFunction): string {
  if (!m) return t('clinic:monitoring.notStarted');
  return t('clinic:monitoring.line', { period: monitoringPeriodText(m, t), minutes: formatNumber(m.minutes) });
}

/**
 * A monitoring period in words, in the language on screen (the words of core's monitoringText, which the report
 * keeps): "12 of 18 days so far with data; 4 more needed by 30 Nov 2026", "16 of 30 days with data: 16 reached".
 */
export function monitoringPeriodText(p: MonitoringPeriod, t: TFunction): string {
  const n = formatNumber;
  if (p.reached)
    return t('clinic:monitoring.reached', {
      withData: n(p.daysWithData),
      elapsed: n(p.daysElapsed),
      min: n(MONITORING_MIN_DAYS),
    });
  if (p.daysElapsed === MONITORING_PERIOD_DAYS)
    return t('clinic:monitoring.under', {
      withData: n(p.daysWithData),
      total: n(MONITORING_PERIOD_DAYS),
      min: n(MONITORING_MIN_DAYS),
    });
  return t('clinic:monitoring.soFar', {
    count: p.daysElapsed,
    withData: n(p.daysWithData),
    elapsed: n(p.daysElapsed),
    needed: n(p.daysNeeded),
    end: formatDayWithYear(p.end),
    late: p.stillPossible ? '' : t('clinic:monitoring.noLongerPossible'),
  });
}

/** The server's reasons (src/core/patient-attention.ts ATTENTION, in English) and their catalogue keys. */
const REASON_KEYS: ReadonlyMap<string, string> = new Map(
  Object.entries(ATTENTION).map(([key, english]) => [english, key]),
);

/** The reasons this patient needs attention today, in the language on screen (empty when none; a reason this
 * version does not know is shown as the server wrote it). */
export function attentionReasons(p: PatientLine, t: TFunction): string[] {
  return (p.needsAttention ?? []).map((r) => {
    const key = REASON_KEYS.get(r);
    return key
      ? t(`clinic:attentionReason.${key}`, {
          days: formatNumber(NO_CHECKIN_ATTENTION_DAYS),
          percent: formatNumber(Math.round(ADHERENCE_REPLAN_BELOW * 100)),
        })
      : r;
  });
}

/** The pain trend in words, with the MCID that makes a change real. */
export function painTrendText(trend: PatientLine['painTrend'], t: TFunction): string {
  if (!trend) return t('clinic:painTrend.notEnough');
  return t('clinic:painTrend.line', {
    baseline: formatNumber(trend.baseline),
    recent: formatNumber(trend.recent),
    word: t(`clinic:painTrend.${trend.status}`),
    mcid: formatNumber(trend.mcidPoints),
  });
}

/** A page of the list: the patients on it, how many match the search and filter, the page (from 1) and its size. */
export interface PatientPage {
  patients: PatientLine[];
  total: number;
  page: number;
  pageSize: number;
}

/** The list's orders as the screen offers them (the API's sort and order); each one's words are clinic:patients.order.<id>. */
export const LIST_ORDERS = [
  { id: 'name', sort: 'name', order: 'asc' },
  { id: 'name-desc', sort: 'name', order: 'desc' },
  { id: 'attention', sort: 'attention', order: 'desc' },
  { id: 'checkin', sort: 'lastCheckin', order: 'desc' },
  { id: 'checkin-oldest', sort: 'lastCheckin', order: 'asc' },
  { id: 'session', sort: 'lastSession', order: 'desc' },
  { id: 'adherence', sort: 'adherence7', order: 'asc' },
  { id: 'stage', sort: 'stage', order: 'asc' },
  { id: 'stage-desc', sort: 'stage', order: 'desc' },
] as const;
export type ListOrderId = (typeof LIST_ORDERS)[number]['id'];

/** What the clinician asked of the list (kept in the address, so Back from a patient returns to the same page). */
export interface ListView {
  q: string;
  order: ListOrderId;
  attentionOnly: boolean;
  page: number;
}

export const LIST_PAGE_SIZE = 50;

/** The view in the address's query (?q=&order=&attention=only&page=); anything unknown falls back to the default. */
export function viewFromSearch(search: string): ListView {
  const p = new URLSearchParams(search);
  const order = LIST_ORDERS.find((o) => o.id === p.get('order'))?.id ?? 'name';
  const page = Number(p.get('page'));
  return {
    q: p.get('q') ?? '',
    order,
    attentionOnly: p.get('attention') === 'only',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The address's query for a view (empty for the default view). */
export function searchOf(v: ListView): string {
  const p = new URLSearchParams();
  if (v.q) p.set('q', v.q);
  if (v.order !== 'name') p.set('order', v.order);
  if (v.attentionOnly) p.set('attention', 'only');
  if (v.page > 1) p.set('page', String(v.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The API request for a view on a date. */
export function listRequest(v: ListView, date: string): string {
  const o = LIST_ORDERS.find((x) => x.id === v.order)!;
  const p = new URLSearchParams({
    date,
    sort: o.sort,
    order: o.order,
    page: String(v.page),
    pageSize: String(LIST_PAGE_SIZE),
  });
  if (v.q.trim()) p.set('q', v.q.trim());
  if (v.attentionOnly) p.set('attention', 'only');
  return `/api/patients?${p.toString()}`; // i18n-ignore: a URL
}

/** Where the page is in the list, e.g. "51–100 of 1,000"; null when the list is empty. */
export function pageRange(
  p: Pick<PatientPage, 'total' | 'page' | 'pageSize'>,
  shown: number,
  t: TFunction,
): string | null {
  if (p.total === 0 || shown === 0) return null;
  const first = (p.page - 1) * p.pageSize + 1;
  return t('clinic:patients.pageRange', {
    first: formatNumber(first),
    last: formatNumber(first + shown - 1),
    total: formatNumber(p.total),
  });
}
