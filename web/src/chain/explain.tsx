/**
 * My chain: the explanation of the person's own chain from the feet up. A diagram with each link in its status
 * (with a legend), then per link what was measured, where pain was marked, what it may mean for the next link and
 * how strong that claim is; missing data is said to be missing, with links to the tests that would measure it.
 * "For my clinician" shows the figures and the references (citations that link to the References page).
 * Whole-body findings (gait speed, cadence), the program's current decision, and the disclaimer close the page.
 * Never a diagnosis.
 */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { AssessmentCatalogue, ChainLink, ExplainResponse } from '../api/assessment-types.js';
import { EvidenceTag, FindingList } from './assessment-parts.js';
import { regionLabel } from '../body-map/body-diagram.js';
import { ChainDiagram, LINK_STATUS, LinkStatusLegend, linkStatusWords, segmentName } from './chain-diagram.js';
import { ChainNav, TestLink } from './chain-nav.js';
import { CitedText, Citations } from '../ui/citations.js';
import { FieldError, Link, Loading, ScreenTitle } from '../ui/common.js';
import { LatestPainAreas } from '../body-map/latest-pain.js';
import { ProgramReactions } from '../today/program-reactions.js';
import { localDate } from '../lib/local-time.js';
import { formatNumber } from '../i18n/format.js';

function MeasureWith({ ids, names }: { ids: readonly string[]; names: Record<string, string> }) {
  const { t } = useTranslation('chain');
  return (
    <ul className="measure-with">
      {ids.map((id) => (
        <li key={id}>
          {id === 'pain-map' ? (
            <Link to="/chain/pain-map">{t('measure.painMap')}</Link>
          ) : id === 'gait-video' ? (
            <a href="/gait">{t('measure.gaitVideo')}</a>
          ) : id === 'odi' ? (
            <Link to="/chain/outcomes">{t('measure.odi')}</Link>
          ) : id === 'ndi' ? (
            <Link to="/chain/outcomes">{t('measure.ndi')}</Link>
          ) : (
            <TestLink testId={id}>{names[id] ?? id}</TestLink>
          )}
        </li>
      ))}
    </ul>
  );
}

function LinkCard({ link, clinician, names }: { link: ChainLink; clinician: boolean; names: Record<string, string> }) {
  const { t } = useTranslation('chain');
  const id = `link-${link.from}-${link.to}`;
  const s = LINK_STATUS[link.status];
  return (
    <article
      className={`card chain-link status-${link.status}`}
      id={id}
      aria-labelledby={`${id}-title`}
      data-link={`${link.from}-${link.to}`}
    >
      <h2 id={`${id}-title`}>
        {segmentName(t, link.from)} → {segmentName(t, link.to).toLowerCase()}
      </h2>
      <p>
        <span className={`link-badge status-${link.status}`}>
          <span aria-hidden="true">{s.symbol}</span> {linkStatusWords(t, link.status)}
        </span>
      </p>
      <h3>{t('link.measured')}</h3>
      {link.measured.length ? (
        <FindingList findings={link.measured} clinician={clinician} />
      ) : (
        <>
          <p className="missing-text">{t('link.nothingMeasured')}</p>
          <MeasureWith ids={link.missing} names={names} />
        </>
      )}
      {link.pain.length > 0 && (
        <p className="pain-here">
          {t('link.painHere', {
            areas: link.pain
              .map((p) =>
                t('link.painArea', {
                  area: regionLabel({ region: p.region, side: p.side }),
                  intensity: formatNumber(p.intensity),
                }),
              )
              .join(', '),
          })}
        </p>
      )}
      <h3>{t('link.meaningFor', { part: t(`segmentWithArticle.${link.to}`) })}</h3>
      <p>{link.meaning}</p>
      <p>
        {t('link.howSure')} <EvidenceTag evidence={link.evidence} refs={link.refs} />
      </p>
      {clinician && (
        <div className="clinician-text" data-testid="clinician-text">
          <h3>{t('link.forClinician')}</h3>
          <p>
            <CitedText text={link.clinician} />
          </p>
          <p>
            {t('link.references')} {link.refs.length ? <Citations refs={link.refs} /> : t('link.noReferences')}.
          </p>
        </div>
      )}
    </article>
  );
}

export function ExplainScreen() {
  const { t } = useTranslation('chain');
  const [data, setData] = useState<ExplainResponse | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [clinician, setClinician] = useState(false);

  useEffect(() => {
    api<ExplainResponse>('GET', `/api/explain?date=${localDate()}`).then(setData, (e: Error) => setError(e.message));
    api<AssessmentCatalogue>('GET', '/api/assessment/catalogue').then(
      (c) => setNames(Object.fromEntries(c.screeningTests.map((t) => [t.id, t.name]))),
      () => undefined,
    );
  }, []);

  if (!data)
    return (
      <section className="screen">
        <ScreenTitle>{t('explain.title')}</ScreenTitle>
        <ChainNav />
        {error ? <FieldError message={error} /> : <Loading what={t('explain.loading')} />}
      </section>
    );
  const { explanation: ex, decision } = data;
  const measuredLinks = ex.links.filter((l) => l.status !== 'missing').length;
  return (
    <section className="screen">
      <ScreenTitle>{t('explain.title')}</ScreenTitle>
      <ChainNav />
      <p className="lead">{t('explain.lead')}</p>
      <p className="muted">
        <Trans
          t={t}
          i18nKey="explain.measuredLinks"
          count={ex.links.length}
          values={{ measured: formatNumber(measuredLinks), total: formatNumber(ex.links.length) }}
          components={{
            tests: <Link to="/chain/tests">{null}</Link>,
            painMap: <Link to="/chain/pain-map">{null}</Link>,
          }}
        />
      </p>
      <div className="card">
        <ChainDiagram links={ex.links} painSegments={ex.painSegments} />
        <LinkStatusLegend />
      </div>
      <div className="card" aria-labelledby="where-it-hurts">
        <h2 id="where-it-hurts">{t('explain.whereItHurts')}</h2>
        <LatestPainAreas pain={data.painAreas} />
      </div>
      <button
        type="button"
        className={`toggle${clinician ? ' on' : ''}`}
        aria-pressed={clinician}
        onClick={() => setClinician(!clinician)}
      >
        {clinician ? t('explain.clinicianOn') : t('explain.clinicianOff')}
      </button>
      {ex.links.map((l) => (
        <LinkCard key={`${l.from}-${l.to}`} link={l} clinician={clinician} names={names} />
      ))}
      <div className="card">
        <h2>{t('explain.wholeBody')}</h2>
        {ex.wholeBody.length ? (
          <FindingList findings={ex.wholeBody} clinician={clinician} />
        ) : (
          <p>
            <Trans t={t} i18nKey="explain.noGait" components={{ gait: <a href="/gait" /> }} />
          </p>
        )}
      </div>
      {decision && <ProgramReactions decision={decision} title={t('explain.planNow')} />}
      <p className="disclaimer" role="note">
        <strong>{t('explain.pleaseNote')}</strong> {ex.disclaimer}
      </p>
    </section>
  );
}
