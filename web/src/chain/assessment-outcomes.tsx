/**
 * Questionnaires (outcome measures): your latest scores with their band, trend and whether the change is real
 * (responder status, with the MCID said in words), and a form for each measure. Copyrighted questionnaires are
 * never shown: only numbered boxes for what was ticked on the official form.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Assessment, AssessmentCatalogue, OutcomeMeasureId, OutcomeSummary } from '../api/assessment-types.js';
import { ChainNav } from './chain-nav.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { EvidenceTag, byWhom } from './assessment-parts.js';
import { shortDate } from '../lib/local-time.js';
import { ITEM_FORMS, ItemsForm, NprsForm, PsfsForm, StartBackForm } from './assessment-outcome-forms.js';
import { RESPONDER_SYMBOL, bandWords, formatScore } from './assessment-outcome-text.js';
import { formatNumber } from '../i18n/format.js';

const ORDER: OutcomeMeasureId[] = ['nprs', 'psfs', 'odi', 'ndi', 'faam-adl', 'faam-sports', 'start-back'];
const FREE: OutcomeMeasureId[] = ['nprs', 'psfs'];

function SummaryRow({ s, catalogue }: { s: OutcomeSummary; catalogue: AssessmentCatalogue }) {
  const { t } = useTranslation('assessment');
  const info = catalogue.outcomeMeasures[s.measure];
  const trend = s.trend;
  return (
    <li className="outcome-row" data-measure={s.measure}>
      <p>
        <strong>{info.name}</strong>
      </p>
      <p>
        {t('outcomes.latest')}{' '}
        <strong>{s.latest.score === null ? t('outcomes.notScored') : formatScore(s.measure, s.latest.score, t)}</strong>
        {s.band ? `, ${bandWords(s.measure, s.band, t)}` : ''} ·{' '}
        {t('outcomes.dateBy', { date: shortDate(s.latest.recordedAt), by: byWhom(s.latest.recordedBy, t) })}
      </p>
      {trend ? (
        <>
          <p>
            {t('outcomes.sinceFirst', {
              score: formatScore(s.measure, trend.baseline.score, t),
              date: shortDate(trend.baseline.date),
            })}{' '}
            <span className={`responder responder-${trend.status}`}>
              <span aria-hidden="true">{RESPONDER_SYMBOL[trend.status]}</span> {t(`responder.${trend.status}`)}
            </span>{' '}
            {t('outcomes.change', {
              count: trend.points.length,
              change: `${trend.change > 0 ? '+' : ''}${formatNumber(Math.round(trend.change * 10) / 10)}`,
              scores: formatNumber(trend.points.length),
            })}
          </p>
          <p className="muted small">{t('outcomes.realChange', { change: info.change })}</p>
        </>
      ) : s.measure === 'start-back' ? (
        <p className="muted small">{info.change}</p>
      ) : (
        <p className="muted small">{t('outcomes.oneScore', { change: info.change })}</p>
      )}
    </li>
  );
}

export function AssessmentOutcomesScreen() {
  const { t } = useTranslation('assessment');
  const [catalogue, setCatalogue] = useState<AssessmentCatalogue | null>(null);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api<Assessment>('GET', '/api/assessment').then(setAssessment, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    api<AssessmentCatalogue>('GET', '/api/assessment/catalogue').then(setCatalogue, (e: Error) => setError(e.message));
    reload();
  }, [reload]);

  if (!catalogue || !assessment) {
    return (
      <section className="screen">
        <ScreenTitle>{t('outcomes.title')}</ScreenTitle>
        <ChainNav />
        {error ? <FieldError message={error} /> : <Loading what={t('outcomes.loading')} />}
      </section>
    );
  }
  const summaries = [...assessment.outcomes].sort((a, b) => ORDER.indexOf(a.measure) - ORDER.indexOf(b.measure));
  const psfs = assessment.outcomes.find((o) => o.measure === 'psfs');
  const previousActivities = (
    (psfs?.latest.inputs as { activities?: { name: string }[] } | undefined)?.activities ?? []
  ).map((a) => a.name);
  return (
    <section className="screen">
      <ScreenTitle>{t('outcomes.title')}</ScreenTitle>
      <ChainNav />
      <p className="lead">{t('outcomes.lead')}</p>
      <div className="card" aria-labelledby="scores-title">
        <h2 id="scores-title">{t('outcomes.yourScores')}</h2>
        {summaries.length === 0 ? (
          <p>{t('outcomes.noScores')}</p>
        ) : (
          <ul className="outcome-list">
            {summaries.map((s) => (
              <SummaryRow key={s.measure} s={s} catalogue={catalogue} />
            ))}
          </ul>
        )}
      </div>
      <p className="notice" id="licence-note">
        <strong>{t('outcomes.licenceTitle')}</strong> {t('outcomes.licenceText')}
      </p>
      {ORDER.map((m) => {
        const info = catalogue.outcomeMeasures[m];
        const free = FREE.includes(m);
        return (
          <details key={m} className="card outcome-card" id={`measure-${m}`} open={m === 'nprs'}>
            <summary>
              <h2>{info.name}</h2>
            </summary>
            <p>{t(`outcomes.intro.${m}`)}</p>
            {!free && <p className="notice small">{t('outcomes.copyNumbers')}</p>}
            <details>
              <summary>{t('outcomes.about')}</summary>
              <p>
                <strong>{t('outcomes.stored')}</strong> {info.stores}
              </p>
              <p>
                <strong>{t('outcomes.licence')}</strong> {info.licence}
              </p>
              <p>
                <strong>{t('outcomes.missing')}</strong> {info.missingRule}
              </p>
              <p>
                <strong>{t('outcomes.realChangeLabel')}</strong> {info.change}
              </p>
              <EvidenceTag evidence={info.evidence} refs={info.refs} />
            </details>
            {m === 'nprs' && <NprsForm onSaved={reload} />}
            {m === 'psfs' && <PsfsForm onSaved={reload} previous={previousActivities} />}
            {(m === 'odi' || m === 'ndi' || m === 'faam-adl' || m === 'faam-sports') && (
              <ItemsForm config={ITEM_FORMS[m]} onSaved={reload} />
            )}
            {m === 'start-back' && <StartBackForm onSaved={reload} />}
          </details>
        );
      })}
    </section>
  );
}
