/**
 * The patient list's line for one patient (GET /api/patients, a page of them; GET /api/patients/:personId/summary).
 * Whether a patient needs attention is decided on the server with the DOMAIN.md thresholds
 * (src/core/patient-attention.ts): a red flag, pain meaningfully worse than in the first week (the NPRS MCID), no
 * check-in for 7 days, or sessions on under half the days of a week once the program has run a whole week.
 */
import { monitoringText, type MonitoringPeriod } from '../../../src/core/remote-monitoring.js';

export interface Adherence { done: number; prescribed: number; fraction: number }

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
  painTrend: { baseline: number; recent: number; status: 'improved' | 'no-meaningful-change' | 'worse'; mcidPoints: number } | null;
  needsAttention: string[];
  /** The current remote-monitoring period (src/core/remote-monitoring.ts); null before the program starts. */
  monitoring: MonitoringPeriod | null;
  /** Messages from this patient the clinician has not opened yet. */
  unreadMessages: number;
}

/** The monitoring period in a line: days with data against the 16 of the rule, and the minutes logged. */
export function monitoringLineText(m: MonitoringPeriod | null): string {
  if (!m) return 'not started';
  return `${monitoringText(m)}; ${m.minutes} min logged`;
}

/** The reasons this patient needs attention today (empty when none). */
export function attentionReasons(p: PatientLine, _today?: string): string[] {
  return p.needsAttention ?? [];
}

/** The pain trend in words, with the MCID that makes a change real. */
export function painTrendText(t: PatientLine['painTrend']): string {
  if (!t) return 'not enough check-ins yet';
  const word = t.status === 'improved' ? 'better' : t.status === 'worse' ? 'worse' : 'no real change';
  return `${t.baseline} → ${t.recent}/10: ${word} (a real change is ${t.mcidPoints} points or 30%)`;
}

/** A page of the list: the patients on it, how many match the search and filter, the page (from 1) and its size. */
export interface PatientPage { patients: PatientLine[]; total: number; page: number; pageSize: number }

/** The list's orders as the screen offers them (the API's sort and order). */
export const LIST_ORDERS = [
  { id: 'name', label: 'Name, A to Z', sort: 'name', order: 'asc' },
  { id: 'name-desc', label: 'Name, Z to A', sort: 'name', order: 'desc' },
  { id: 'attention', label: 'Needs attention first', sort: 'attention', order: 'desc' },
  { id: 'checkin', label: 'Last check-in, latest first', sort: 'lastCheckin', order: 'desc' },
  { id: 'checkin-oldest', label: 'Last check-in, longest ago first', sort: 'lastCheckin', order: 'asc' },
  { id: 'session', label: 'Last session, latest first', sort: 'lastSession', order: 'desc' },
  { id: 'adherence', label: 'Adherence this week, lowest first', sort: 'adherence7', order: 'asc' },
  { id: 'stage', label: 'Stage, lowest first', sort: 'stage', order: 'asc' },
  { id: 'stage-desc', label: 'Stage, highest first', sort: 'stage', order: 'desc' },
] as const;
export type ListOrderId = (typeof LIST_ORDERS)[number]['id'];

/** What the clinician asked of the list (kept in the address, so Back from a patient returns to the same page). */
export interface ListView { q: string; order: ListOrderId; attentionOnly: boolean; page: number }

export const LIST_PAGE_SIZE = 50;

/** The view in the address's query (?q=&order=&attention=only&page=); anything unknown falls back to the default. */
export function viewFromSearch(search: string): ListView {
  const p = new URLSearchParams(search);
  const order = LIST_ORDERS.find((o) => o.id === p.get('order'))?.id ?? 'name';
  const page = Number(p.get('page'));
  return { q: p.get('q') ?? '', order, attentionOnly: p.get('attention') === 'only', page: Number.isInteger(page) && page >= 1 ? page : 1 };
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
  const p = new URLSearchParams({ date, sort: o.sort, order: o.order, page: String(v.page), pageSize: String(LIST_PAGE_SIZE) });
  if (v.q.trim()) p.set('q', v.q.trim());
  if (v.attentionOnly) p.set('attention', 'only');
  return `/api/patients?${p.toString()}`;
}

const count = new Intl.NumberFormat('en-GB');

/** Where the page is in the list, e.g. "51–100 of 1,000"; null when the list is empty. */
export function pageRange(p: Pick<PatientPage, 'total' | 'page' | 'pageSize'>, shown: number): string | null {
  if (p.total === 0 || shown === 0) return null;
  const first = (p.page - 1) * p.pageSize + 1;
  return `${count.format(first)}–${count.format(first + shown - 1)} of ${count.format(p.total)}`;
}
