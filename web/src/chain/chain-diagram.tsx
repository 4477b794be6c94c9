/**
 * The chain from the feet up (foot at the bottom, neck at the top), each link drawn in its status: a colour AND a
 * line style AND a symbol AND words, so no one needs to tell colours apart. Segments where pain was marked carry
 * a "pain" tag. The picture is one image for screen readers, described in text; the link cards below it carry
 * the detail. `LinkStatusLegend` explains the styles.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ChainLink, ChainSegment } from '../api/assessment-types.js';

type LinkStatus = ChainLink['status'];

/** Each status's symbol and line style; its words are chain:status.<status> in the catalogue. */
export const LINK_STATUS: Record<LinkStatus, { symbol: string; dash: string }> = {
  notable: { symbol: '!', dash: '' },
  mixed: { symbol: '~', dash: '10 5' },
  borderline: { symbol: '≈', dash: '6 3' },
  // Its words are kept short enough for the diagram's line on a 390 px phone (a longer 'to compare with' ran off its right edge).
  unrated: { symbol: '·', dash: '1 5' },
  typical: { symbol: '✓', dash: '' },
  missing: { symbol: '?', dash: '2 6' },
};

/** A status in words, e.g. "In the usual range". */
export const linkStatusWords = (t: TFunction, status: LinkStatus): string => t(`chain:status.${status}`);

/** A part of the body by name, capitalised as a heading writes it, e.g. "Foot". */
export const segmentName = (t: TFunction, segment: ChainSegment): string => t(`chain:segment.${segment}`);

const STEP = 58;
const TOP = 24;
const X = 34;

export function ChainDiagram({
  links,
  painSegments,
}: {
  links: readonly ChainLink[];
  painSegments: readonly ChainSegment[];
}) {
  const { t } = useTranslation('chain');
  // Segments from the bottom: each link's `from`, then the last link's `to`.
  const segments: ChainSegment[] = [
    ...links.map((l) => l.from),
    ...(links.length ? [links[links.length - 1]!.to] : []),
  ];
  const n = segments.length;
  const y = (i: number) => TOP + (n - 1 - i) * STEP;
  const height = TOP * 2 + (n - 1) * STEP;
  const lower = (s: string) => s.toLowerCase();
  const description =
    links
      .map((l) =>
        t('diagram.linkDescription', {
          from: segmentName(t, l.from),
          to: lower(segmentName(t, l.to)),
          status: lower(linkStatusWords(t, l.status)),
        }),
      )
      .join(' ') +
    (painSegments.length
      ? ` ${t('diagram.painAt', { segments: painSegments.map((s) => lower(segmentName(t, s))).join(', ') })}`
      : '');
  return (
    <figure className="chain-diagram">
      <svg viewBox={`0 0 320 ${height}`} role="img" aria-labelledby="chain-svg-title chain-svg-desc">
        <title id="chain-svg-title">{t('diagram.title')}</title>
        <desc id="chain-svg-desc">{description}</desc>
        {links.map((l, i) => {
          const s = LINK_STATUS[l.status];
          const mid = (y(i) + y(i + 1)) / 2;
          return (
            <g
              key={`${l.from}-${l.to}`}
              className={`chain-link-line status-${l.status}`}
              data-link={`${l.from}-${l.to}`}
            >
              <line x1={X} y1={y(i)} x2={X} y2={y(i + 1)} strokeDasharray={s.dash || undefined} />
              <circle cx={X} cy={mid} r="11" />
              <text x={X} y={mid} dy="0.35em" textAnchor="middle" className="symbol">
                {s.symbol}
              </text>
              <text x={X + 26} y={mid} dy="0.35em" className="link-words">
                {linkStatusWords(t, l.status)}
              </text>
            </g>
          );
        })}
        {segments.map((seg, i) => (
          <g key={seg} className="chain-node">
            <circle cx={X} cy={y(i)} r="8" />
            <text x={X + 20} y={y(i)} dy="0.35em" className="node-name">
              {segmentName(t, seg)}
            </text>
            {painSegments.includes(seg) && (
              <text x={X + 100} y={y(i)} dy="0.35em" className="pain-tag">
                {t('diagram.painTag')}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption>{t('diagram.caption')}</figcaption>
    </figure>
  );
}

export function LinkStatusLegend() {
  const { t } = useTranslation('chain');
  return (
    <ul className="legend chain-legend" aria-label={t('diagram.legend')}>
      {(Object.keys(LINK_STATUS) as LinkStatus[]).map((k) => (
        <li key={k}>
          <svg width="44" height="22" aria-hidden="true" className={`chain-link-line status-${k}`}>
            <line x1="2" y1="11" x2="42" y2="11" strokeDasharray={LINK_STATUS[k].dash || undefined} />
          </svg>
          <span className={`link-badge status-${k}`}>
            <span aria-hidden="true">{LINK_STATUS[k].symbol}</span> {linkStatusWords(t, k)}
          </span>
        </li>
      ))}
    </ul>
  );
}
