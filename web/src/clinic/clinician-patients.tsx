/**
 * The clinician's patient list: each patient who accepted their invitation, with stage and status, a red flag,
 * adherence over the last 7 and 28 days, the last check-in (date and highest pain), the last session, and the current
 * remote-monitoring period (days with data against 16, minutes logged; docs/clinic.md). Search by
 * name or email, a choice of order, "needs attention" only (red flag, pain worse, no check-in for 7 days, or
 * adherence under 50%), 50 a page. The server searches, sorts and pages (GET /api/patients); the view is kept in
 * the address, so Back from a patient returns to the same page.
 */
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../api/client.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { localDate } from '../lib/local-time.js';
import { LAST_STAGE } from '../../../src/core/stages.js';
import {
  attentionReasons,
  LIST_ORDERS,
  listRequest,
  monitoringLineText,
  pageRange,
  painTrendText,
  searchOf,
  viewFromSearch,
  type Adherence,
  type ListOrderId,
  type ListView,
  type PatientPage,
} from './clinician-attention.js';
import { ClinicianInvite } from './clinician-invite.js';
import { PathLink } from '../ui/path-link.js';
import { formatNumber } from '../i18n/format.js';

const pct = (a: Adherence | null, t: TFunction) =>
  a
    ? t('clinic:patients.adherence', {
        done: formatNumber(a.done),
        prescribed: formatNumber(a.prescribed),
        percent: formatNumber(Math.round(a.fraction * 100)),
      })
    : '–';
/** Typing pauses this long before the list is asked again. */
const SEARCH_DELAY_MS = 300;

/**
 * The patient list. `version` changes when the workspace's live poll sees the unread total or the newest message
 * change (clinician-workspace.tsx): the list is asked again, so each patient's unread line follows without a reload.
 */
