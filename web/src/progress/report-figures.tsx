/**
 * The report's pictures in the app (issue 15, Reports item 2): pain over time with the baseline ± MCID band,
 * sessions done each week, steps against the walking target, and the gait picture (the still saved with the analysis,
 * else the stick figure of its representative frame, each with its caption), drawn from the same content
 * the PDF is made from (GET .../report?format=json), so the page and the printed report show the same figures.
 * Each picture is one image for screen readers, described in words (the numbers are in the tables of the page).
 */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReportBlock, ReportDocument } from '../../../src/core/report/report-document.js';
import { daysBetween, addDays } from '../../../src/core/dates.js';
import { api } from '../api/client.js';
import { formatDayWithYear } from '../i18n/format.js';
import './report-figures.css';
import { axisTicks } from '../../../src/core/report/chart-ticks.js';
import { captionIn, chartIn } from '../../../src/core/i18n/report-chart-texts.js';
import { currentLanguage } from '../i18n/i18n.js';

type Chart = Extract<ReportBlock, { kind: 'chart' }>;
type Still = Extract<ReportBlock, { kind: 'skeleton' }>;
type Picture = Extract<ReportBlock, { kind: 'picture' }>;

const W = 320;
const H = 150;
const L = 30;
const T = 8;
const PW = W - L - 6;
const PH = H - T - 22;
const SIDE = { left: '#e69f00', right: '#0072b2', mid: '#666666' } as const;

// The chart's title and labels come from the report (the server writes them in English with their ids; chartIn gives them in the
// language on screen); the words around them from here.
function describe(c: Chart, t: TFunction): string {
  const pts = c.series.flatMap((s) => s.points);
  const first = pts[0];
  const last = pts.at(-1);
  const values =
    first && last
      ? t('report.describeFirstLast', {
          count: pts.length,
          title: c.title,
          from: formatDayWithYear(c.from),
          to: formatDayWithYear(c.to),
          first: first.value,
          last: last.value,
        })
      : t('report.describe', {
          count: pts.length,
          title: c.title,
          from: formatDayWithYear(c.from),
          to: formatDayWithYear(c.to),
        });
  return `${values}${c.band ? ` ${t('report.shaded', { label: c.band.label })}` : ''}${c.line ? ` ${t('report.dashedLine', { label: c.line.label })}` : ''}`;
}

export function ReportChart({ chart }: { chart: Chart }) {
  const { t } = useTranslation('progress');
  // The report writes its words in English (the PDF's); the page shows them in the language on screen.
  const c = chartIn(chart, currentLanguage());
  const days = Math.max(1, daysBetween(c.from, c.to));
  const x = (d: string) => L + (daysBetween(c.from, d.slice(0, 10)) / days) * PW;
  const y = (v: number) => T + PH - ((v - c.yMin) / (c.yMax - c.yMin || 1)) * PH;
  return (
    <figure className="report-figure">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={describe(c, t)}>
        {c.band && (
          <rect x={L} y={y(c.band.high)} width={PW} height={y(c.band.low) - y(c.band.high)} className="band" />
        )}
        {axisTicks(c.yMin, c.yMax).map((tick) => (
          <g key={tick}>
            <line x1={L} x2={L + PW} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={L - 3} y={y(tick) + 3} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {c.line && <line x1={L} x2={L + PW} y1={y(c.line.value)} y2={y(c.line.value)} className="target" />}
        {c.series.map((s) =>
          c.style === 'bars' ? (
            s.points.map((p) => {
              const x0 = x(p.date);
              const x1 = Math.min(L + PW, x(addDays(p.date.slice(0, 10), 7)));
              return (
                <rect
                  key={p.date}
                  x={x0 + 1}
                  y={y(p.value)}
                  width={Math.max(1, x1 - x0 - 2)}
                  height={y(c.yMin) - y(p.value)}
                  className="bar"
                />
              );
            })
          ) : (
            <g key={s.label}>
              <polyline points={s.points.map((p) => `${x(p.date)},${y(p.value)}`).join(' ')} className="series" />
              {s.points.map((p) => (
                <circle key={p.date} cx={x(p.date)} cy={y(p.value)} r={1.8} className="dot" />
              ))}
            </g>
          ),
        )}
        <rect x={L} y={T} width={PW} height={PH} className="frame" />
        <text x={L} y={H - 8}>
          {formatDayWithYear(c.from)}
        </text>
        <text x={L + PW} y={H - 8} textAnchor="end">
          {formatDayWithYear(c.to)}
        </text>
      </svg>
      <figcaption>
        <strong>{c.title}</strong> ({c.yLabel}).{c.band ? ` ${t('report.shaded', { label: c.band.label })}` : ''}
        {c.line ? ` ${t('report.dashed', { label: c.line.label })}` : ''}
      </figcaption>
    </figure>
  );
}

export function ReportStill({ still: s }: { still: Still }) {
  const { t } = useTranslation('progress');
  return (
    <figure className="report-figure report-still">
      <svg
        viewBox={`0 0 ${s.width} ${s.height}`}
        role="img"
        aria-label={t('report.stillLabel', { caption: captionIn(s, currentLanguage()) })}
      >
        {s.segments.map((g, i) => (
          <line
            key={i}
            x1={g.x1}
            y1={g.y1}
            x2={g.x2}
            y2={g.y2}
            stroke={SIDE[g.side]}
            strokeWidth={Math.max(2, s.height / 120)}
            strokeLinecap="round"
          />
        ))}
      </svg>
      <figcaption>{t('report.stillCaption', { caption: captionIn(s, currentLanguage()) })}</figcaption>
    </figure>
  );
}

/**
 * The still saved with a gait analysis (the video frame with the body's points and angles drawn on it), as the PDF
 * prints it: the JPEG the report carries, at most its own size, with the report's caption under it (ended with a full stop,
 * as src/reports/pdf-figures.ts prints it).
 */
export function ReportPicture({ picture: p }: { picture: Picture }) {
  const { t } = useTranslation('progress');
  return (
    <figure className="report-figure report-still">
      <img src={`data:image/jpeg;base64,${p.jpeg}`} width={p.width} height={p.height} alt={t('report.pictureLabel')} />
      <figcaption>{`${captionIn(p, currentLanguage())}.`}</figcaption>
    </figure>
  );
}

/** The pictures of a report, loaded from `path` (the report's address with format=json). */
export function ReportFigures({ path }: { path: string }) {
  const { t } = useTranslation('progress');
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api<ReportDocument>('GET', path).then(
      (d) => {
        if (live) setDoc(d);
      },
      (e: Error) => {
        if (live) setFailed(e.message);
      },
    );
    return () => {
      live = false;
    };
  }, [path]);
  if (failed) return <p className="muted">{t('report.failed', { message: failed })}</p>;
  if (!doc) return <p className="muted">{t('report.loading')}</p>;
  const figures = doc.blocks.filter(
    (b): b is Chart | Still | Picture => b.kind === 'chart' || b.kind === 'skeleton' || b.kind === 'picture',
  );
  if (!figures.length) return <p>{t('report.none')}</p>;
  return (
    <div className="report-figures">
      {figures.map((b, i) =>
        b.kind === 'chart' ? (
          <ReportChart key={i} chart={b} />
        ) : b.kind === 'skeleton' ? (
          <ReportStill key={i} still={b} />
        ) : (
          <ReportPicture key={i} picture={b} />
        ),
      )}
    </div>
  );
}
