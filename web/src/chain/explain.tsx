/**
 * My chain: the explanation of the person's own chain from the feet up. A diagram with each link in its status
 * (with a legend), then per link what was measured, where pain was marked, what it may mean for the next link and
 * how strong that claim is; missing data is said to be missing, with links to the tests that would measure it.
 * "For my clinician" shows the figures and the references (citations that link to the References page).
 * Whole-body findings (gait speed, cadence), the program's current decision, and the disclaimer close the page.
 * Never a diagnosis.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { AssessmentCatalogue, ChainLink, ExplainResponse } from '../api/assessment-types.js';
import { EvidenceTag, FindingList } from './assessment-parts.js';
import { regionLabel } from '../body-map/body-diagram.js';
import { ChainDiagram, LINK_STATUS, LinkStatusLegend, SEGMENT_NAMES } from './chain-diagram.js';
import { ChainNav, TestLink } from './chain-nav.js';
import { CitedText, Citations } from '../ui/citations.js';
import { FieldError, Link, Loading, ScreenTitle } from '../ui/common.js';
import { LatestPainAreas } from '../body-map/latest-pain.js';
import { ProgramReactions } from '../today/program-reactions.js';
import { localDate } from '../lib/local-time.js';

function MeasureWith({ ids, names }: { ids: readonly string[]; names: Record<string, string> }) {
  return (
    <ul className="measure-with">
      {ids.map((id) => (
        <li key={id}>
          {id === 'pain-map' ? <Link to="/chain/pain-map">Mark your pain map</Link>
            : id === 'gait-video' ? <a href="/gait">Film and analyse your walking</a>
            : id === 'odi' ? <Link to="/chain/outcomes">Enter your back questionnaire (ODI)</Link>
            : id === 'ndi' ? <Link to="/chain/outcomes">Enter your neck questionnaire (NDI)</Link>
            : <TestLink testId={id}>{names[id] ?? id}</TestLink>}
        </li>
      ))}
    </ul>
  );
}

function LinkCard({ link, clinician, names }: { link: ChainLink; clinician: boolean; names: Record<string, string> }) {
  const id = `link-${link.from}-${link.to}`;
  const s = LINK_STATUS[link.status];
  return (
    <article className={`card chain-link status-${link.status}`} id={id} aria-labelledby={`${id}-title`} data-link={`${link.from}-${link.to}`}>
      <h2 id={`${id}-title`}>{SEGMENT_NAMES[link.from]} → {SEGMENT_NAMES[link.to].toLowerCase()}</h2>
      <p><span className={`link-badge status-${link.status}`}><span aria-hidden="true">{s.symbol}</span> {s.words}</span></p>
      <h3>What was measured for this link</h3>
      {link.measured.length ? <FindingList findings={link.measured} clinician={clinician} /> : (
        <>
          <p className="missing-text">Nothing measured here yet, so Footing says nothing about it. To measure it:</p>
          <MeasureWith ids={link.missing} names={names} />
        </>
      )}
      {link.pain.length > 0 && <p className="pain-here">Pain you marked here: {link.pain.map((p) => `${regionLabel({ region: p.region, side: p.side })} ${p.intensity}/10`).join(', ')}.</p>}
      <h3>What it may mean for the {link.to}</h3>
      <p>{link.meaning}</p>
      <p>How sure is this? <EvidenceTag evidence={link.evidence} refs={link.refs} /></p>
      {clinician && (
        <div className="clinician-text" data-testid="clinician-text">
          <h3>For your clinician</h3>
          <p><CitedText text={link.clinician} /></p>
          <p>References: {link.refs.length ? <Citations refs={link.refs} /> : 'none: a hypothesis that no study has tested'}.</p>
        </div>
      )}
    </article>
  );
}

export function ExplainScreen() {
  const [data, setData] = useState<ExplainResponse | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [clinician, setClinician] = useState(false);

  useEffect(() => {
    api<ExplainResponse>('GET', `/api/explain?date=${localDate()}`).then(setData, (e: Error) => setError(e.message));
    api<AssessmentCatalogue>('GET', '/api/assessment/catalogue').then((c) => setNames(Object.fromEntries(c.screeningTests.map((t) => [t.id, t.name]))), () => undefined);
  }, []);

  if (!data) return <section className="screen"><ScreenTitle>My chain</ScreenTitle><ChainNav />{error ? <FieldError message={error} /> : <Loading what="your chain" />}</section>;
  const { explanation: ex, decision } = data;
  const measuredLinks = ex.links.filter((l) => l.status !== 'missing').length;
  return (
    <section className="screen">
      <ScreenTitle>My chain</ScreenTitle>
      <ChainNav />
      <p className="lead">Your body works as a chain, from the feet up to the neck. Here is what your own measurements show at each link, next to what studies have found.</p>
      <p className="muted">{measuredLinks} of {ex.links.length} links have measurements. <Link to="/chain/tests">Do a test</Link> or <Link to="/chain/pain-map">mark your pain</Link> to fill in more.</p>
      <div className="card">
        <ChainDiagram links={ex.links} painSegments={ex.painSegments} />
        <LinkStatusLegend />
      </div>
      <div className="card" aria-labelledby="where-it-hurts">
        <h2 id="where-it-hurts">Where it hurts</h2>
        <LatestPainAreas pain={data.painAreas} />
      </div>
      <button type="button" className={`toggle${clinician ? ' on' : ''}`} aria-pressed={clinician} onClick={() => setClinician(!clinician)}>
        For my clinician: {clinician ? 'showing figures and references' : 'show figures and references'}
      </button>
      {ex.links.map((l) => <LinkCard key={`${l.from}-${l.to}`} link={l} clinician={clinician} names={names} />)}
      <div className="card">
        <h2>Your whole body</h2>
        {ex.wholeBody.length ? <FindingList findings={ex.wholeBody} clinician={clinician} />
          : <p>No walking video analysed yet, so there is nothing about your walking speed or steps a minute. <a href="/gait">Film and analyse your walking</a>.</p>}
      </div>
      {decision && <ProgramReactions decision={decision} title="What your plan does now" />}
      <p className="disclaimer" role="note"><strong>Please note:</strong> {ex.disclaimer}</p>
    </section>
  );
}