export function ClinicianPatientsScreen({ version = 0 }: { version?: number }) {
  const { t } = useTranslation('clinic');
  const today = localDate();
  const [view, setView] = useState<ListView>(() => viewFromSearch(location.search));
  const [query, setQuery] = useState(view.q);
  const [list, setList] = useState<PatientPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    history.replaceState(history.state, '', `${location.pathname}${searchOf(view)}`);
    const n = ++asked.current;
    api<PatientPage>('GET', listRequest(view, today)).then(
      (page) => {
        if (n === asked.current) {
          setList(page);
          setError(null);
        }
      },
      (e: Error) => {
        if (n === asked.current) setError(e.message);
      },
    );
  }, [view, today, version]);
  // The search box asks again once typing pauses, from the first page.
  useEffect(() => {
    if (query === view.q) return;
    const timer = setTimeout(() => setView((v) => ({ ...v, q: query, page: 1 })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, view.q]);

  const change = (v: Partial<ListView>) => setView((old) => ({ ...old, page: 1, ...v }));
  const range = list ? pageRange(list, list.patients.length, t) : null;
  const lastPage = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  const go = (page: number) => {
    setView((v) => ({ ...v, page }));
    window.scrollTo(0, 0);
  };
  return (
    <section className="screen">
      <ScreenTitle>{t('patients.title')}</ScreenTitle>
      <form
        role="search"
        className="list-controls card"
        onSubmit={(e) => {
          e.preventDefault();
          change({ q: query });
        }}
      >
        <label htmlFor="patient-search">{t('patients.search')}</label>
        <input
          id="patient-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          enterKeyHint="search"
        />
        <label htmlFor="patient-order">{t('patients.orderLabel')}</label>
        <select
          id="patient-order"
          value={view.order}
          onChange={(e) => change({ order: e.target.value as ListOrderId })}
        >
          {LIST_ORDERS.map((o) => (
            <option key={o.id} value={o.id}>
              {t(`patients.order.${o.id}`)}
            </option>
          ))}
        </select>
        <fieldset className="filter-row">
          <legend className="visually-hidden">{t('patients.show')}</legend>
          <label className="check">
            <input
              type="radio"
              name="patient-filter"
              checked={!view.attentionOnly}
              onChange={() => change({ attentionOnly: false })}
            />
            <span>{t('patients.all')}</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="patient-filter"
              checked={view.attentionOnly}
              onChange={() => change({ attentionOnly: true })}
            />
            <span>{t('patients.needsAttention')}</span>
          </label>
        </fieldset>
      </form>
      {!list ? (
        error ? (
          <FieldError message={error} />
        ) : (
          <Loading what={t('patients.loading')} />
        )
      ) : (
        <>
          <FieldError message={error} />
          <p className="list-count" role="status">
            {range ??
              (list.total > 0
                ? t('patients.emptyPage', { page: formatNumber(view.page), last: formatNumber(lastPage) })
                : view.q
                  ? t('patients.noMatch', { q: view.q })
                  : view.attentionOnly
                    ? t('patients.noneNeedAttention')
                    : t('patients.none'))}
          </p>
          {list.patients.length > 0 && (
            <ul className="patient-list">
              {list.patients.map((p) => {
                const reasons = attentionReasons(p, t);
                return (
                  <li
                    key={p.personId}
                    /* i18n-ignore: CSS class names */ className={`card patient-line${p.redFlag ? ' red-flag' : ''}`}
                  >
                    <h2>
                      <PathLink to={`/patients/${encodeURIComponent(p.personId)}`}>{p.displayName}</PathLink>
                    </h2>
                    {p.unreadMessages > 0 && (
                      <p className="small" data-testid="unread-messages">
                        <PathLink to={`/patients/${encodeURIComponent(p.personId)}/messages`}>
                          <Trans
                            t={t}
                            i18nKey="patients.unread"
                            count={p.unreadMessages}
                            values={{ n: formatNumber(p.unreadMessages), name: p.displayName }}
                            components={{
                              badge: <span className="unread-badge" aria-hidden="true" />,
                              hidden: <span className="visually-hidden" />,
                            }}
                          />
                        </PathLink>
                      </p>
                    )}
                    {p.email && <p className="small muted patient-email">{p.email}</p>}
                    {p.redFlag && <p className="flag">{t('patients.redFlag')}</p>}
                    <dl className="facts">
                      <dt>{t('patients.stage')}</dt>
                      <dd>
                        {p.program
                          ? `${t('patients.stageOf', { stage: formatNumber(p.program.stage), last: formatNumber(LAST_STAGE) })}${p.program.status !== 'active' ? ` (${t(`patients.programStatus.${p.program.status}`)})` : ''}`
                          : t('patients.notStarted')}
                      </dd>
                      <dt>{t('patients.adherence7')}</dt>
                      <dd>{pct(p.adherence7, t)}</dd>
                      <dt>{t('patients.adherence28')}</dt>
                      <dd>{pct(p.adherence28, t)}</dd>
                      <dt>{t('patients.painTrend')}</dt>
                      <dd>{painTrendText(p.painTrend, t)}</dd>
                      <dt>{t('patients.lastCheckin')}</dt>
                      <dd>
                        {p.lastCheckin
                          ? p.lastCheckin.maxPain !== null
                            ? t('patients.checkinWithPain', {
                                date: p.lastCheckin.date,
                                pain: formatNumber(p.lastCheckin.maxPain),
                              })
                            : p.lastCheckin.date
                          : t('patients.noneYet')}
                      </dd>
                      <dt>{t('patients.lastSession')}</dt>
                      <dd>{p.lastSessionDate ?? t('patients.noneYet')}</dd>
                      <dt>{t('patients.monitoring')}</dt>
                      <dd data-testid="monitoring" className={p.monitoring?.reached ? 'monitoring-reached' : undefined}>
                        {monitoringLineText(p.monitoring, t)}
                      </dd>
                    </dl>
                    {reasons.length > 0 && (
                      <p className="attention">{t('patients.attention', { reasons: reasons.join('; ') })}</p>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {list.total > list.pageSize && (
            <nav className="pager" aria-label={t('patients.pages')}>
              <button type="button" onClick={() => go(view.page - 1)} disabled={view.page <= 1}>
                <Trans
                  t={t}
                  i18nKey="patients.previous"
                  components={{ hidden: <span className="visually-hidden" /> }}
                />
              </button>
              <span>{range ?? t('patients.page', { page: formatNumber(view.page) })}</span>
              <button type="button" onClick={() => go(view.page + 1)} disabled={view.page >= lastPage}>
                <Trans t={t} i18nKey="patients.next" components={{ hidden: <span className="visually-hidden" /> }} />
              </button>
            </nav>
          )}
        </>
      )}
      <ClinicianInvite />
    </section>
  );
}
