/**
 * The chain from the feet up (foot at the bottom, neck at the top), each link drawn in its status: a colour AND a
 * line style AND a symbol AND words, so no one needs to tell colours apart. Segments where pain was marked carry
 * a "pain" tag. The picture is one image for screen readers, described in text; the link cards below it carry
 * the detail. `LinkStatusLegend` explains the styles.
 */
import type { ChainLink, ChainSegment } from '../api/assessment-types.js';

type LinkStatus = ChainLink['status'];

export const LINK_STATUS: Record<LinkStatus, { symbol: string; words: string; dash: string }> = {
  notable: { symbol: '!', words: 'Something outside the usual range', dash: '' },
  mixed: { symbol: '~', words: 'Mixed: some in range, some not', dash: '10 5' },
  borderline: { symbol: '≈', words: 'At the edge of the usual range', dash: '6 3' },
  // Short enough for the diagram's line on a 390 px phone (the longer 'to compare with' ran off its right edge).
  unrated: { symbol: '·', words: 'Measured: no agreed range', dash: '1 5' },
  typical: { symbol: '✓', words: 'In the usual range', dash: '' },
  missing: { symbol: '?', words: 'Not measured yet', dash: '2 6' },
};

export const SEGMENT_NAMES: Record<ChainSegment, string> = {
  foot: 'Foot', ankle: 'Ankle', knee: 'Knee', hip: 'Hip', pelvis: 'Pelvis', sacrum: 'Sacrum', spine: 'Spine', neck: 'Neck',
};

const STEP = 58;
const TOP = 24;
const X = 34;

export function ChainDiagram({ links, painSegments }: { links: readonly ChainLink[]; painSegments: readonly ChainSegment[] }) {
  // Segments from the bottom: each link's `from`, then the last link's `to`.
  const segments: ChainSegment[] = [...links.map((l) => l.from), ...(links.length ? [links[links.length - 1]!.to] : [])];
  const n = segments.length;
  const y = (i: number) => TOP + (n - 1 - i) * STEP;
  const height = TOP * 2 + (n - 1) * STEP;
  const description = links.map((l) => `${SEGMENT_NAMES[l.from]} to ${SEGMENT_NAMES[l.to].toLowerCase()}: ${LINK_STATUS[l.status].words.toLowerCase()}.`).join(' ')
    + (painSegments.length ? ` Pain marked at: ${painSegments.map((s) => SEGMENT_NAMES[s].toLowerCase()).join(', ')}.` : '');
  return (
    <figure className="chain-diagram">
      <svg viewBox={`0 0 320 ${height}`} role="img" aria-labelledby="chain-svg-title chain-svg-desc">
        <title id="chain-svg-title">Your chain from the feet up</title>
        <desc id="chain-svg-desc">{description}</desc>
        {links.map((l, i) => {
          const s = LINK_STATUS[l.status];
          const mid = (y(i) + y(i + 1)) / 2;
          return (
            <g key={`${l.from}-${l.to}`} className={`chain-link-line status-${l.status}`} data-link={`${l.from}-${l.to}`}>
              <line x1={X} y1={y(i)} x2={X} y2={y(i + 1)} strokeDasharray={s.dash || undefined} />
              <circle cx={X} cy={mid} r="11" />
              <text x={X} y={mid} dy="0.35em" textAnchor="middle" className="symbol">{s.symbol}</text>
              <text x={X + 26} y={mid} dy="0.35em" className="link-words">{s.words}</text>
            </g>
          );
        })}
        {segments.map((seg, i) => (
          <g key={seg} className="chain-node">
            <circle cx={X} cy={y(i)} r="8" />
            <text x={X + 20} y={y(i)} dy="0.35em" className="node-name">{SEGMENT_NAMES[seg]}</text>
            {painSegments.includes(seg) && <text x={X + 100} y={y(i)} dy="0.35em" className="pain-tag">● pain marked</text>}
          </g>
        ))}
      </svg>
      <figcaption>The foot is at the bottom; each line is the link to the next part of the body.</figcaption>
    </figure>
  );
}

export function LinkStatusLegend() {
  return (
    <ul className="legend chain-legend" aria-label="What the lines mean">
      {(Object.keys(LINK_STATUS) as LinkStatus[]).map((k) => (
        <li key={k}>
          <svg width="44" height="22" aria-hidden="true" className={`chain-link-line status-${k}`}>
            <line x1="2" y1="11" x2="42" y2="11" strokeDasharray={LINK_STATUS[k].dash || undefined} />
          </svg>
          <span className={`link-badge status-${k}`}><span aria-hidden="true">{LINK_STATUS[k].symbol}</span> {LINK_STATUS[k].words}</span>
        </li>
      ))}
    </ul>
  );
}
